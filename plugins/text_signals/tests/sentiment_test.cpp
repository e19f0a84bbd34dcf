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
  // A complaint, and complaints weigh negativity_weight (1.3) times as much.
  CHECK(sentiment_of("It is not good") == doctest::Approx(compound(1.9f * -0.74f * 1.3f)));
  CHECK(good == doctest::Approx(compound(1.9f)));
  CHECK(sentiment_of("It is not very good") < 0);
  CHECK(sentiment_of("It isn't good") < 0);
  CHECK(sentiment_of("It isn’t good") < 0); // typographic apostrophe
  CHECK(sentiment_of("Never had a bad experience here") > 0);
  // Beyond the window the negation does not reach.
  CHECK(sentiment_of("Not that I care, the food was good") > 0);
}

TEST_CASE("a complaint weighs more than a compliment of the same strength") {
  CHECK(sentiment_of("It was bad") == doctest::Approx(compound(-2.5f * 1.3f)));
  // Three mild compliments against one complaint: 1.9 x 3 against 2.5 x 1.3.
  CHECK(sentiment_of("Good. Good. Good. Bad.") == doctest::Approx(compound(3 * 1.9f - 3.25f)));
  CHECK(sentiment_of("Good. Bad.") < 0);
}

TEST_CASE("some words say more when negated than when present") {
  CHECK(read("I received it on Monday").sentiment.evidence ==
        "neutral: no word carries a sentiment");
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
  CHECK(read("It looks like the picture").sentiment.evidence ==
        "neutral: no word carries a sentiment");
  CHECK(sentiment_of("They fell apart after a week") < 0);
}

TEST_CASE("text without sentiment words is neutral from two words on, and unscored below") {
  for (std::string text : {"I ordered a size 8", "Five Stars"}) {
    CAPTURE(text);
    const auto s = read(text);
    REQUIRE(s.sentiment.present);
    CHECK(s.sentiment.value == 0.0f);
  }
  for (std::string text : {"", "   ", "12345", "!!!", "Huh"}) {
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

TEST_CASE("every text of two words or more in a supported language gets a sentiment") {
  // Short negative texts with known words.
  CHECK(sentiment_of("Not fresh and the sauce was just bland.") < -0.5f);
  // No word carries a sentiment: neutral, 0, with evidence that says so, and no probability.
  for (std::string text :
       {"Delivered on Tuesday", "Blue sofa cushions", "Room twelve", "El sof\xC3\xA1 es azul",
        "O sof\xC3\xA1 \xC3\xA9 azul", "Vertrag gestern unterschrieben"}) {
    CAPTURE(text);
    const auto s = read(text);
    REQUIRE(s.covered);
    REQUIRE(s.sentiment.present);
    CHECK(s.sentiment.value == 0.0f);
    CHECK(s.sentiment.evidence == "neutral: no word carries a sentiment");
    CHECK_FALSE(s.has_probability);
  }
  // Unknown words: the letters decide the language.
  CHECK(read("Gro\xC3\x9F"
             "artige Spielerfahrung")
            .lang == rebuy::text_signals::language::de);
  CHECK(read("Peque\xC3\xB1o ni\xC3\xB1o").lang == rebuy::text_signals::language::es);
  // One word says too little; Chinese is read, other scripts are not.
  CHECK_FALSE(read("Huh").sentiment.present);
  CHECK(read("\xE9\x80\x9F\xE5\xBA\xA6 \xE5\xBE\x88\xE6\x85\xA2").sentiment.value < 0); // 速度很慢
  CHECK_FALSE(read("\xD0\xBE\xD1\x87\xD0\xB5\xD0\xBD\xD1\x8C "
                   "\xD1\x85\xD0\xBE\xD1\x80\xD0\xBE\xD1\x88\xD0\xBE")
                  .covered); // очень хорошо
}
