// Key drivers: which columns are rating items, and what the report makes of them.
#include "report/driver_items.hpp"
#include "report/html_report.hpp"
#include "report/report_data.hpp"
#include "report_fixture.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>
#include <numeric>

using namespace rebuy::core;
using rebuy_test::report_store;

namespace {

std::vector<std::string_view> views(const std::vector<std::string> &values) {
  return {values.begin(), values.end()};
}

// `n` values cycling through `pattern`.
std::vector<std::string> repeat(std::vector<std::string> pattern, size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i)
    out.push_back(pattern[i % pattern.size()]);
  return out;
}

std::vector<std::string> names(const driver_group &g) {
  std::vector<std::string> out;
  for (const auto &i : g.items)
    out.push_back(i.column);
  return out;
}

} // namespace

TEST_CASE("driver items: ratings on 1-5, 1-7, 0-10 and 1-10 with their no-answer codes") {
  auto scale = [](std::vector<std::string> values) {
    auto s = rating_item_scale(views(values));
    return s ? describe_item_scale(*s) : std::string("none");
  };
  CHECK(scale({"1", "2", "3", "4", "5", "4", ""}) == "1-5");
  CHECK(scale({"1", "2", "3", "4", "5", "6", "6", "0"}) == "1-5 (0, 6 = no answer)");
  CHECK(scale({"1", "3", "5", "6", "7", "7"}) == "1-7");
  CHECK(scale({"0", "3", "7", "9", "10", "10"}) == "0-10");
  CHECK(scale({"2", "5", "8", "10", "99"}) == "1-10 (99 = no answer)");
  CHECK(scale({"3", "4", "5", "NA", "n/a"}) == "1-5");
  // Not ratings: codes of a yes/no question, averages, text, a scale left unused at the top.
  CHECK(scale({"1", "2", "2", "1", "0"}) == "none");
  CHECK(scale({"1", "2", "3", "1"}) == "none");
  CHECK(scale({"3.5", "4.25", "4.75", "2.5"}) == "none");
  CHECK(scale({"Good", "Bad", "Fine"}) == "none");
  CHECK(scale({"1", "2", "3", "14", "22"}) == "none");
  // A code read as no answer, a rating read as itself.
  item_scale five = *rating_item_scale(views({"1", "2", "3", "4", "5", "6"}));
  CHECK(five.read(" 4 ") == 4);
  CHECK(std::isnan(five.read("6")));
  CHECK(std::isnan(five.read("4.5")));
  CHECK(std::isnan(five.read("")));
}

TEST_CASE("driver items: a grid's items share a scale read off all their answers") {
  // Q7PARK alone is mostly "6 = not applicable"; as one of the grid it is rated on 1-5.
  std::vector<sampled_column> columns = {
      {"RESPNUM", repeat({"101", "102", "103"}, 40)},
      {"Q7ART", repeat({"1", "2", "3", "4", "5", "6", "0", "4"}, 40)},
      {"Q7FOOD", repeat({"3", "4", "5", "6", "2"}, 40)},
      {"Q7PARK", repeat({"6", "6", "6", "6", "3", "4", "5"}, 40)},
      {"Q7ALL", repeat({"3", "4", "5", "BLANK"}, 40)},
      {"Q8-1", repeat({"0", "101", "203"}, 40)}, // codes of a multiple choice: no rating
      {"Q4BAGS", repeat({"1", "2", "0"}, 40)},
      {"Q4STORE", repeat({"1", "2", "3"}, 40)},
      {"Q4FOOD", repeat({"2", "1", "1"}, 40)},
      {"DAY", repeat({"1", "2", "3", "4", "5", "6", "7"}, 40)},
      {"Q20Age", repeat({"0", "1", "2", "3", "4", "5", "6", "7"}, 40)},
  };
  auto groups = find_driver_groups(columns);
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].question == "Q7");
  CHECK(names(groups[0]) == std::vector<std::string>{"Q7ART", "Q7FOOD", "Q7PARK"});
  CHECK(groups[0].summaries == std::vector<std::string>{"Q7ALL"});
  CHECK(describe_item_scale(groups[0].items[2].scale) == "1-5 (0, 6 = no answer)");
}

TEST_CASE("driver items: questions that ask for a rating or name an aspect, not intentions") {
  const auto ratings = repeat({"1", "2", "3", "4", "5", "4"}, 30);
  std::vector<sampled_column> columns = {
      {"12. How would you rate the quality of our coffee?", ratings},
      {"13. How would you rate the price range?", ratings},
      {"SeatComfort", ratings},
      {"Value For Money", ratings},
      {"18. How likely are you to choose us for meetings?", ratings},
      {"Overall satisfaction", ratings},
      {"Store number", repeat({"1", "2", "3", "4", "5"}, 30)},
      {"Rate us [Food]", ratings},
      {"Rate us [Staff]", ratings},
      {"Rate us [Overall]", ratings},
      {"Rate us [Music]", ratings},
  };
  auto groups = find_driver_groups(columns);
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].question == "Rate us");
  CHECK(names(groups[0]) ==
        std::vector<std::string>{"Rate us [Food]", "Rate us [Staff]", "Rate us [Music]"});
  CHECK(groups[0].summaries == std::vector<std::string>{"Rate us [Overall]"});
  CHECK(groups[1].question.empty());
  CHECK(names(groups[1]) ==
        std::vector<std::string>{"12. How would you rate the quality of our coffee?",
                                 "13. How would you rate the price range?", "SeatComfort",
                                 "Value For Money"});
  CHECK(groups[1].summaries == std::vector<std::string>{"Overall satisfaction"});
  // One rated question has nothing to weigh against.
  CHECK(find_driver_groups({{"How would you rate the staff?", ratings}}).empty());
}

