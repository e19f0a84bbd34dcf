// Drives the plugin through its generated C entry point, as the host does.
#include <rebuy/analyzer_testing.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using rebuy::to_view;
using rebuy::testing::analyzer_under_test;
using rebuy::testing::field_response;

namespace {

// The create() error for these options, or "" when it succeeds.
std::string create_error(const rebuy::testing::option_list &options) {
  const analyzer_under_test a(options);
  if (a.status() == REBUY_OK) return "";
  CHECK(a.status() == REBUY_ERROR);
  CHECK_FALSE(a.created());
  return a.error();
}

const char *const question = "Would you buy from us again?";
constexpr rebuy_record_kind post_purchase = REBUY_RECORD_POST_PURCHASE;

} // namespace

TEST_CASE("the entry point describes the buy_again analyzer and its metrics") {
  const rebuy_plugin_info *info = rebuy_plugin_entry_v1();
  REQUIRE(info != nullptr);
  CHECK(info->struct_size == sizeof(rebuy_plugin_info));
  CHECK(info->abi_major == REBUY_ABI_MAJOR);
  CHECK(info->abi_minor == REBUY_PLUGIN_MIN_ABI_MINOR);
  CHECK(info->kind == REBUY_KIND_ANALYZER);
  CHECK(to_view(info->id) == "buy_again");
  CHECK(to_view(info->version) == "1.1.0");
  CHECK(info->capabilities == 0);
  CHECK(info->importer == nullptr);
  const rebuy_analyzer_api &a = *rebuy::testing::linked_analyzer();
  const std::pair<std::string_view, rebuy_metric_type> expected[] = {
      {"buy_again_level", REBUY_METRIC_LABEL},     {"buy_again_top_box", REBUY_METRIC_NUMBER},
      {"buy_again_top2_box", REBUY_METRIC_NUMBER}, {"answer_probability", REBUY_METRIC_NUMBER},
      {"rating_probability", REBUY_METRIC_NUMBER}, {"repeat_customer", REBUY_METRIC_NUMBER}};
  REQUIRE(a.metric_count == std::size(expected));
  for (size_t i = 0; i < a.metric_count; ++i) {
    CAPTURE(i);
    CHECK(to_view(a.metrics[i].name) == expected[i].first);
    CHECK(a.metrics[i].type == expected[i].second);
    CHECK_FALSE(to_view(a.metrics[i].description).empty());
  }
}

TEST_CASE("a stated answer gives level, boxes and probability with evidence") {
  analyzer_under_test a;
  const field_response probably({{REBUY_ROLE_BUY_AGAIN, question, "Probably would"}},
                                post_purchase);
  const field_response sim({{REBUY_ROLE_BUY_AGAIN, "Compraria novamente?", "Sim"}}, post_purchase);
  const auto scores = a.analyze({probably.abi(1), sim.abi(2)}).scores;
  REQUIRE(scores.size() == 8);
  CHECK(scores[0].metric_name == "buy_again_level");
  CHECK(scores[0].label == "probably");
  CHECK(scores[0].value == 0.75);
  CHECK(scores[0].evidence == "Would you buy from us again? = Probably would");
  CHECK(scores[1].metric_name == "buy_again_top_box");
  CHECK(scores[1].value == 0);
  CHECK(scores[2].metric_name == "buy_again_top2_box");
  CHECK(scores[2].value == 1);
  CHECK(scores[3].metric_name == "answer_probability");
  CHECK(scores[3].value == 0.27);
  CHECK(scores[3].evidence ==
        "Would you buy from us again? = Probably would -> 0.27 (preset thirds)");
  CHECK(scores[4].response == 1);
  CHECK(scores[4].label == "yes");
  CHECK(scores[5].value == 1);
  CHECK(scores[6].value == 1);
  CHECK(scores[7].value == doctest::Approx(0.54));
  CHECK(scores[7].evidence == "Compraria novamente? = Sim -> 0.54 (preset thirds)");
  CHECK(a.log().empty());
}

TEST_CASE("numbers: the column name or scale= decides, otherwise no score and a debug line") {
  analyzer_under_test a;
  const field_response named({{REBUY_ROLE_BUY_AGAIN, "Chance of buying again (0-10)", "7"}},
                             post_purchase);
  const field_response bare({{REBUY_ROLE_BUY_AGAIN, "repurchase_intent", "4"}}, post_purchase);
  const auto scores = a.analyze({named.abi(1), bare.abi(2)}).scores;
  REQUIRE(scores.size() == 4);
  CHECK(scores[0].label == "juster_7");
  CHECK(scores[0].evidence == "Chance of buying again (0-10) = 7 (Juster 0-10)");
  CHECK(scores[3].value == doctest::Approx(0.7));
  CHECK(scores[3].evidence ==
        "Chance of buying again (0-10) = 7 (Juster 0-10) -> 0.7 (Juster: value/10)");
  REQUIRE(a.log().size() == 1);
  CHECK(a.log()[0].first == REBUY_LOG_DEBUG);
  CHECK(a.log()[0].second.rfind("buy_again: response 2: repurchase_intent \"4\" is a number "
                                "on an unknown scale",
                                0) == 0);

  analyzer_under_test five({{"scale", "5"}});
  const auto read = five.analyze({bare.abi(2)}).scores;
  REQUIRE(read.size() == 4);
  CHECK(read[0].label == "agree");
  CHECK(read[0].evidence == "repurchase_intent = 4 (1-5 agreement)");
  CHECK(read[3].value == 0.27);
}

