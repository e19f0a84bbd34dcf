#include "check/analyzer_calls.hpp"

#include "check/abi_strings.hpp"

#include <fmt/format.h>
#include <rebuy/plugin.hpp>

#include <cmath>
#include <set>

namespace rebuy::core {

checked_analyzer::checked_analyzer(const plugin &analyzer, findings<analyzer_rule> &broken,
                                   const option_list &options)
    : plugin_(analyzer), api_(*analyzer.analyzer_api()), broken_(broken) {
  auto abi_options = to_abi_options(options);
  raw_error_sink errors;
  rebuy_analyzer *handle = nullptr;
  auto status =
      api_.create(host_.get(), abi_options.data(), abi_options.size(), &handle, errors.get());
  if (!judge(status, errors, "create")) return;
  if (!handle) {
    broken_.note(analyzer_rule::errors, "create returned REBUY_OK without an analyzer");
    return;
  }
  handle_ = handle;
}

checked_analyzer::~checked_analyzer() {
  if (handle_) api_.destroy(handle_);
  for (const auto &message : host_.invalid_messages())
    broken_.note(
        analyzer_rule::utf8,
        fmt::format("a log message: {}", string_problem({message.data(), message.size()})));
}

bool checked_analyzer::judge(rebuy_status status, const raw_error_sink &errors,
                             std::string_view call) {
  if (status == REBUY_OK) return true;
  error_ = quoted_excerpt(errors.message(), 200);
  auto problem = judge_failure(status, errors, call);
  if (!problem.what.empty())
    broken_.note(problem.in_message_encoding ? analyzer_rule::utf8 : analyzer_rule::errors,
                 std::move(problem.what));
  return false;
}

void checked_analyzer::judge_text(rebuy_str s, std::string_view what) {
  ++strings_;
  if (auto problem = string_problem(s); !problem.empty())
    broken_.note(analyzer_rule::utf8, fmt::format("{}: {}", what, problem));
}

std::optional<std::vector<copied_score>>
checked_analyzer::analyze(std::span<const rebuy_response> responses) {
  rebuy_scores out{};
  out.struct_size = sizeof out;
  raw_error_sink errors;
  auto status = api_.analyze_batch(handle_, responses.data(), responses.size(), &out, errors.get());
  if (!judge(status, errors, "analyze_batch")) return std::nullopt;
  if (!out.scores && out.score_count) {
    broken_.note(analyzer_rule::scores, "a null score array with a count");
    return std::nullopt;
  }
  std::vector<copied_score> copied;
  std::set<std::pair<size_t, uint32_t>> seen;
  for (size_t i = 0; i < out.score_count; ++i) {
    const auto &s = out.scores[i];
    auto where = fmt::format("score {} (response {}, metric {})", i, s.response_index, s.metric);
    if (s.response_index >= responses.size()) {
      broken_.note(analyzer_rule::scores,
                   fmt::format("{}: the batch has only {} responses", where, responses.size()));
      continue;
    }
    if (s.metric >= api_.metric_count) {
      broken_.note(analyzer_rule::scores,
                   fmt::format("{}: only {} metrics are declared", where, api_.metric_count));
      continue;
    }
    const auto &metric = plugin_.metrics()[s.metric];
    where = fmt::format("response {} (id {}), metric {}", s.response_index,
                        responses[s.response_index].id, metric.name);
    if (!seen.insert({s.response_index, s.metric}).second)
      broken_.note(analyzer_rule::scores, fmt::format("{}: scored twice", where));
    if (metric.type == REBUY_METRIC_NUMBER && !std::isfinite(s.value))
      broken_.note(analyzer_rule::scores,
                   fmt::format("{}: a number metric with the value {}", where, s.value));
    if (metric.type == REBUY_METRIC_LABEL && s.label.size == 0)
      broken_.note(analyzer_rule::scores, fmt::format("{}: a label metric without a label", where));
    judge_text(s.label, fmt::format("the label of {}", where));
    judge_text(s.evidence, fmt::format("the evidence of {}", where));
    copied.push_back({s.response_index, s.metric, s.value, std::string(safe_view(s.label)),
                      std::string(safe_view(s.evidence))});
  }
  return copied;
}

} // namespace rebuy::core
