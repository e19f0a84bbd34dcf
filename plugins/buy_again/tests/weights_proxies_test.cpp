// Levels, boxes and probabilities on every scale; weight presets and custom
// weights; the rating proxy and the order count.
#include "intent_scale.hpp"
#include "proxies.hpp"
#include "weights.hpp"

#include <rebuy/plugin.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace rebuy::buy_again;

namespace {

const box_weights thirds{0.81, 0.27, 0.09, 0.03, 0.01};
const box_weights top2{0.75, 0.25, 0, 0, 0};

} // namespace

TEST_CASE("level names, positions and boxes on every scale") {
  const level definitely{scale::intent5, 4}, unsure{scale::intent5, 2};
  CHECK(name(definitely) == "definitely");
  CHECK(name(level{scale::intent5, 0}) == "definitely_not");
  CHECK(position(unsure) == 0.5);
  CHECK(top_box(definitely));
  CHECK(top2_box(level{scale::intent5, 3}));
  CHECK_FALSE(top2_box(unsure));

  const level yes{scale::yes_no, 1}, no{scale::yes_no, 0};
  CHECK(name(yes) == "yes");
  CHECK(position(no) == 0);
  CHECK(top_box(yes));
  CHECK(top2_box(yes));
  CHECK_FALSE(top2_box(no)); // two points: "top 2" would be everyone

  CHECK(name(level{scale::juster, 10}) == "juster_10");
  CHECK(position(level{scale::juster, 7}) == doctest::Approx(0.7));
  CHECK(top_box(level{scale::juster, 10}));
  CHECK_FALSE(top_box(level{scale::juster, 9}));
  CHECK(top2_box(level{scale::juster, 9}));
  CHECK_FALSE(top2_box(level{scale::juster, 8}));

  CHECK(name(level{scale::agree5, 3}) == "agree");
  CHECK(name(level{scale::agree7, 4}) == "somewhat_agree");
  CHECK(name(level{scale::agree7, 5}) == "agree");
  CHECK(top2_box(level{scale::agree7, 5}));
  CHECK_FALSE(top2_box(level{scale::agree7, 4}));
  CHECK(position(level{scale::agree7, 1}) == doctest::Approx(1.0 / 6));
}

TEST_CASE("expected probability of an answer under the presets") {
  for (int rank = 0; rank < 5; ++rank) {
    CHECK(probability(level{scale::intent5, rank}, thirds) == thirds[4 - rank]);
    CHECK(probability(level{scale::agree5, rank}, top2) == top2[4 - rank]);
  }
  // 1-7: the top two and bottom two boxes weigh as on 1-5; 5 and 3 in between.
  CHECK(probability(level{scale::agree7, 6}, thirds) == 0.81);
  CHECK(probability(level{scale::agree7, 5}, thirds) == 0.27);
  CHECK(probability(level{scale::agree7, 4}, thirds) == doctest::Approx(0.18));
  CHECK(probability(level{scale::agree7, 3}, thirds) == 0.09);
  CHECK(probability(level{scale::agree7, 2}, thirds) == doctest::Approx(0.06));
  CHECK(probability(level{scale::agree7, 1}, thirds) == 0.03);
  CHECK(probability(level{scale::agree7, 0}, thirds) == 0.01);
  // yes/no: the mean of the top two, of the bottom two.
  CHECK(probability(level{scale::yes_no, 1}, thirds) == doctest::Approx(0.54));
  CHECK(probability(level{scale::yes_no, 0}, thirds) == doctest::Approx(0.02));
  CHECK(probability(level{scale::yes_no, 1}, top2) == doctest::Approx(0.5));
  CHECK(probability(level{scale::yes_no, 0}, top2) == 0);
  // Juster is a probability scale of its own: weights do not apply.
  CHECK(probability(level{scale::juster, 7}, thirds) == doctest::Approx(0.7));
  CHECK(probability(level{scale::juster, 7}, top2) == doctest::Approx(0.7));
}

