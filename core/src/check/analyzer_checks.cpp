// The analyzer checks: life cycle, well-formed scores, independence from
// batching, strings, error messages, and scores on the author's sample.
#include "check/abi_strings.hpp"
#include "check/analyzer_calls.hpp"
#include "check/plugin_checks.hpp"
#include "check/synthetic_responses.hpp"
#include "pipeline/import_source.hpp"

#include <fmt/format.h>
#include <rebuy/plugin.hpp>

#include <cmath>
#include <map>
#include <tuple>

namespace rebuy::core {
namespace {

// A response's scores keyed by metric, comparable across calls.
using score_key = std::tuple<uint32_t, std::string, std::string, std::string>;

std::map<int64_t, std::vector<score_key>> by_response(std::span<const rebuy_response> batch,
                                                      const std::vector<copied_score> &scores) {
  std::map<int64_t, std::vector<score_key>> out;
  for (const auto &r : batch)
    out[r.id];
  for (const auto &s : scores) {
    // Values compare by their text, so NaN equals NaN.
    auto value = std::isnan(s.value) ? std::string("NaN") : fmt::format("{}", s.value);
    out[batch[s.response].id].emplace_back(s.metric, value, s.label, s.evidence);
  }
  for (auto &[id, keys] : out)
    std::sort(keys.begin(), keys.end());
  return out;
}

// Up to this many responses of the sample are scored.
constexpr size_t max_sample_responses = 5000;
constexpr size_t sample_batch = 512;

class analyzer_checker {
public:
  analyzer_checker(plugin_ptr p, const check_inputs &inputs)
      : plugin_(std::move(p)), inputs_(inputs) {}

  check_result life_cycle() const {
    findings<analyzer_rule> broken;
    prepared_responses responses(synthetic_responses(), with_attributes());
    {
      checked_analyzer unused(*plugin_, broken);
      if (!unused.created()) return check_result::failed("create fails: " + unused.error());
    }
    {
      checked_analyzer empty(*plugin_, broken);
      auto scores = empty.analyze({});
      if (!scores)
        return check_result::failed("analyze_batch fails on an empty batch: " + empty.error());
      if (!scores->empty())
        return check_result::failed(fmt::format("an empty batch gets {} scores", scores->size()));
    }
    {
      checked_analyzer one(*plugin_, broken);
      one.analyze(responses.all().first(1));
    }
    return check_result::passed(
        "created without options; destroyed unused, after an empty batch and after one batch");
  }

  check_result scores() const {
    findings<analyzer_rule> broken;
    prepared_responses responses(synthetic_responses(), with_attributes());
    checked_analyzer analyzer(*plugin_, broken);
    if (!analyzer.created()) return check_result::failed("create fails: " + analyzer.error());
    auto scores = analyzer.analyze(responses.all());
    if (!scores)
      return check_result::failed("analyze_batch fails on the synthetic responses: " +
                                  analyzer.error());
    if (broken.any(analyzer_rule::scores))
      return check_result::failed("malformed scores\n" + broken.list(analyzer_rule::scores));
    return check_result::passed(fmt::format(
        "{} scores for {} synthetic responses (every role, odd values, several scripts, long "
        "texts), at most one per response and metric",
        scores->size(), responses.all().size()));
  }

  check_result batching() const {
    findings<analyzer_rule> broken;
    prepared_responses responses(synthetic_responses(), with_attributes());
    auto all = responses.all();
    checked_analyzer analyzer(*plugin_, broken);
    if (!analyzer.created()) return check_result::failed("create fails: " + analyzer.error());
    auto together = analyzer.analyze(all);
    if (!together) return check_result::failed("analyze_batch fails: " + analyzer.error());
    auto expected = by_response(all, *together);

    // One at a time, then all in reverse order, on the same object.
    std::map<int64_t, std::vector<score_key>> alone;
    for (size_t i = 0; i < all.size(); ++i) {
      auto scores = analyzer.analyze(all.subspan(i, 1));
      if (!scores) return check_result::failed("analyze_batch fails: " + analyzer.error());
      alone.merge(by_response(all.subspan(i, 1), *scores));
    }
    std::vector<rebuy_response> reversed(all.rbegin(), all.rend());
    auto backwards = analyzer.analyze(reversed);
    if (!backwards) return check_result::failed("analyze_batch fails: " + analyzer.error());
    auto reversed_scores = by_response(reversed, *backwards);

    std::string problems;
    size_t differing = 0;
    for (const auto &r : all) {
      bool same_alone = alone[r.id] == expected[r.id];
      bool same_reversed = reversed_scores[r.id] == expected[r.id];
      if ((!same_alone || !same_reversed) && differing++ < 3)
        problems +=
            fmt::format("\nresponse id {}: in one batch {}; alone {}; in reverse order {}", r.id,
                        shown(expected[r.id]), shown(alone[r.id]), shown(reversed_scores[r.id]));
    }
    if (differing)
      return check_result::failed(
          fmt::format("{} responses score differently in other batches", differing) + problems);
    return check_result::passed(
        fmt::format("{} responses score the same in one batch, one at a time and in reverse order",
                    all.size()));
  }

