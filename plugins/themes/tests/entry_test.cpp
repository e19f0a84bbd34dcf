// Drives the plugin through its generated C entry point, as the host does.
#include "lexicon.hpp"
#include "prepared_text.hpp"

#include <rebuy/plugin_abi.h>

#include <doctest/doctest.h>

#include <cmath>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

extern "C" const rebuy_plugin_info *rebuy_plugin_entry_v1(void);

using rebuy::themes::testing::prepared_response;

namespace {

std::string_view view(rebuy_str s) { return {s.data, s.size}; }
rebuy_str str(std::string_view s) { return {s.data(), s.size()}; }

struct recording_host {
  std::vector<std::pair<rebuy_log_level, std::string>> lines;
  rebuy_host abi{sizeof(rebuy_host), this, &log, nullptr, nullptr};
  static void log(void *context, rebuy_log_level level, rebuy_str message) {
    static_cast<recording_host *>(context)->lines.emplace_back(level, std::string(view(message)));
  }
};

struct recording_sink {
  std::string message;
  rebuy_error_sink abi{this, &set};
  static void set(void *context, rebuy_str m) {
    static_cast<recording_sink *>(context)->message = std::string(view(m));
  }
};

const rebuy_analyzer_api &analyzer_api() {
  const rebuy_plugin_info *info = rebuy_plugin_entry_v1();
  REQUIRE(info != nullptr);
  REQUIRE(info->analyzer != nullptr);
  return *info->analyzer;
}

struct analyzer {
  const rebuy_analyzer_api &api = analyzer_api();
  rebuy_analyzer *handle = nullptr;
  explicit analyzer(const rebuy_host *host, const rebuy_option *options = nullptr,
                    size_t option_count = 0) {
    recording_sink errors;
    REQUIRE(api.create(host, options, option_count, &handle, &errors.abi) == REBUY_OK);
  }
  ~analyzer() { api.destroy(handle); }
  analyzer(const analyzer &) = delete;

  rebuy_scores run(const rebuy_response *responses, size_t count) {
    rebuy_scores out{};
    out.struct_size = sizeof(rebuy_scores);
    recording_sink errors;
    REQUIRE(api.analyze_batch(handle, responses, count, &out, &errors.abi) == REBUY_OK);
    CHECK(errors.message.empty());
    return out;
  }
};

} // namespace

TEST_CASE("the entry point describes an ABI 1 analyzer with three label metrics") {
  const rebuy_plugin_info *info = rebuy_plugin_entry_v1();
  REQUIRE(info != nullptr);
  CHECK(info->abi_major == REBUY_ABI_MAJOR);
  CHECK(info->abi_minor == REBUY_PLUGIN_MIN_ABI_MINOR);
  CHECK(info->kind == REBUY_KIND_ANALYZER);
  CHECK(view(info->id) == "themes");
  CHECK(view(info->version) == REBUY_THEMES_VERSION);
  CHECK(info->capabilities == 0);
  const rebuy_analyzer_api &api = analyzer_api();
  REQUIRE(api.metric_count == 3);
  const char *names[] = {"themes", "journey_stage", "key_phrases"};
  for (size_t i = 0; i < 3; ++i) {
    CHECK(view(api.metrics[i].name) == names[i]);
    CHECK(api.metrics[i].type == REBUY_METRIC_LABEL);
    CHECK_FALSE(view(api.metrics[i].description).empty());
  }
}

TEST_CASE("analyze_batch scores each response that has something to say") {
  recording_host host;
  analyzer a(&host.abi);
  const prepared_response shoes({"Runs small", "Returned them. The refund took three weeks!"}, 7);
  const prepared_response silent({"Ok."}, 8);
  const prepared_response no_text({}, 9);
  const prepared_response later({"Found you on Instagram, shipping was fast."}, 10);
  const rebuy_response batch[] = {shoes.abi(), silent.abi(), no_text.abi(), later.abi()};
  const rebuy_scores out = a.run(batch, std::size(batch));

  struct expected {
    size_t response;
    uint32_t metric;
    double value;
    std::string_view label, evidence;
  };
  const expected want[] = {
      {0, 0, 2, "sizing;returns", "Runs small; Returned"},
      {0, 1, 5, "after-use", "refund"},
      {0, 2, 3, "refund took three weeks;runs small;returned", "refund took three weeks"},
      {1, 2, 1, "ok", "Ok"},
      {3, 0, 1, "delivery", "shipping"},
      {3, 1, 1, "discovery", "Instagram"},
      {3, 2, 4, "found;instagram;shipping;fast", "Found"},
  };
  REQUIRE(out.score_count == std::size(want));
  for (size_t i = 0; i < std::size(want); ++i) {
    CAPTURE(i);
    const rebuy_score &s = out.scores[i];
    CHECK(s.response_index == want[i].response);
    CHECK(s.metric == want[i].metric);
    CHECK(s.value == want[i].value);
    CHECK(view(s.label) == want[i].label);
    CHECK(view(s.evidence) == want[i].evidence);
  }

  // The next batch replaces the scores.
  CHECK(a.run(nullptr, 0).score_count == 0);
  CHECK(host.lines.empty());
}

TEST_CASE("options are ignored with a warning") {
  recording_host host;
  const rebuy_option option{str("language"), str("pt")};
  analyzer a(&host.abi, &option, 1);
  REQUIRE(host.lines.size() == 1);
  CHECK(host.lines[0].first == REBUY_LOG_WARN);
  CHECK(host.lines[0].second.find("language") != std::string::npos);
}

TEST_CASE("tokens whose offsets do not fit the text cost the evidence, not the score") {
  recording_host host;
  analyzer a(&host.abi);
  const std::string body = "delivery";
  rebuy_token token{str(body), str(body), 4000000000u, 0, 200, 0};
  rebuy_sentence sentence{str(body), 0, 1};
  rebuy_text text{REBUY_ROLE_TEXT, str("t"), str(body), &sentence, 1, &token, 1};
  rebuy_response response{1, REBUY_RECORD_REVIEW, nullptr, 0, &text, 1};
  const rebuy_scores out = a.run(&response, 1);
  REQUIRE(out.score_count >= 1);
  CHECK(view(out.scores[0].label) == "delivery");
  CHECK(view(out.scores[0].evidence).empty());
}
