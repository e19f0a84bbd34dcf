// The report's numbers, section by section, on stores filled with SQL.
#include "report/format.hpp"
#include "report/html_report.hpp"
#include "report/json_report.hpp"
#include "report/markdown_report.hpp"
#include "report/report_data.hpp"
#include "report/report_scores.hpp"
#include "report/response_scan.hpp"
#include "report_fixture.hpp"
#include "stats/proportion.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>

using namespace rebuy::core;
using rebuy_test::report_store;

namespace {

// Ten responses over two months. Explicit answers on 1-8: 5 in the top-2 box,
// 3 below it (ids 2, 5, 8 would not). NPS: 4 promoters, 2 passives, 3 detractors.
void fill(report_store &s) {
  using r = report_store::response;
  s.add(
      r{1, "web", "2025-10-03T10:00:00Z", "C1", "Great boots, will buy again", "Members", "boots"});
  s.add(
      r{2, "web", "2025-10-05T10:00:00Z", "C2", "Parcel arrived late and broken", "New", "tents"});
  s.add(r{3, "shop", "2025-10-20T10:00:00Z", "C3", "Lovely", "Members", "boots"});
  s.add(r{4, "shop", "2025-11-02T10:00:00Z", "C4", "Fine", "New", "boots"});
  s.add(r{5, "web", "2025-11-03T10:00:00Z", "C5", "Delivery was late. <script>alert(1)</script>",
          "New", "tents"});
  s.add(r{6, "web", "2025-11-04T10:00:00Z", "C2", "They fixed it, thanks", "New", "tents"});
  s.add(r{7, "web", "2025-11-05T10:00:00Z", "C7", "Good", "Members", "boots"});
  s.add(r{8, "shop", "2025-11-06T10:00:00Z", "C8", "Late delivery again, broken box", "New",
          "tents"});
  s.add(r{9, "web", "2025-11-07T10:00:00Z", "", "no answer", "New", "boots"});
  s.add(r{10, "web", "", "", "undated", "", ""});
  s.answer(1, "definitely", 1);
  s.answer(2, "definitely_not", 0);
  s.answer(3, "probably", 0.75);
  s.answer(4, "probably", 0.75);
  s.answer(5, "probably_not", 0.25);
  s.answer(6, "definitely", 1);
  s.answer(7, "definitely", 1);
  s.answer(8, "definitely_not", 0);
  for (auto [id, cls] : {std::pair{1, 1.0},
                         {2, -1.0},
                         {3, 1.0},
                         {4, 0.0},
                         {5, -1.0},
                         {6, 1.0},
                         {7, 1.0},
                         {8, -1.0},
                         {9, 0.0}})
    s.nps(id, cls);
  for (int id : {2, 5, 8})
    s.score(id, "themes", "themes", NAN, "delivery;damage");
  s.score(1, "themes", "themes", NAN, "quality");
}

const breakdown_data &by(const report_data &d, const std::string &dimension) {
  return *std::find_if(d.breakdowns.begin(), d.breakdowns.end(),
                       [&](const breakdown_data &b) { return b.dimension == dimension; });
}

} // namespace

TEST_CASE("report headline: explicit answers give the rate, with a Wilson interval") {
  report_store s;
  fill(s);
  auto d = build_report(*s.db, {});
  const auto &f = d.headline.overall;
  CHECK(d.responses == 10);
  CHECK(d.headline.basis == rate_basis::answers);
  CHECK(f.rate_n == 8);
  CHECK(f.rate_yes == 5);
  CHECK(f.rate == doctest::Approx(0.625));
  auto ci = stats::wilson(5, 8);
  CHECK(f.rate_ci.low == doctest::Approx(ci.low));
  CHECK(f.rate_ci.high == doctest::Approx(ci.high));
  CHECK(f.small_rate); // ±30 points on 8 answers
  CHECK(f.nps_counts.promoters == 4);
  CHECK(f.nps_counts.passives == 2);
  CHECK(f.nps_counts.detractors == 3);
  CHECK(f.nps.score == doctest::Approx(1.0 / 9));
  CHECK(std::isnan(f.expected_probability)); // no estimates: said, not invented
  CHECK(d.headline.first_day == "2025-10-03");
  CHECK(d.headline.last_day == "2025-11-07");
  CHECK(d.headline.undated == 1);
}

