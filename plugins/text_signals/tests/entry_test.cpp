// Drives the plugin through its generated C entry point, as the host does.
#include "test_support.hpp"

#include <rebuy/plugin_abi.h>

#include <doctest/doctest.h>

#include <cmath>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

extern "C" const rebuy_plugin_info *rebuy_plugin_entry_v1(void);

using namespace text_signals_test;

namespace {

std::string_view view(rebuy_str s) { return {s.data, s.size}; }

struct recording_host {
  std::vector<std::string> lines;
  rebuy_host abi{sizeof(rebuy_host), this, &log, nullptr, nullptr};
  static void log(void *context, rebuy_log_level, rebuy_str message) {
    static_cast<recording_host *>(context)->lines.emplace_back(view(message));
  }
};

struct recording_sink {
  std::string message;
  rebuy_error_sink abi{this, &set};
  static void set(void *context, rebuy_str m) {
    static_cast<recording_sink *>(context)->message = std::string(view(m));
  }
};

const rebuy_analyzer_api &api() {
  const rebuy_plugin_info *info = rebuy_plugin_entry_v1();
  REQUIRE(info != nullptr);
  REQUIRE(info->analyzer != nullptr);
  return *info->analyzer;
}

// An analyzer made and destroyed through the ABI; analyze() copies the scores out.
struct analyzer {
  struct score {
    size_t response;
    std::string metric;
    double value;
    std::string label, evidence;
  };

  recording_host host;
  rebuy_analyzer *handle = nullptr;

  explicit analyzer(const rebuy_option *options = nullptr, size_t option_count = 0) {
    recording_sink errors;
    REQUIRE(api().create(&host.abi, options, option_count, &handle, &errors.abi) == REBUY_OK);
  }
  ~analyzer() { api().destroy(handle); }
  analyzer(const analyzer &) = delete;

  std::vector<score> analyze(const std::vector<const prepared_response *> &batch) {
    std::vector<rebuy_response> responses;
    for (const auto *r : batch)
      responses.push_back(r->get());
    rebuy_scores out{};
    out.struct_size = sizeof out;
    recording_sink errors;
    REQUIRE(api().analyze_batch(handle, responses.data(), responses.size(), &out, &errors.abi) ==
            REBUY_OK);
    CHECK(errors.message.empty());
    std::vector<score> scores;
    for (size_t i = 0; i < out.score_count; ++i) {
      const rebuy_score &s = out.scores[i];
      REQUIRE(s.metric < api().metric_count);
      scores.push_back({s.response_index, std::string(view(api().metrics[s.metric].name)), s.value,
                        std::string(view(s.label)), std::string(view(s.evidence))});
    }
    return scores;
  }
};

} // namespace

TEST_CASE("the entry point describes the text_signals analyzer and its four metrics") {
  const rebuy_plugin_info *info = rebuy_plugin_entry_v1();
  REQUIRE(info != nullptr);
  CHECK(info->abi_major == REBUY_ABI_MAJOR);
  CHECK(info->kind == REBUY_KIND_ANALYZER);
  CHECK(view(info->id) == "text_signals");
  CHECK_FALSE(view(info->version).empty());
  CHECK(info->capabilities == 0);
  const rebuy_analyzer_api &a = api();
  REQUIRE(a.metric_count == 4);
  const char *names[] = {"sentiment", "repurchase_signal", "referral_signal",
                         "text_buy_again_probability"};
  for (size_t i = 0; i < 4; ++i) {
    CHECK(view(a.metrics[i].name) == names[i]);
    CHECK(a.metrics[i].type == REBUY_METRIC_NUMBER);
    CHECK_FALSE(view(a.metrics[i].description).empty());
  }
}

TEST_CASE("a batch gets numbers with evidence, and nothing for what the text does not say") {
  analyzer a;
  const prepared_response praise(
      {{REBUY_ROLE_TITLE, "Love them"}, {REBUY_ROLE_TEXT, "Highly recommend. Will buy again!"}});
  const prepared_response quiet({{REBUY_ROLE_TEXT, "Great shoes."}});
  const prepared_response no_text({});
  const prepared_response chinese({{REBUY_ROLE_TEXT, "速度很慢"}});
  const auto scores = a.analyze({&praise, &quiet, &no_text, &chinese});

  // No label anywhere: the export writes a metric's label instead of its value when it has one.
  for (const auto &s : scores)
    CHECK(s.label.empty());
  std::vector<std::string> first, second;
  for (const auto &s : scores) {
    REQUIRE(s.response < 2); // nothing for the empty and the Chinese response
    (s.response == 0 ? first : second).push_back(s.metric);
    if (s.metric == "text_buy_again_probability") {
      CHECK(s.value > 0);
      CHECK(s.value < 1);
    } else {
      CHECK(s.value >= -1);
      CHECK(s.value <= 1);
    }
    if (s.response == 0 && s.metric == "repurchase_signal") CHECK(s.evidence == "buy again");
    if (s.response == 0 && s.metric == "referral_signal") CHECK(s.evidence == "Highly recommend");
  }
  CHECK(first == std::vector<std::string>{"sentiment", "repurchase_signal", "referral_signal",
                                          "text_buy_again_probability"});
  CHECK(second == std::vector<std::string>{"sentiment", "text_buy_again_probability"});
}

TEST_CASE("empty, huge and odd texts do not crash") {
  analyzer a;
  std::string huge;
  for (int i = 0; i < 40000; ++i)
    huge += "Not bad at all, would NOT recommend, never again! ";
  const prepared_response big({{REBUY_ROLE_TEXT, huge}});
  const prepared_response empty({{REBUY_ROLE_TEXT, ""}, {REBUY_ROLE_TITLE, ""}});
  const prepared_response odd(
      {{REBUY_ROLE_TEXT, "n' l' qu’ ’ ' '' !!! ??? ... 1 2 3 \xF0\x9F\x98\x80"}});
  const prepared_response gaps({{REBUY_ROLE_TEXT, "never never never never"}});
  const auto scores = a.analyze({&big, &empty, &odd, &gaps});
  for (const auto &s : scores) {
    CHECK(std::isfinite(s.value));
    CHECK(s.evidence.size() <= 303);
  }
  // A batch whose sentences claim more tokens than the text has is read within bounds.
  rebuy_token token{{"good", 4}, {"good", 4}, 0, 0, 200, 0};
  rebuy_sentence sentence{{"good", 4}, 0, 1000};
  rebuy_text text{REBUY_ROLE_TEXT, {nullptr, 0}, {"good", 4}, &sentence, 1, &token, 1};
  rebuy_response response{1, REBUY_RECORD_REVIEW, nullptr, 0, &text, 1};
  rebuy_scores out{};
  out.struct_size = sizeof out;
  recording_sink errors;
  REQUIRE(api().analyze_batch(a.handle, &response, 1, &out, &errors.abi) == REBUY_OK);
  CHECK(out.score_count == 2);
}

TEST_CASE("options are ignored with a warning") {
  const rebuy_option option{{"lexicon", 7}, {"mine.txt", 8}};
  analyzer a(&option, 1);
  REQUIRE(a.host.lines.size() == 1);
  CHECK(a.host.lines[0].find("lexicon") != std::string::npos);
}
