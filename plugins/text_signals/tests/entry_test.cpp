// Drives the plugin through its generated C entry point, as the host does.
#include "test_support.hpp"

#include <rebuy/analyzer_testing.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

using namespace text_signals_test;
using rebuy::to_view;
using rebuy::testing::analyzer_under_test;

namespace {

// The scores of one batch of prepared responses.
std::vector<rebuy::testing::score> analyze(analyzer_under_test &a,
                                           const std::vector<const prepared_response *> &batch) {
  std::vector<rebuy_response> responses;
  for (const auto *r : batch)
    responses.push_back(r->get());
  auto result = a.analyze(responses);
  REQUIRE(result.status == REBUY_OK);
  CHECK(result.error.empty());
  return std::move(result.scores);
}

} // namespace

TEST_CASE("the entry point describes the text_signals analyzer and its four metrics") {
  const rebuy_plugin_info *info = rebuy_plugin_entry_v1();
  REQUIRE(info != nullptr);
  CHECK(info->abi_major == REBUY_ABI_MAJOR);
  CHECK(info->kind == REBUY_KIND_ANALYZER);
  CHECK(to_view(info->id) == "text_signals");
  CHECK_FALSE(to_view(info->version).empty());
  CHECK(info->capabilities == 0);
  const rebuy_analyzer_api &a = *rebuy::testing::linked_analyzer();
  REQUIRE(a.metric_count == 4);
  const char *names[] = {"sentiment", "repurchase_signal", "referral_signal",
                         "text_buy_again_probability"};
  for (size_t i = 0; i < 4; ++i) {
    CHECK(to_view(a.metrics[i].name) == names[i]);
    CHECK(a.metrics[i].type == REBUY_METRIC_NUMBER);
    CHECK_FALSE(to_view(a.metrics[i].description).empty());
  }
}

TEST_CASE("a batch gets numbers with evidence, and nothing for what the text does not say") {
  analyzer_under_test a;
  const prepared_response praise(
      {{REBUY_ROLE_TITLE, "Love them"}, {REBUY_ROLE_TEXT, "Highly recommend. Will buy again!"}});
  const prepared_response quiet({{REBUY_ROLE_TEXT, "Great shoes."}});
  const prepared_response no_text({});
  const prepared_response japanese({{REBUY_ROLE_TEXT, "サイズ が 小さい"}});
  const auto scores = analyze(a, {&praise, &quiet, &no_text, &japanese});

  // No label anywhere: the export writes a metric's label instead of its value when it has one.
  for (const auto &s : scores)
    CHECK(s.label.empty());
  std::vector<std::string> first, second;
  for (const auto &s : scores) {
    REQUIRE(s.response < 2); // nothing for the empty and the Japanese response
    (s.response == 0 ? first : second).push_back(s.metric_name);
    if (s.metric_name == "text_buy_again_probability") {
      CHECK(s.value > 0);
      CHECK(s.value < 1);
    } else {
      CHECK(s.value >= -1);
      CHECK(s.value <= 1);
    }
    if (s.response == 0 && s.metric_name == "repurchase_signal") CHECK(s.evidence == "buy again");
    if (s.response == 0 && s.metric_name == "referral_signal")
      CHECK(s.evidence == "Highly recommend");
  }
  CHECK(first == std::vector<std::string>{"sentiment", "repurchase_signal", "referral_signal",
                                          "text_buy_again_probability"});
  CHECK(second == std::vector<std::string>{"sentiment", "text_buy_again_probability"});
}

TEST_CASE("empty, huge and odd texts do not crash") {
  analyzer_under_test a;
  std::string huge;
  for (int i = 0; i < 40000; ++i)
    huge += "Not bad at all, would NOT recommend, never again! ";
  const prepared_response big({{REBUY_ROLE_TEXT, huge}});
  const prepared_response empty({{REBUY_ROLE_TEXT, ""}, {REBUY_ROLE_TITLE, ""}});
  const prepared_response odd(
      {{REBUY_ROLE_TEXT, "n' l' qu’ ’ ' '' !!! ??? ... 1 2 3 \xF0\x9F\x98\x80"}});
  const prepared_response gaps({{REBUY_ROLE_TEXT, "never never never never"}});
  const auto scores = analyze(a, {&big, &empty, &odd, &gaps});
  for (const auto &s : scores) {
    CHECK(std::isfinite(s.value));
    CHECK(s.evidence.size() <= 303);
  }
  // A batch whose sentences claim more tokens than the text has is read within bounds.
  rebuy_token token{{"good", 4}, {"good", 4}, 0, 0, 200, 0};
  rebuy_sentence sentence{{"good", 4}, 0, 1000};
  rebuy_text text{REBUY_ROLE_TEXT, {nullptr, 0}, {"good", 4}, &sentence, 1, &token, 1};
  rebuy_response response{1, REBUY_RECORD_REVIEW, nullptr, 0, &text, 1};
  const auto out = a.analyze(&response, 1);
  REQUIRE(out.status == REBUY_OK);
  CHECK(out.scores.size() == 2);
}

TEST_CASE("options are ignored with a warning") {
  const analyzer_under_test a({{"lexicon", "mine.txt"}});
  REQUIRE(a.created());
  REQUIRE(a.log().size() == 1);
  CHECK(a.log()[0].second.find("lexicon") != std::string::npos);
}