TEST_CASE("weight presets and custom weights") {
  CHECK(preset_weights("thirds") == thirds);
  CHECK(preset_weights("top2") == top2);
  CHECK_FALSE(preset_weights("Top2"));
  CHECK(parse_weights("0.7,0.3,0.1,0.05,0") == box_weights{0.7, 0.3, 0.1, 0.05, 0});
  CHECK(parse_weights(" 0.7 , 0.3,0.1, 0.05 ,0 ") == box_weights{0.7, 0.3, 0.1, 0.05, 0});
  CHECK(parse_weights("1,1,1,1,1") == box_weights{1, 1, 1, 1, 1});
  for (std::string_view bad : {"", "0.7,0.3,0.1,0.05", "0.7,0.3,0.1,0.05,0,0", "0.7;0.3;0.1;0;0",
                               "0.7,0.3,,0.05,0", "1.2,0.3,0.1,0.05,0", "0.7,0.3,0.1,0.05,-0.1",
                               "70%,30%,10%,5%,0%", "nan,0,0,0,0", "0.7,0.3,0.1,0.05,0x"}) {
    CAPTURE(bad);
    CHECK_THROWS_WITH_AS(parse_weights(bad),
                         doctest::Contains("expected five numbers between 0 and 1"), rebuy::error);
  }
  CHECK_THROWS_WITH_AS(parse_weights("0.1,0.3,0.5,0.7,0.9"), doctest::Contains("top box first"),
                       rebuy::error);
  CHECK(format_weights(thirds) == "0.81/0.27/0.09/0.03/0.01");
  CHECK(format_weights(top2) == "0.75/0.25/0/0/0");
}

TEST_CASE("ratings: position on the scale and the proxy probability") {
  const rating_reading four = read_rating("4", std::nullopt);
  REQUIRE(four.position);
  CHECK(*four.position == 0.75);
  CHECK(four.max == 5);
  CHECK(rating_probability(*four.position, thirds) == doctest::Approx(0.27));
  CHECK(rating_probability(*read_rating("5.0", std::nullopt).position, thirds) ==
        doctest::Approx(0.81));
  CHECK(rating_probability(*read_rating("1", std::nullopt).position, thirds) ==
        doctest::Approx(0.01));
  CHECK(rating_probability(*read_rating("3", std::nullopt).position, top2) == 0);
  // Halfway between the top two boxes.
  CHECK(rating_probability(*read_rating("4.5", std::nullopt).position, thirds) ==
        doctest::Approx(0.54));
  // 10-point scale: 10 → top, 1 → bottom, linear in between.
  CHECK(rating_probability(*read_rating("10", std::string_view("10")).position, thirds) ==
        doctest::Approx(0.81));
  CHECK(*read_rating("7", std::string_view("10")).position == doctest::Approx(6.0 / 9));
  // 0 on a 0-based scale is the bottom.
  CHECK(*read_rating("0", std::string_view("10")).position == 0);

  CHECK(read_rating("", std::nullopt).problem.empty());
  CHECK_FALSE(read_rating("", std::nullopt).position);
  CHECK(read_rating("6", std::nullopt).problem == "is above the rating's maximum");
  CHECK(read_rating("four", std::nullopt).problem == "is not a number");
  CHECK(read_rating("4,5", std::nullopt).problem == "is not a number");
  CHECK(read_rating("-1", std::nullopt).problem == "is not a number");
  CHECK(read_rating("4", std::string_view("1")).problem ==
        "has a maximum that is not a number above 1");
  CHECK(read_rating("4", std::string_view("five")).problem ==
        "has a maximum that is not a number above 1");
  CHECK(read_rating("4", std::string_view(" ")).position); // blank maximum: 5
}

TEST_CASE("order counts") {
  CHECK(read_order_count("1").count == 1u);
  CHECK(read_order_count(" 3 ").count == 3u);
  CHECK(read_order_count("2.0").count == 2u);
  CHECK_FALSE(read_order_count("").count);
  CHECK(read_order_count("").problem.empty());
  CHECK(read_order_count("0").problem == "is 0 (should include the order the answer followed)");
  CHECK(read_order_count("2.5").problem == "is not a whole number");
  CHECK(read_order_count("many").problem == "is not a whole number");
  CHECK(read_order_count("-2").problem == "is not a whole number");
}