  check_result strings() const {
    findings<analyzer_rule> broken;
    uint64_t count = 0;
    for (const auto &m : plugin_->metrics()) {
      ++count;
      if (auto problem = string_problem(to_str(m.description)); !problem.empty())
        broken.note(analyzer_rule::utf8,
                    fmt::format("the description of metric {}: {}", m.name, problem));
    }
    {
      prepared_responses responses(synthetic_responses(), with_attributes());
      checked_analyzer analyzer(*plugin_, broken);
      if (analyzer.created()) analyzer.analyze(responses.all());
      count += analyzer.strings();
    }
    if (broken.any(analyzer_rule::utf8))
      return check_result::failed("strings that are not valid UTF-8\n" +
                                  broken.list(analyzer_rule::utf8));
    return check_result::passed(
        fmt::format("{} strings: metric descriptions, labels, evidence and log lines", count));
  }

  check_result errors() const {
    findings<analyzer_rule> broken;
    std::string unknown_option;
    {
      checked_analyzer analyzer(*plugin_, broken, {{"rebuy_check_unknown_option", "1"}});
      unknown_option = analyzer.created() ? "accepted" : "refused with " + analyzer.error();
      prepared_responses responses(synthetic_responses(), with_attributes());
      if (analyzer.created()) analyzer.analyze(responses.all());
    }
    if (broken.any(analyzer_rule::errors))
      return check_result::failed("errors without a proper message\n" +
                                  broken.list(analyzer_rule::errors));
    return check_result::passed("an unknown option is " + unknown_option +
                                "; no call failed without a message");
  }

  check_result sample_scores(const plugin_registry &installed) const {
    if (!inputs_.sample) return check_result::skipped("no --sample given");
    findings<analyzer_rule> broken;
    import_request request;
    request.file = *inputs_.sample;
    std::unique_ptr<import_source> source;
    try {
      source = std::make_unique<import_source>(installed, request);
    } catch (const std::exception &e) {
      return check_result::failed(fmt::format("cannot read the sample: {}", e.what()));
    }
    checked_analyzer analyzer(*plugin_, broken);
    if (!analyzer.created()) return check_result::failed("create fails: " + analyzer.error());

    uint64_t responses = 0, scored = 0;
    std::vector<response_fields> pending;
    auto flush = [&]() -> bool {
      prepared_responses prepared(std::move(pending), with_attributes());
      pending.clear();
      auto scores = analyzer.analyze(prepared.all());
      if (!scores) return false;
      scored += scores->size();
      return true;
    };
    rebuy_batch batch;
    while (responses < max_sample_responses && source->session->next(sample_batch, batch)) {
      for (size_t i = 0; i < batch.record_count && responses < max_sample_responses; ++i) {
        const auto &record = batch.records[i];
        response_fields r{record.kind, {}};
        for (size_t f = 0; f < record.field_count; ++f)
          r.fields.push_back({record.fields[f].role, std::string(safe_view(record.fields[f].name)),
                              std::string(safe_view(record.fields[f].value))});
        pending.push_back(std::move(r));
        ++responses;
      }
      if (pending.size() >= sample_batch && !flush())
        return check_result::failed("analyze_batch fails on the sample: " + analyzer.error());
    }
    if (!pending.empty() && !flush())
      return check_result::failed("analyze_batch fails on the sample: " + analyzer.error());
    if (broken.any(analyzer_rule::scores))
      return check_result::failed("malformed scores on the sample\n" +
                                  broken.list(analyzer_rule::scores));
    return check_result::passed(fmt::format("{} scores for {} responses of {} (read by {})", scored,
                                            responses, inputs_.sample->filename().string(),
                                            source->plugin->id()));
  }

private:
  // "words=12 long=no" for messages.
  std::string shown(const std::vector<score_key> &scores) const {
    std::string out;
    for (const auto &[metric, value, label, evidence] : scores)
      out += fmt::format("{}{}={}", out.empty() ? "" : " ", plugin_->metrics()[metric].name,
                         label.empty() ? value : quoted_excerpt(label, 20));
    return out.empty() ? "no scores" : out;
  }

  bool with_attributes() const { return plugin_->has(REBUY_CAP_ANALYZER_ATTRIBUTES); }

  plugin_ptr plugin_;
  const check_inputs &inputs_;
};

} // namespace

std::vector<named_check> analyzer_checks(const plugin_ptr &analyzer,
                                         const plugin_registry &registry,
                                         const check_inputs &inputs) {
  auto c = std::make_shared<analyzer_checker>(analyzer, inputs);
  return {
      {"creates and destroys", [c] { return c->life_cycle(); }},
      {"at most one score per metric", [c] { return c->scores(); }},
      {"batching does not change scores", [c] { return c->batching(); }},
      {"strings are valid UTF-8", [c] { return c->strings(); }},
      {"errors carry messages", [c] { return c->errors(); }},
      {"scores on the sample", [c, &registry] { return c->sample_scores(registry); }},
  };
}

} // namespace rebuy::core
