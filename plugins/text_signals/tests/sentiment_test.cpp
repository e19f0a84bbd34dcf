// The sentence-level sentiment rules: valences, negation, boosters, capitals, "but", "!".
#include "sentiment.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace text_signals_test;
using rebuy::text_signals::compound;

TEST_CASE("the compound score maps a valence sum into -1..1 like VADER") {
  CHECK(compound(0) == 0);
  CHECK(compound(1.9f) == doctest::Approx(1.9 / std::sqrt(1.9 * 1.9 + 15)));
  CHECK(compound(-1.9f) == doctest::Approx(-compound(1.9f)));
  CHECK(compound(100) < 1.0f);
  CHECK(compound(100) > 0.99f);
}

TEST_CASE("words carry their valence") {
  CHECK(sentiment_of("The shoes are good.") > 0);
  CHECK(sentiment_of("The shoes are bad.") < 0);
  CHECK(sentiment_of("Great shoes.") > sentiment_of("Good shoes."));
}

TEST_CASE("a negation within three words turns a valence around, scaled by -0.74") {
  const float good = sentiment_of("It is good");
  CHECK(sentiment_of("It is not good") == doctest::Approx(compound(1.9f * -0.74f)));
  CHECK(good == doctest::Approx(compound(1.9f)));
  CHECK(sentiment_of("It is not very good") < 0);
  CHECK(sentiment_of("It isn't good") < 0);
  CHECK(sentiment_of("It isn’t good") < 0); // typographic apostrophe
  CHECK(sentiment_of("Never had a bad experience here") > 0);
  // Beyond the window the negation does not reach.
  CHECK(sentiment_of("Not that I care, the food was good") > 0);
}

TEST_CASE("some words say more when negated than when present") {
  CHECK_FALSE(read("I received it on Monday").sentiment.present);
  CHECK(sentiment_of("I never received it") < -0.4f);
  CHECK(sentiment_of("They did not fit") < -0.4f);
}

TEST_CASE("boosters strengthen and dampeners weaken, fading with distance") {
  const float good = sentiment_of("The food was good");
  CHECK(sentiment_of("The food was very good") > good);
  CHECK(sentiment_of("The food was very tasty and good") > good);
  CHECK(sentiment_of("The food was slightly good") < good);
  CHECK(sentiment_of("The food was very bad") < sentiment_of("The food was bad"));
  CHECK(sentiment_of("The food was really good") == doctest::Approx(compound(1.9f + 0.293f)));
  CHECK(sentiment_of("The food really was good") ==
        doctest::Approx(compound(1.9f + 0.293f * 0.95f)));
}

TEST_CASE("capitals are emphasis only when the rest of the text is not shouted") {
  const float good = sentiment_of("the food was good");
  CHECK(sentiment_of("the food was GOOD") == doctest::Approx(compound(1.9f + 0.733f)));
  CHECK(sentiment_of("THE FOOD WAS GOOD") == doctest::Approx(good));
  CHECK(sentiment_of("the food was BAD") < sentiment_of("the food was bad"));
}

TEST_CASE("but halves what comes before it and adds half to what follows") {
  CHECK(sentiment_of("The food was great but the service was terrible") < 0);
  CHECK(sentiment_of("The service was terrible but the food was great") > 0);
  CHECK(sentiment_of("It is good but") == doctest::Approx(compound(1.9f * 0.5f)));
}

TEST_CASE("exclamation marks add emphasis, at most four") {
  const float plain = sentiment_of("Good");
  CHECK(sentiment_of("Good!") == doctest::Approx(compound(1.9f + 0.292f)));
  CHECK(sentiment_of("Good!!!!") == doctest::Approx(compound(1.9f + 4 * 0.292f)));
  CHECK(sentiment_of("Good!!!!!!!!") == doctest::Approx(sentiment_of("Good!!!!")));
  CHECK(sentiment_of("Bad!") < sentiment_of("Bad"));
  CHECK(plain > 0);
  // Nothing to emphasise: still nothing.
  CHECK_FALSE(read("Hello!!!").sentiment.present);
}

TEST_CASE("idioms the words miss") {
  CHECK(sentiment_of("They run small") < 0);
  CHECK(sentiment_of("Way too narrow") < 0);
  CHECK(sentiment_of("A waste of money") < -0.5f);
  CHECK(sentiment_of("No problems at all") > 0);
  // The phrase uses its "no" up: it does not negate what follows.
  CHECK(sentiment_of("No problems, great shoes") > sentiment_of("No problems"));
  CHECK(sentiment_of("Not bad") > 0);
  CHECK_FALSE(read("It looks like the picture").sentiment.present);
  CHECK(sentiment_of("They fell apart after a week") < 0);
}

TEST_CASE("text without sentiment words gets no sentiment and says why not") {
  for (std::string text : {"I ordered a size 8", "", "   ", "12345", "!!!", "Five Stars"}) {
    CAPTURE(text);
    CHECK_FALSE(read(text).sentiment.present);
  }
}

TEST_CASE("the evidence is the sentence that weighed most, as written") {
  const auto s = read("The box was fine. The shoes are AMAZING and comfy! Shipping was slow.");
  REQUIRE(s.sentiment.present);
  CHECK(s.sentiment.value > 0);
  CHECK(s.sentiment.evidence == "The shoes are AMAZING and comfy!");
  const auto n = read("Lovely color. But they broke, fell apart and hurt my feet.");
  CHECK(n.sentiment.value < 0);
  CHECK(n.sentiment.evidence == "But they broke, fell apart and hurt my feet.");
}

TEST_CASE("long sentences are quoted up to 300 bytes, cut after a word") {
  std::string text = "Great";
  for (int i = 0; i < 200; ++i)
    text += " shoes";
  const auto s = read(text);
  REQUIRE(s.sentiment.present);
  CHECK(s.sentiment.evidence.size() <= 300 + 3);
  CHECK(s.sentiment.evidence.substr(0, 11) == "Great shoes");
  CHECK(s.sentiment.evidence.substr(s.sentiment.evidence.size() - 8) == "shoes\xE2\x80\xA6");
}