TEST_CASE("report change: the latest month against the one before, with tests") {
  report_store s;
  fill(s);
  auto d = build_report(*s.db, {});
  const auto &c = d.headline.change;
  REQUIRE(c.available);
  CHECK(c.current_from == "2025-11-01");
  CHECK(c.current_to == "2025-11-07");
  CHECK(c.previous_from == "2025-10-01");
  CHECK(c.previous_to == "2025-10-31");
  CHECK(c.current.rate_n == 5);
  CHECK(c.current.rate_yes == 3);
  CHECK(c.previous.rate_n == 3);
  CHECK(c.previous.rate_yes == 2);
  auto expected = stats::proportion_difference(3, 5, 2, 3);
  CHECK(c.rate_test.difference == doctest::Approx(expected.difference));
  CHECK(c.rate_test.p_value == doctest::Approx(expected.p_value));
  CHECK(significance(c.rate_test).empty()); // 5 against 3 answers proves nothing
}

TEST_CASE("report --since/--until: the period, and the previous period of the same length") {
  report_store s;
  fill(s);
  report_options o;
  o.filter.since = "2025-11-01";
  o.filter.until = "2025-11-30";
  auto d = build_report(*s.db, o);
  CHECK(d.responses == 6); // ids 4-9; the undated one is left out of a dated period
  CHECK(d.headline.undated == 0);
  CHECK(d.headline.change.previous_from == "2025-10-02");
  CHECK(d.headline.change.previous_to == "2025-10-31");
  CHECK(d.headline.change.previous.responses == 3); // ids 1-3: 2025-10-03 to 2025-10-20
}

TEST_CASE("report without buy-again answers uses the estimate, and says so") {
  report_store s;
  using r = report_store::response;
  for (int id = 1; id <= 4; ++id)
    s.add(r{id, "web", "2025-11-0" + std::to_string(id) + "T00:00:00Z"});
  s.score(1, "rebuy", "buy_again_probability", 0.9);
  s.score(1, "rebuy", "buy_again_basis", NAN, "rating");
  s.score(2, "rebuy", "buy_again_probability", 0.2);
  s.score(2, "rebuy", "buy_again_basis", NAN, "text");
  s.score(3, "rebuy", "buy_again_probability", 0.5);
  s.score(3, "rebuy", "buy_again_basis", NAN, "rating");
  s.score(4, "rebuy", "buy_again_probability", 0.3);
  s.score(4, "rebuy", "buy_again_basis", NAN, "none"); // no evidence: not an estimate
  auto d = build_report(*s.db, {});
  const auto &f = d.headline.overall;
  CHECK(d.headline.basis == rate_basis::estimate);
  CHECK(f.rate_n == 3);
  CHECK(f.rate_yes == 2); // 0.9 and 0.5
  CHECK(f.expected_probability == doctest::Approx((0.9 + 0.2 + 0.5) / 3));
  REQUIRE(d.headline.estimate_bases.size() == 2);
  CHECK(d.headline.estimate_bases[0].answer == "rating");
  CHECK(d.headline.estimate_bases[0].count == 2);
  CHECK(rate_definition(d.headline.basis).find("estimated probability") != std::string::npos);
}

TEST_CASE("report on a store without scores says no data instead of numbers") {
  report_store s;
  s.add({1, "web", "2025-11-01T00:00:00Z", "C1", "hello"});
  auto d = build_report(*s.db, {});
  CHECK(d.headline.basis == rate_basis::none);
  CHECK(std::isnan(d.headline.overall.rate));
  CHECK(std::isnan(d.headline.overall.nps.score));
  CHECK(d.themes.themes.empty());
  CHECK(d.calibration.n == 0);
  CHECK(d.customers.at_risk.empty());
}