// Each distinct answer of a column is read once and remembered: a remembered reading must be
// that of the answer's own column, and an unreadable answer is still logged for each response.
TEST_CASE("a repeated answer reads by its own column each time, and each bad one is logged") {
  analyzer_under_test a;
  const field_response juster({{REBUY_ROLE_BUY_AGAIN, "Chance of buying again (0-10)", "4"}},
                              post_purchase);
  const field_response agree({{REBUY_ROLE_BUY_AGAIN, "Agreement (1-5)", "4"}}, post_purchase);
  const field_response bare({{REBUY_ROLE_BUY_AGAIN, "repurchase_intent", "4"}}, post_purchase);
  const auto scores =
      a.analyze({juster.abi(1), agree.abi(2), juster.abi(3), bare.abi(4), bare.abi(5)}).scores;
  REQUIRE(scores.size() == 12);
  CHECK(scores[0].label == "juster_4");
  CHECK(scores[3].evidence ==
        "Chance of buying again (0-10) = 4 (Juster 0-10) -> 0.4 (Juster: value/10)");
  CHECK(scores[4].label == "agree");
  CHECK(scores[4].evidence == "Agreement (1-5) = 4 (1-5 agreement)");
  CHECK(scores[7].evidence == "Agreement (1-5) = 4 (1-5 agreement) -> 0.27 (preset thirds)");
  CHECK(scores[8].response == 2);
  CHECK(scores[8].label == "juster_4");
  CHECK(scores[11].evidence == scores[3].evidence);
  REQUIRE(a.log().size() == 2);
  CHECK(a.log()[0].second.rfind("buy_again: response 4: repurchase_intent \"4\"", 0) == 0);
  CHECK(a.log()[1].second.rfind("buy_again: response 5: repurchase_intent \"4\"", 0) == 0);
}

TEST_CASE("unreadable answers get no score and a debug line, blanks get neither") {
  analyzer_under_test a;
  const field_response odd({{REBUY_ROLE_BUY_AGAIN, question, "Sometimes"}}, post_purchase);
  const field_response blank({{REBUY_ROLE_BUY_AGAIN, question, " "}}, post_purchase);
  const field_response dont({{REBUY_ROLE_BUY_AGAIN, question, "Don't know"}}, post_purchase);
  CHECK(a.analyze({odd.abi(7), blank.abi(8), dont.abi(9)}).scores.empty());
  REQUIRE(a.log().size() == 2);
  CHECK(a.log()[0].second ==
        "buy_again: response 7: Would you buy from us again? \"Sometimes\" is not a known "
        "answer; no score");
  CHECK(a.log()[1].second ==
        "buy_again: response 9: Would you buy from us again? \"Don't know\" is a don't-know "
        "answer; no score");
}

TEST_CASE("the rating proxy is given only when there is no readable answer") {
  analyzer_under_test a;
  const field_response answered({{REBUY_ROLE_BUY_AGAIN, question, "Definitely would"},
                                 {REBUY_ROLE_RATING, "review_score", "2"}},
                                post_purchase);
  const field_response rated({{REBUY_ROLE_RATING, "review_score", "4"}}, post_purchase);
  const field_response unreadable({{REBUY_ROLE_BUY_AGAIN, question, "Sometimes"},
                                   {REBUY_ROLE_RATING, "stars", "9"},
                                   {REBUY_ROLE_RATING_MAX, "", "10"}},
                                  post_purchase);
  const auto scores = a.analyze({answered.abi(1), rated.abi(2), unreadable.abi(3)}).scores;
  REQUIRE(scores.size() == 6);
  for (size_t i = 0; i < 4; ++i)
    CHECK(scores[i].metric_name != "rating_probability");
  CHECK(scores[4].response == 1);
  CHECK(scores[4].metric_name == "rating_probability");
  // A rating is satisfaction, not an intent box: 4★ is a satisfied customer, above one half.
  CHECK(scores[4].value == doctest::Approx(0.65));
  CHECK(scores[4].evidence ==
        "proxy: review_score = 4 of 5 -> 0.65 (rating read as satisfaction, default weights)");
  CHECK(scores[5].response == 2);
  // 9 of 10: position 8/9, between the second (0.65) and top (0.80) boxes.
  CHECK(scores[5].value == doctest::Approx(0.65 + (0.80 - 0.65) * (32.0 / 9 - 3)));
}

