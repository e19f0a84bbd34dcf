// Repurchase and referral phrase rules in English, their negation and their evidence, and the
// text-only probability.
#include "buy_again_model.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace text_signals_test;
using rebuy::text_signals::buy_again_model;

TEST_CASE("repurchase +: buying again, reordering, coming back") {
  struct {
    const char *text, *evidence;
  } cases[] = {
      {"I will definitely buy these again.", "buy these again"},
      {"Would order from them again", "order from them again"},
      {"Already reordered two more pairs", "reordered"},
      {"This is my third pair of these", "third pair"},
      {"We'll be back soon", "We'll be back soon"},
      {"We keep coming back", "We keep coming back"},
      {"A customer for life", "customer for life"},
      {"This is my go-to store", "my go-to"},
      {"Bought another pair in black", "Bought another pair"},
  };
  for (const auto &c : cases) {
    const std::string text(c.text);
    CAPTURE(text);
    const auto s = read(c.text);
    REQUIRE(s.repurchase.present);
    CHECK(s.repurchase.value > 0);
    CHECK(s.repurchase.evidence == c.evidence);
  }
}

TEST_CASE("repurchase -: never again, returns, refunds, going elsewhere") {
  struct {
    const char *text, *evidence;
  } cases[] = {
      {"Never again.", "Never again"},
      {"I will never buy from them again", "never buy from them again"},
      {"Will not be buying again", "not be buying again [negated by \"not\"]"},
      {"I won’t buy AGAIN", "won’t buy AGAIN [negated by \"won’t\"]"},
      {"We won't be back", "We won't be back [negated by \"won't\"]"},
      {"Returning these tomorrow", "Returning these"},
      {"I sent them back", "sent them back"},
      {"Still waiting for my refund", "refund"},
      {"They cancelled my order", "cancelled my order"},
      {"Next time I'll go elsewhere", "go elsewhere"},
  };
  for (const auto &c : cases) {
    const std::string text(c.text);
    CAPTURE(text);
    const auto s = read(c.text);
    REQUIRE(s.repurchase.present);
    CHECK(s.repurchase.value < 0);
    CHECK(s.repurchase.evidence == c.evidence);
  }
}

TEST_CASE("referral + and -, with negation") {
  struct {
    const char *text;
    bool positive;
    const char *evidence;
  } cases[] = {
      {"Highly recommend!", true, "Highly recommend"},
      {"I recommended them to all my friends", true, "recommended them to all my friends"},
      {"I can't recommend this place enough", true, "can't recommend this place enough"},
      {"Would recommend", true, "Would recommend"},
      {"Told my friends about it", true, "Told my friends"},
      {"I would not recommend this seller", false, "would not recommend"},
      {"Would NOT recommend", false, "Would NOT recommend"},
      {"I don't recommend them", false, "don't recommend"},
      {"I wouldn't hesitate to recommend them", true,
       "wouldn't hesitate to recommend [negated by \"wouldn't\"]"},
      {"Stay away from this place", false, "Stay away"},
      {"Avoid this seller", false, "Avoid this seller"},
      {"Don't waste your money", false, "Don't waste"},
      {"No complaints, would recommend", true, "would recommend"},
  };
  for (const auto &c : cases) {
    const std::string text(c.text);
    CAPTURE(text);
    const auto s = read(c.text);
    REQUIRE(s.referral.present);
    CHECK((s.referral.value > 0) == c.positive);
    CHECK(s.referral.evidence == c.evidence);
  }
}

TEST_CASE("general sentiment misses what the phrase rules catch") {
  // "Never again." has no sentiment word at all; the repurchase rule carries it.
  const auto never = read("Never again.");
  CHECK(never.sentiment.value == 0.0f);
  CHECK(never.repurchase.value == -1.0f);
  CHECK(never.probability < 0.5);
  // "would not recommend" is only mildly negative as sentiment, fully negative as referral.
  const auto not_recommend = read("Would not recommend.");
  CHECK(not_recommend.referral.value == -1.0f);
  CHECK(not_recommend.probability < 0.5);
}

TEST_CASE("phrases that look like signals but are not") {
  for (std::string text : {"I ordered the recommended size", "The return policy is clear",
                           "These were recommended by my podiatrist", "The back of the shoe",
                           "Tried again with a smaller size"}) {
    CAPTURE(text);
    const auto s = read(text);
    CHECK_FALSE(s.referral.present);
    CHECK_FALSE(s.repurchase.present);
  }
}

TEST_CASE("a signal in the title counts with the body") {
  const prepared_response r(
      {{REBUY_ROLE_TITLE, "Never again"}, {REBUY_ROLE_TEXT, "The package came on Tuesday."}});
  const auto s = read(r);
  REQUIRE(s.repurchase.present);
  CHECK(s.repurchase.evidence == "Never again");
  CHECK(s.probability < 0.5);
}

TEST_CASE("signals of several phrases add up within -1..1") {
  const auto s = read("I will buy again. Already reordered. Customer for life.");
  CHECK(s.repurchase.value == 1.0f);
  const auto mixed = read("I returned the first pair but I will buy again.");
  REQUIRE(mixed.repurchase.present);
  // After "but" a phrase weighs 1.5 times (at most 1), before it half.
  CHECK(mixed.repurchase.value == doctest::Approx(1.0f - 0.5f * 0.6f));
  CHECK(mixed.repurchase.evidence == "buy again [after \"but\" x1.5]");
}

TEST_CASE("the probability is the documented logistic combination") {
  CHECK(buy_again_model::probability(0, 0, 0) ==
        doctest::Approx(1 / (1 + std::exp(-buy_again_model::intercept))));
  const auto s = read("Highly recommend, will buy again. Great shoes!");
  CHECK(s.probability == doctest::Approx(buy_again_model::probability(
                             s.sentiment.value, s.repurchase.value, s.referral.value)));
  CHECK(s.probability > 0.9);
  const auto n = read("Terrible quality. Returned them and will never order here again.");
  CHECK(n.probability < 0.1);
  // The evidence is that of the signal that moved the probability most.
  CHECK(n.probability_evidence == "never order here again");
  // A text that says nothing gets no probability at all, not a neutral-looking one.
  const auto neutral = read("I got these on Tuesday at the mall.");
  CHECK(neutral.covered);
  CHECK_FALSE(neutral.has_probability);
  CHECK(neutral.probability_evidence.empty());
  CHECK(read("Never again.").has_probability);
}