TEST_CASE("report breakdowns: rows sorted by their gap to the overall rate, worst first") {
  report_store s;
  fill(s);
  auto d = build_report(*s.db, {});
  const auto &segment = by(d, "segment");
  REQUIRE(segment.rows.size() == 2);
  CHECK(segment.metric == "rate");
  CHECK(segment.rows[0].value == "New"); // 2 of 5 answers: 40 %
  CHECK(segment.rows[0].values.rate == doctest::Approx(0.4));
  CHECK(segment.rows[0].gap == doctest::Approx(0.4 - 0.625));
  CHECK(segment.rows[1].value == "Members"); // 3 of 3
  CHECK(segment.not_given == 1);
  CHECK(by(d, "source").rows.size() == 2);
  CHECK(by(d, "product").rows[0].value == "tents");
}

TEST_CASE("report --by and --where read attributes from the JSON column") {
  report_store s;
  s.add({1, "web", "2025-11-01T00:00:00Z", "", "", "", "", R"({"Colour":"red","Size":42})"});
  s.add({2, "web", "2025-11-02T00:00:00Z", "", "", "", "", R"({"Colour":"blue","Size":42})"});
  s.add({3, "web", "2025-11-03T00:00:00Z", "", "", "", "", R"({"Colour":"red","Size":40})"});
  report_options o;
  o.by = {"Colour", "country"};
  o.filter.where = {{"Size", "42"}};
  auto d = build_report(*s.db, o);
  CHECK(d.responses == 2);
  const auto &colour = by(d, "Colour");
  REQUIRE(colour.rows.size() == 2);
  CHECK(by(d, "country").not_given == 2);
  o.by = {"bad\"name"};
  CHECK_THROWS(build_report(*s.db, o));
}

TEST_CASE("report themes: impact is the figure for all minus the figure without the theme") {
  report_store s;
  fill(s);
  auto d = build_report(*s.db, {});
  const auto &themes = d.themes.themes;
  REQUIRE(themes.size() == 3);
  // delivery and damage tie; both come before quality, which helps.
  CHECK(themes[2].theme == "quality");
  const auto &delivery = themes[0].theme == "delivery" ? themes[0] : themes[1];
  CHECK(delivery.values.responses == 3);
  // Without ids 2, 5, 8: 5 of 5 answers in the top-2 box.
  CHECK(delivery.rate_impact == doctest::Approx(0.625 - 1.0));
  // NPS all 1/9; without the three detractors: 4 promoters, 2 passives → 4/6.
  CHECK(delivery.nps_impact == doctest::Approx(1.0 / 9 - 4.0 / 6));
  CHECK(!delivery.quote.empty());
  CHECK(themes[2].rate_impact > 0);
}

TEST_CASE("report distinctive words: typical of would-not feedback, each with a real quote") {
  report_store s;
  using r = report_store::response;
  for (int id = 1; id <= 40; ++id) {
    bool no = id % 2 == 0;
    s.add(r{id, "web", "2025-11-01T00:00:00Z", "",
            no ? "The parcel arrived late, courier lost it" : "Lovely quality, fits well"});
    s.answer(id, no ? "definitely_not" : "definitely", no ? 0 : 1);
  }
  auto d = build_report(*s.db, {});
  CHECK(d.themes.would_not_texts == 20);
  CHECK(d.themes.would_texts == 20);
  REQUIRE(!d.themes.words.empty());
  std::vector<std::string> words;
  for (const auto &w : d.themes.words) {
    words.push_back(w.word);
    CHECK(w.quote.find(w.word) != std::string::npos);
    CHECK(w.would == 0);
  }
  CHECK(std::find(words.begin(), words.end(), "late") != words.end());
  CHECK(std::find(words.begin(), words.end(), "lovely") == words.end());
}