TEST_CASE("rating weights: the answer's preset does not move them, rating_weights= does") {
  const field_response rated({{REBUY_ROLE_RATING, "stars", "3"}}, post_purchase);
  analyzer_under_test top2({{"preset", "top2"}});
  const auto t = top2.analyze({rated.abi(1)}).scores;
  REQUIRE(t.size() == 1);
  CHECK(t[0].value == doctest::Approx(0.35));
  analyzer_under_test own({{"rating_weights", "0.9,0.8,0.5,0.2,0.1"}});
  const auto o = own.analyze({rated.abi(1)}).scores;
  REQUIRE(o.size() == 1);
  CHECK(o[0].value == doctest::Approx(0.5));
  CHECK(o[0].evidence == "proxy: stars = 3 of 5 -> 0.5 (rating weights 0.9/0.8/0.5/0.2/0.1)");
  CHECK(create_error({{"rating_weights", "1,2"}}).find("buy_again: rating_weights=1,2: expected") ==
        0);
}

TEST_CASE("order counts say whether the customer came back") {
  analyzer_under_test a;
  const field_response once({{REBUY_ROLE_ORDER_COUNT, "customer_order_count", "1"}}, post_purchase);
  const field_response thrice({{REBUY_ROLE_ORDER_COUNT, "customer_order_count", "3"}},
                              post_purchase);
  const field_response zero({{REBUY_ROLE_ORDER_COUNT, "customer_order_count", "0"}}, post_purchase);
  const auto scores = a.analyze({once.abi(1), thrice.abi(2), zero.abi(3)}).scores;
  REQUIRE(scores.size() == 2);
  CHECK(scores[0].metric_name == "repeat_customer");
  CHECK(scores[0].value == 0);
  CHECK(scores[0].evidence == "customer_order_count = 1");
  CHECK(scores[1].value == 1);
  REQUIRE(a.log().size() == 1);
  CHECK(a.log()[0].second.find("\"0\" is 0") != std::string::npos);
}

TEST_CASE("weight options: presets, custom weights and their errors") {
  const field_response definitely({{REBUY_ROLE_BUY_AGAIN, question, "Definitely would"}},
                                  post_purchase);
  analyzer_under_test top2({{"preset", "top2"}});
  const auto scores = top2.analyze({definitely.abi(1)}).scores;
  REQUIRE(scores.size() == 4);
  CHECK(scores[3].value == 0.75);
  CHECK(scores[3].evidence.find("(preset top2)") != std::string::npos);

  analyzer_under_test custom({{"weights", "0.6,0.3,0.1,0.05,0.01"}});
  const auto c = custom.analyze({definitely.abi(1)}).scores;
  REQUIRE(c.size() == 4);
  CHECK(c[3].value == 0.6);
  CHECK(c[3].evidence.find("(custom weights 0.6/0.3/0.1/0.05/0.01)") != std::string::npos);

  CHECK(create_error({{"weights", "0.6,0.3"}}).find("buy_again: weights=0.6,0.3: expected five") ==
        0);
  CHECK(create_error({{"weights", "0,0,0,0,1"}}).find("top box first") != std::string::npos);
  CHECK(create_error({{"preset", "optimistic"}}).find("buy_again: preset=optimistic") == 0);
  CHECK(create_error({{"preset", "top2"}, {"weights", "1,1,1,1,1"}}) ==
        "buy_again: give preset= or weights=, not both");
  CHECK(create_error({{"scale", "1-5"}}) ==
        "buy_again: scale=1-5: expected auto, juster, 5, 7, yesno or labels");
  CHECK(create_error({{"scale", "juster"}, {"preset", "thirds"}}).empty());
}

TEST_CASE("buy_again ignores unknown options with a warning") {
  analyzer_under_test a({{"horizon", "90"}});
  REQUIRE(a.log().size() == 1);
  CHECK(a.log()[0].first == REBUY_LOG_WARN);
  CHECK(a.log()[0].second ==
        "buy_again: ignoring unknown option 'horizon' (known: scale, preset, weights, "
        "rating_weights)");
}

TEST_CASE("a buy_again batch replaces the previous batch's scores") {
  analyzer_under_test a;
  const field_response yes({{REBUY_ROLE_BUY_AGAIN, question, "Yes"}}, post_purchase);
  CHECK(a.analyze({yes.abi(1)}).scores.size() == 4);
  CHECK(a.analyze({}).scores.empty());
}
