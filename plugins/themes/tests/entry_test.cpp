// Drives the plugin through its generated C entry point, as the host does.
#include "lexicon.hpp"
#include "prepared_text.hpp"

#include <rebuy/analyzer_testing.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using rebuy::to_str;
using rebuy::to_view;
using rebuy::testing::analyzer_under_test;
using rebuy::themes::testing::prepared_response;

TEST_CASE("the entry point describes an ABI 1 analyzer with three label metrics") {
  const rebuy_plugin_info *info = rebuy_plugin_entry_v1();
  REQUIRE(info != nullptr);
  CHECK(info->abi_major == REBUY_ABI_MAJOR);
  CHECK(info->abi_minor == REBUY_PLUGIN_MIN_ABI_MINOR);
  CHECK(info->kind == REBUY_KIND_ANALYZER);
  CHECK(to_view(info->id) == "themes");
  CHECK(to_view(info->version) == REBUY_THEMES_VERSION);
  CHECK(info->capabilities == 0);
  const rebuy_analyzer_api &api = *rebuy::testing::linked_analyzer();
  REQUIRE(api.metric_count == 3);
  const char *names[] = {"themes", "journey_stage", "key_phrases"};
  for (size_t i = 0; i < 3; ++i) {
    CHECK(to_view(api.metrics[i].name) == names[i]);
    CHECK(api.metrics[i].type == REBUY_METRIC_LABEL);
    CHECK_FALSE(to_view(api.metrics[i].description).empty());
  }
}

TEST_CASE("analyze_batch scores each response that has something to say") {
  analyzer_under_test a;
  const prepared_response shoes({"Runs small", "Returned them. The refund took three weeks!"}, 7);
  const prepared_response silent({"Ok."}, 8);
  const prepared_response no_text({}, 9);
  const prepared_response later({"Found you on Instagram, shipping was fast."}, 10);
  const rebuy_response batch[] = {shoes.abi(), silent.abi(), no_text.abi(), later.abi()};
  const auto out = a.analyze(batch, std::size(batch));
  REQUIRE(out.status == REBUY_OK);

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
  REQUIRE(out.scores.size() == std::size(want));
  for (size_t i = 0; i < std::size(want); ++i) {
    CAPTURE(i);
    const auto &s = out.scores[i];
    CHECK(s.response == want[i].response);
    CHECK(s.metric == want[i].metric);
    CHECK(s.value == want[i].value);
    CHECK(s.label == want[i].label);
    CHECK(s.evidence == want[i].evidence);
  }

  // The next batch replaces the scores.
  CHECK(a.analyze(nullptr, 0).scores.empty());
  CHECK(a.log().empty());
}

TEST_CASE("options are ignored with a warning") {
  const analyzer_under_test a({{"language", "pt"}});
  REQUIRE(a.created());
  REQUIRE(a.log().size() == 1);
  CHECK(a.log()[0].first == REBUY_LOG_WARN);
  CHECK(a.log()[0].second.find("language") != std::string::npos);
}

TEST_CASE("tokens whose offsets do not fit the text cost the evidence, not the score") {
  analyzer_under_test a;
  const std::string body = "delivery";
  rebuy_token token{to_str(body), to_str(body), 4000000000u, 0, 200, 0};
  rebuy_sentence sentence{to_str(body), 0, 1};
  rebuy_text text{REBUY_ROLE_TEXT, to_str("t"), to_str(body), &sentence, 1, &token, 1};
  rebuy_response response{1, REBUY_RECORD_REVIEW, nullptr, 0, &text, 1};
  const auto out = a.analyze(&response, 1);
  REQUIRE(out.scores.size() >= 1);
  CHECK(out.scores[0].label == "delivery");
  CHECK(out.scores[0].evidence.empty());
}