namespace {

// 120 responses rating staff, price and the seat on 1-5; the would-buy-again answer follows
// the price; "Seat" is missing in every fourth response; an age band is a code, not a rating.
void fill_rated(report_store &s, int first_id = 1) {
  for (int i = 0; i < 120; ++i) {
    const int id = first_id + i;
    const int price = 1 + i % 5, staff = 1 + (i / 5) % 5, seat = 1 + (i * 7 / 3) % 5;
    std::string attributes =
        fmt::format(R"({{"Price":"{}","<b>Staff</b>":{},"Age band":"{}")", price, staff, 1 + i % 3);
    if (i % 4) attributes += fmt::format(R"(,"Seat":"{}")", seat);
    attributes += "}";
    report_store::response r;
    r.id = id;
    r.submitted_at = fmt::format("2026-0{}-10T10:00:00Z", 1 + i % 6);
    r.attributes = attributes;
    s.add(r);
    const double level = std::clamp((price - 1) / 4.0 + (i % 3 == 0 ? 0.25 : 0.0), 0.0, 1.0);
    s.answer(id, level >= 0.5 ? "probably" : "probably_not", level);
  }
}

} // namespace

TEST_CASE("drivers: ratings weighed against the stated would-buy-again answer") {
  report_store s;
  fill_rated(s);
  auto data = build_report(*s.db, report_options{});
  REQUIRE(data.drivers.sets.size() == 1);
  const auto &set = data.drivers.sets[0];
  CHECK(set.source == "web");
  CHECK(set.outcome == "would_buy_again");
  CHECK(set.measure == "the stated would-buy-again answer");
  CHECK(set.responses == 120);
  REQUIRE(set.items.size() == 3);
  CHECK(set.items[0].column == "Price");
  CHECK(set.items[0].weight > 0.5);
  const double sum = std::accumulate(set.items.begin(), set.items.end(), 0.0,
                                     [](double a, const driver_item &i) { return a + i.weight; });
  CHECK(sum == doctest::Approx(set.r_squared).epsilon(1e-9));
  for (const auto &item : set.items) {
    CHECK(item.low <= item.weight);
    CHECK(item.weight <= item.high);
    CHECK(item.answered == (item.column == "Seat" ? 90u : 120u));
  }

  // The report's period bounds the responses weighed.
  report_options since;
  since.filter.since = "2026-04-01";
  auto later = build_report(*s.db, since);
  REQUIRE(later.drivers.sets.size() == 1);
  CHECK(later.drivers.sets[0].responses == 60);

  // Every column name is escaped in the page.
  const std::string html = render_html_report(data);
  CHECK(html.find("&lt;b&gt;Staff&lt;/b&gt;") != std::string::npos);
  CHECK(html.find("<b>Staff") == std::string::npos);
}

namespace {

// 60 responses rating price and staff, with no outcome yet.
void fill_unanswered(report_store &s) {
  for (int i = 0; i < 60; ++i) {
    report_store::response r;
    r.id = i + 1;
    r.attributes = fmt::format(R"({{"Price":"{}","Staff":"{}"}})", 1 + i % 5, 1 + i % 4);
    s.add(r);
  }
}

} // namespace

TEST_CASE("drivers: none without an outcome, and none from estimates read off the text") {
  report_store bare;
  fill_unanswered(bare);
  CHECK(build_report(*bare.db, report_options{}).drivers.sets.empty());

  report_store s;
  fill_unanswered(s);
  for (int id = 1; id <= 60; ++id) {
    s.score(id, "rebuy", "buy_again_probability", 0.2 + 0.01 * id);
    s.score(id, "rebuy", "buy_again_basis", NAN, id <= 30 ? "text" : "rating");
  }
  auto data = build_report(*s.db, report_options{});
  // 30 estimates from ratings are enough; those from text do not count.
  REQUIRE(data.drivers.sets.size() == 1);
  CHECK(data.drivers.sets[0].responses == 30);
  CHECK(data.drivers.sets[0].measure.find("estimated") != std::string::npos);
}

TEST_CASE("drivers: at most 40 ratings are weighed together, the rest named") {
  report_store s;
  for (int i = 0; i < 60; ++i) {
    std::string attributes = "{";
    for (int item = 1; item <= 45; ++item)
      attributes +=
          fmt::format(R"({}"Q1_{}":"{}")", item > 1 ? "," : "", item, 1 + (i * item + i / 5) % 5);
    report_store::response r;
    r.id = i + 1;
    r.attributes = attributes + "}";
    s.add(r);
    s.answer(r.id, i % 2 ? "probably" : "probably_not", i % 2 ? 0.75 : 0.25);
  }
  auto data = build_report(*s.db, report_options{});
  REQUIRE(data.drivers.sets.size() == 1);
  const auto &set = data.drivers.sets[0];
  CHECK(set.question == "Q1");
  CHECK(set.items.size() == max_driver_items);
  CHECK(set.beyond_limit == std::vector<std::string>{"Q1_41", "Q1_42", "Q1_43", "Q1_44", "Q1_45"});
}
