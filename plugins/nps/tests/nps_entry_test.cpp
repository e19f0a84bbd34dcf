// Drives the plugin through its generated C entry point, as the host does.
#include <rebuy/analyzer_testing.hpp>

#include <doctest/doctest.h>

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

using rebuy::testing::analyzer_under_test;
using rebuy::testing::field_response;

using rebuy::to_view;

TEST_CASE("the entry point describes an ABI 1 analyzer with id nps") {
  const rebuy_plugin_info *info = rebuy_plugin_entry_v1();
  REQUIRE(info != nullptr);
  CHECK(info->struct_size == sizeof(rebuy_plugin_info));
  CHECK(info->abi_major == REBUY_ABI_MAJOR);
  CHECK(info->abi_minor == REBUY_PLUGIN_MIN_ABI_MINOR);
  CHECK(info->kind == REBUY_KIND_ANALYZER);
  CHECK(to_view(info->id) == "nps");
  CHECK(to_view(info->name) == "Net Promoter");
  CHECK(to_view(info->version) == "1.1.0");
  CHECK_FALSE(to_view(info->description).empty());
  CHECK(info->capabilities == 0);
  CHECK(info->importer == nullptr);
  REQUIRE(info->analyzer != nullptr);

  const rebuy_analyzer_api &api = *info->analyzer;
  CHECK(api.struct_size == sizeof(rebuy_analyzer_api));
  REQUIRE(api.metric_count == 4);
  CHECK(to_view(api.metrics[0].name) == "nps_class");
  CHECK(api.metrics[0].type == REBUY_METRIC_LABEL);
  CHECK(to_view(api.metrics[1].name) == "nps_value");
  CHECK(api.metrics[1].type == REBUY_METRIC_NUMBER);
  CHECK(to_view(api.metrics[2].name) == "would_recommend");
  CHECK(api.metrics[2].type == REBUY_METRIC_NUMBER);
  CHECK(to_view(api.metrics[3].name) == "rating_nps_class");
  CHECK(api.metrics[3].type == REBUY_METRIC_LABEL);
  for (size_t i = 0; i < api.metric_count; ++i)
    CHECK_FALSE(to_view(api.metrics[i].description).empty());
}

TEST_CASE("analyze_batch scores promoters passives and detractors with evidence") {
  analyzer_under_test a;
  REQUIRE(a.created());

  const field_response promoter({{REBUY_ROLE_NPS, "Likely-To-Recommend", "9"}});
  const field_response passive({{REBUY_ROLE_NPS, "Likely-To-Recommend", " 7 "}});
  const field_response detractor(
      {{REBUY_ROLE_NPS, "Likely-To-Recommend", "0 - Not at all likely"}});
  const field_response fraction({{REBUY_ROLE_NPS, "Likely-To-Recommend", "7.5"}});
  const field_response no_field({{REBUY_ROLE_TEXT, "Comment", "9"}});
  const field_response blank({{REBUY_ROLE_NPS, "Likely-To-Recommend", ""}});
  const field_response unnamed({{REBUY_ROLE_NPS, "", "10.0"}});
  const auto out =
      a.analyze({promoter.abi(101), passive.abi(102), detractor.abi(103), fraction.abi(104),
                 no_field.abi(105), blank.abi(106), unnamed.abi(107)});
  REQUIRE(out.status == REBUY_OK);
  CHECK(out.error.empty());

  // Two scores (class, value) for each of the four readable answers, in order.
  REQUIRE(out.scores.size() == 8);
  struct expected {
    size_t response;
    double value;
    std::string_view label, evidence;
    double answer;
  };
  const expected want[] = {{0, 1, "promoter", "Likely-To-Recommend = 9", 9},
                           {1, 0, "passive", "Likely-To-Recommend = 7", 7},
                           {2, -1, "detractor", "Likely-To-Recommend = 0", 0},
                           {6, 1, "promoter", "NPS = 10", 10}};
  for (size_t i = 0; i < std::size(want); ++i) {
    CAPTURE(i);
    const auto &cls = out.scores[2 * i];
    CHECK(cls.response == want[i].response);
    CHECK(cls.metric_name == "nps_class");
    CHECK(cls.value == want[i].value);
    CHECK(cls.label == want[i].label);
    CHECK(cls.evidence == want[i].evidence);
    const auto &value = out.scores[2 * i + 1];
    CHECK(value.response == want[i].response);
    CHECK(value.metric_name == "nps_value");
    CHECK(value.value == want[i].answer);
    CHECK(value.label.empty());
  }

  // The fraction is logged at debug level with its reason; the blank answer
  // and the response without the field are not.
  REQUIRE(a.log().size() == 1);
  CHECK(a.log()[0].first == REBUY_LOG_DEBUG);
  CHECK(a.log()[0].second ==
        "nps: response 104: Likely-To-Recommend \"7.5\" is not a whole number; no score");
}