TEST_CASE("report customers: at risk by value, and won back") {
  report_store s;
  fill(s);
  s.order("O1", "C5", "2025-09-01T00:00:00Z", 500);
  s.order("O2", "C8", "2025-09-01T00:00:00Z", 40);
  s.order("O3", "C8", "2025-12-01T00:00:00Z", 60); // after their "no": won back
  auto d = build_report(*s.db, {});
  const auto &c = d.customers;
  CHECK(c.value_basis == "orders");
  REQUIRE(c.at_risk.size() == 1);
  CHECK(c.at_risk[0].customer == "C5");
  CHECK(c.at_risk[0].value == doctest::Approx(500));
  CHECK(c.at_risk[0].said == "probably_not");
  CHECK(c.at_risk[0].latest_at == "2025-11-03T10:00:00Z");
  CHECK(c.at_risk[0].orders == 1);
  CHECK(c.at_risk[0].quote.find("<script>") != std::string::npos); // raw here; writers escape
  REQUIRE(c.won_back.size() == 2);
  std::vector<std::string> won;
  for (const auto &w : c.won_back)
    won.push_back(w.customer);
  std::sort(won.begin(), won.end());
  CHECK(won == std::vector<std::string>{"C2", "C8"}); // C2 said yes after no; C8 ordered again
  CHECK(c.won_back[0].customer == "C8");              // more valuable first
  // Worth: C5 500 at risk; C8 100 won back; the others have no orders.
  CHECK(c.at_risk_value == doctest::Approx(500));
  CHECK(c.value_of_all == doctest::Approx(600));
}

TEST_CASE("report calibration: scikit-learn bins and the Brier score") {
  report_store s;
  using r = report_store::response;
  const std::pair<double, int> rows[] = {{0.1, 0}, {0.2, 1}, {0.9, 1}, {0.8, 0}, {0.85, 1}};
  for (int i = 0; i < 5; ++i) {
    s.add(r{i + 1, "web", "2025-11-01T00:00:00Z"});
    s.score(i + 1, "rebuy", "buy_again_probability", rows[i].first);
    s.score(i + 1, "rebuy", "buy_again_basis", NAN, "answer");
    s.score(i + 1, "rebuy", "ordered_again", rows[i].second);
  }
  auto d = build_report(*s.db, {});
  const auto &c = d.calibration;
  CHECK(c.n == 5);
  // (0.01 + 0.64 + 0.01 + 0.64 + 0.0225) / 5
  CHECK(c.brier == doctest::Approx(1.3225 / 5));
  // Bins are closed on the right as in scikit-learn: 0.2 falls in 0-20 %, 0.8 in 60-80 %.
  REQUIRE(c.bins.size() == 3);
  CHECK(c.bins[0].n == 2);
  CHECK(c.bins[0].observed == doctest::Approx(0.5));
  CHECK(c.bins[1].low == doctest::Approx(0.6));
  CHECK(c.bins[1].n == 1);
  CHECK(c.bins[2].n == 2);
  CHECK(c.bins[2].mean_predicted == doctest::Approx(0.875));
}

TEST_CASE("report days: parsing, formatting and refusing impossible dates") {
  CHECK(parse_day("1970-01-01") == 0);
  CHECK(format_day(parse_day("2024-02-29")) == "2024-02-29");
  CHECK(parse_day("2025-03-01") - parse_day("2025-02-28") == 1);
  CHECK_THROWS(parse_day("2025-02-30"));
  CHECK_THROWS(parse_day("11/02/2025"));
  CHECK(day_of("2025-11-01T18:45:04Z") == parse_day("2025-11-01"));
  CHECK(day_of("") == -1);
  // time_key orders stored timestamps as their text does, undated first.
  CHECK(time_key("") < time_key("2025-01-01T00:00:00Z"));
  CHECK(time_key("2025-01-01T00:00:00Z") < time_key("2025-01-01T00:00:00.5Z"));
  CHECK(time_key("2025-01-01T00:00:00.5Z") < time_key("2025-01-01T00:00:01Z"));
  CHECK(time_key("2024-12-31T23:59:59.999Z") < time_key("2025-01-01T00:00:00Z"));
}