TEST_CASE("each batch replaces the previous batch's scores") {
  analyzer_under_test a;
  const field_response first({{REBUY_ROLE_NPS, "LTR", "3"}});
  CHECK(a.analyze({first.abi(1)}).scores.size() == 2);
  const field_response rejected({{REBUY_ROLE_NPS, "LTR", "eleven"}});
  const auto second = a.analyze({rejected.abi(2)});
  REQUIRE(second.status == REBUY_OK);
  CHECK(second.scores.empty());
  const auto empty = a.analyze(nullptr, 0);
  REQUIRE(empty.status == REBUY_OK);
  CHECK(empty.scores.empty());
}

TEST_CASE("options are ignored with a warning because the cut-offs are fixed") {
  analyzer_under_test a({{"promoter_min", "8"}});
  REQUIRE(a.created());
  REQUIRE(a.log().size() == 1);
  CHECK(a.log()[0].first == REBUY_LOG_WARN);
  CHECK(a.log()[0].second.find("promoter_min") != std::string::npos);

  const field_response eight({{REBUY_ROLE_NPS, "LTR", "8"}});
  const auto out = a.analyze({eight.abi(1)});
  REQUIRE(out.scores.size() == 2);
  CHECK(out.scores[0].label == "passive");
}

TEST_CASE("a long rejected answer is cut at a character boundary in the log") {
  analyzer_under_test a;
  // 59 ASCII bytes then a two-byte character straddling the 60-byte cut.
  const std::string text = std::string(59, 'x') + "\xC3\xA9" + std::string(20, 'y');
  const field_response long_text({{REBUY_ROLE_NPS, "LTR", text}});
  CHECK(a.analyze({long_text.abi(9)}).scores.empty());
  REQUIRE(a.log().size() == 1);
  CHECK(a.log()[0].second ==
        "nps: response 9: LTR \"" + std::string(59, 'x') + "...\" is not a number; no score");
}

TEST_CASE("yes/no would-recommend answers and the rating proxy, each in its own metric") {
  analyzer_under_test a;
  const rebuy_record_kind review = REBUY_RECORD_REVIEW;
  const field_response all({{REBUY_ROLE_NPS, "LTR", "6"},
                            {REBUY_ROLE_RECOMMEND, "Recommended", "Yes."},
                            {REBUY_ROLE_RATING, "stars", "5"}},
                           review);
  const field_response no({{REBUY_ROLE_RECOMMEND, "Recomendaria?", "N\xC3\xA3o"}}, review);
  const field_response ten({{REBUY_ROLE_RATING, "score", "8"}, {REBUY_ROLE_RATING_MAX, "", "10"}},
                           review);
  const field_response unreadable({{REBUY_ROLE_RECOMMEND, "Recommended", "I don't remember."},
                                   {REBUY_ROLE_RATING, "stars", "6"}},
                                  review);
  const auto out = a.analyze({all.abi(1), no.abi(2), ten.abi(3), unreadable.abi(4)});

  const auto &s = out.scores;
  REQUIRE(s.size() == 6);
  // The 0-10 answer keeps its own class: a 5-star rating does not lift it.
  CHECK(s[0].metric_name == "nps_class");
  CHECK(s[0].label == "detractor");
  CHECK(s[1].metric_name == "nps_value");
  CHECK(s[2].metric_name == "would_recommend");
  CHECK(s[2].value == 1);
  CHECK(s[2].evidence == "Recommended = Yes.");
  CHECK(s[3].metric_name == "rating_nps_class");
  CHECK(s[3].value == 1);
  CHECK(s[3].label == "promoter_proxy");
  CHECK(s[3].evidence == "proxy: stars = 5 of 5, 10 on 0-10");
  CHECK(s[4].response == 1);
  CHECK(s[4].metric_name == "would_recommend");
  CHECK(s[4].value == 0);
  CHECK(s[5].response == 2);
  CHECK(s[5].metric_name == "rating_nps_class");
  CHECK(s[5].value == 0);
  CHECK(s[5].label == "passive_proxy");
  CHECK(s[5].evidence == "proxy: score = 8 of 10, 8 on 0-10");

  REQUIRE(a.log().size() == 2);
  CHECK(a.log()[0].first == REBUY_LOG_DEBUG);
  CHECK(a.log()[0].second ==
        "nps: response 4: Recommended \"I don't remember.\" is not yes or no; no score");
  CHECK(a.log()[1].second ==
        "nps: response 4: stars \"6\" is above the rating's maximum; no score");
}