TEST_CASE("report customers: without orders, value is the order values given with any feedback") {
  report_store s;
  using r = report_store::response;
  s.add(r{1, "web", "2025-11-01T00:00:00Z", "C1", "Never again"});
  s.add(r{2, "web", "2025-10-01T00:00:00Z", "C1", "order line"}); // no intent, a value
  s.add(r{3, "web", "2025-11-01T00:00:00Z", "C2", "No"});
  s.answer(1, "definitely_not", 0);
  s.answer(3, "definitely_not", 0);
  s.db->exec("UPDATE responses SET order_value = 80 WHERE id = 2");
  s.db->exec("UPDATE responses SET order_value = 30 WHERE id = 3");
  auto c = build_report(*s.db, {}).customers;
  CHECK(c.value_basis == "order values given with feedback");
  CHECK(c.customers == 2);
  REQUIRE(c.at_risk.size() == 2);
  CHECK(c.at_risk[0].customer == "C1");
  CHECK(c.at_risk[0].value == doctest::Approx(80));
  CHECK(c.at_risk[1].value == doctest::Approx(30));
  CHECK(c.at_risk_value == doctest::Approx(110));
}

TEST_CASE("report customers: of more at risk than shown, the most valuable, then the latest") {
  report_store s;
  using r = report_store::response;
  // Forty customers say no, in a shuffled order, worth 0-9 each (four at each value), on one of
  // two days: the rows shown are the first of a total order, not the first to come.
  for (int i = 0; i < 40; ++i) {
    const std::string customer = fmt::format("C{:02}", (i * 17) % 40);
    const char *day = (i / 10) % 2 ? "2025-11-02T00:00:00Z" : "2025-11-01T00:00:00Z";
    s.add(r{i + 1, "web", day, customer, "No"});
    s.answer(i + 1, "definitely_not", 0);
    s.db->exec(
        fmt::format("UPDATE responses SET order_value = {} WHERE id = {}", i % 10, i + 1).c_str());
  }
  report_options options;
  options.max_rows = 5;
  auto c = build_report(*s.db, options).customers;
  CHECK(c.at_risk_total == 40);
  std::vector<std::string> shown;
  for (const auto &row : c.at_risk)
    shown.push_back(
        fmt::format("{} {:g} {}", row.customer, row.value, row.latest_at.substr(0, 10)));
  // Worth 9 first, the later day first, then by name; then the best of those worth 8.
  CHECK(shown == std::vector<std::string>{"C03 9 2025-11-02", "C23 9 2025-11-02",
                                          "C13 9 2025-11-01", "C33 9 2025-11-01",
                                          "C06 8 2025-11-02"});
}

TEST_CASE("report trend: every month from the first to the last, empty ones included") {
  report_store s;
  using r = report_store::response;
  s.add(r{1, "web", "2025-01-10T00:00:00Z"});
  s.add(r{2, "web", "2025-01-20T00:00:00Z"});
  s.add(r{3, "web", "2025-04-02T00:00:00Z"}); // nothing in February and March
  s.add(r{4, "web", "2025-06-30T00:00:00Z"});
  for (int id : {1, 2, 3, 4})
    s.nps(id, id == 3 ? -1.0 : 1.0);
  auto t = build_report(*s.db, {}).trend;
  CHECK(t.granularity == "month");
  std::vector<std::string> periods;
  for (const auto &p : t.points)
    periods.push_back(p.period);
  CHECK(periods ==
        std::vector<std::string>{"2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"});
  CHECK(t.points[0].values.responses == 2);
  CHECK(t.points[1].values.responses == 0);
  CHECK(std::isnan(t.points[1].values.nps.score));
  CHECK(t.points[1].to == "2025-02-28");
  CHECK(t.points[3].values.nps.score == doctest::Approx(-1));
}

TEST_CASE("report trend: short periods go by Monday-based week, empty weeks included") {
  report_store s;
  using r = report_store::response;
  s.add(r{1, "web", "2025-11-05T00:00:00Z"}); // Wednesday: the week of Monday 3 November
  s.add(r{2, "web", "2025-11-24T00:00:00Z"}); // a Monday, two empty weeks later
  auto t = build_report(*s.db, {}).trend;
  CHECK(t.granularity == "week");
  REQUIRE(t.points.size() == 4);
  CHECK(t.points[0].period == "2025-11-03");
  CHECK(t.points[0].to == "2025-11-09");
  CHECK(t.points[1].values.responses == 0);
  CHECK(t.points[3].period == "2025-11-24");
}

TEST_CASE("report answers read as their words where a person reads them") {
  CHECK(answer_words("probably_not") == "Probably not");
  CHECK(answer_words("strongly_agree") == "Strongly agree");
  CHECK(answer_words("yes") == "Yes");
  CHECK(answer_words("juster_7") == "7 in 10 (Juster)");
  report_store s;
  fill(s);
  for (int id = 1; id <= 8; ++id)
    s.score(id, "rebuy", "ordered_again", id % 2);
  auto d = build_report(*s.db, {});
  const auto &at_risk = d.customers.at_risk;
  auto c5 = std::find_if(at_risk.begin(), at_risk.end(),
                         [](const customer_row &c) { return c.customer == "C5"; });
  REQUIRE(c5 != at_risk.end());
  CHECK(c5->said == "probably_not"); // the stored level, for tools
  CHECK(c5->said_label == "Probably not");
  REQUIRE(d.calibration.levels.size() == 4);
  CHECK(d.calibration.levels[0].level == "definitely");
  CHECK(d.calibration.levels[0].label == "Definitely");
  CHECK(d.calibration.levels[3].label == "Definitely not");
  const std::string md = render_markdown_report(d), html = render_html_report(d);
  for (const std::string *page : {&md, &html}) {
    CHECK(page->find("| Probably not |") + page->find(">Probably not<") != 2 * std::string::npos);
    CHECK(page->find("Definitely not") != std::string::npos);
    for (const char *level : {"probably_not", "probably\\_not", "definitely_not"})
      CHECK_MESSAGE(page->find(level) == std::string::npos, level);
  }
  CHECK(render_json_report(d).find("\"label\": \"Definitely not\"") != std::string::npos);
}

TEST_CASE("report counts the responses imported since the last analysis") {
  report_store s;
  fill(s);
  CHECK(build_report(*s.db, {}).awaiting_analysis == 0);
  s.db->exec("UPDATE analyzer_state SET analyzed_through = 6");
  CHECK(build_report(*s.db, {}).awaiting_analysis == 4); // ids 7 to 10
  report_options october;
  october.filter.since = "2025-10-01", october.filter.until = "2025-10-31";
  CHECK(build_report(*s.db, october).awaiting_analysis == 0); // ids 1 to 3
  s.db->exec("DELETE FROM analyzer_state");
  const auto never = build_report(*s.db, {});
  CHECK(never.awaiting_analysis == 10);
  CHECK(render_markdown_report(never).find("**10 of these responses await analysis.**") !=
        std::string::npos);
}

// The report's scan hands batches to a thread per visitor: each sees every response in order,
// with its own texts, and a visitor's failure reaches the caller instead of stalling the reader.
TEST_CASE("scan in parallel: every visitor sees every response in order, and failures surface") {
  report_store s;
  constexpr int count = 5000; // a few batches
  {
    sql::transaction tx(*s.db);
    for (int id = 1; id <= count; ++id)
      s.add({.id = id, .customer = "C" + std::to_string(id), .text = std::string(id % 300, 'x')});
    tx.commit();
  }
  const report_scores scores(*s.db);
  std::vector<int64_t> seen[2];
  bool texts_intact = true;
  auto visitor = [&](int lane) {
    return [&, lane](const scanned_response &r) {
      seen[lane].push_back(r.id);
      texts_intact &= lane == 1 || (r.customer == "C" + std::to_string(r.id) &&
                                    r.text.size() == static_cast<size_t>(r.id % 300));
    };
  };
  scan_responses_in_parallel(*s.db, {}, scores, {visitor(0), visitor(1)});
  std::vector<int64_t> all(count);
  std::iota(all.begin(), all.end(), int64_t{1});
  CHECK(seen[0] == all);
  CHECK(seen[1] == all);
  CHECK(texts_intact);

  auto failing = [](const scanned_response &r) {
    if (r.id == 3000) throw std::runtime_error("visitor failed at 3000");
  };
  CHECK_THROWS_WITH(scan_responses_in_parallel(*s.db, {}, scores, {visitor(0), failing}),
                    "visitor failed at 3000");
}
