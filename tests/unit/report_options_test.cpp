// The report options that change how numbers are judged: the NPS interval
// method, segment-against-rest tests, the NPS denominator and shrinkage.
#include "report/json_report.hpp"
#include "report/markdown_report.hpp"
#include "report/report_data.hpp"
#include "report_fixture.hpp"
#include "stats/nps_intervals.hpp"
#include "stats/proportion.hpp"
#include "util/errors.hpp"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>

using namespace rebuy::core;
using rebuy_test::report_store;

namespace {

// 24 answered responses over two weeks in two segments, plus 4 asked but
// unanswered. VIP (ids 1-10): 8 promoters, 2 passives, 9 of 10 would buy
// again; Regular (ids 11-28): 4 promoters, 4 passives, 6 detractors, 5 of
// 14 would buy again (ids 11-24 answered).
void fill(report_store &s) {
  using r = report_store::response;
  int id = 0;
  auto add = [&](const char *segment, double cls, const char *day) {
    ++id;
    s.add(r{id, "web", std::string(day) + "T10:00:00Z", "C" + std::to_string(id), "", segment});
    if (!std::isnan(cls)) s.nps(id, cls);
  };
  for (int i = 0; i < 8; ++i)
    add("VIP", 1, i % 2 ? "2025-11-03" : "2025-11-10");
  for (int i = 0; i < 2; ++i)
    add("VIP", 0, "2025-11-04");
  for (int i = 0; i < 4; ++i)
    add("Regular", 1, "2025-11-05");
  for (int i = 0; i < 4; ++i)
    add("Regular", 0, "2025-11-11");
  for (int i = 0; i < 6; ++i)
    add("Regular", -1, i % 2 ? "2025-11-06" : "2025-11-12");
  for (int i = 0; i < 4; ++i)
    add("Regular", NAN, "2025-11-12");
  for (int i = 1; i <= 24; ++i)
    s.answer(i, i <= 9 || (i >= 11 && i <= 15) ? "definitely" : "probably_not",
             i <= 9 || (i >= 11 && i <= 15) ? 1 : 0.25);
}

const breakdown_row &row(const report_data &d, const std::string &dimension,
                         const std::string &value) {
  const auto &b = *std::find_if(d.breakdowns.begin(), d.breakdowns.end(),
                                [&](const breakdown_data &x) { return x.dimension == dimension; });
  return *std::find_if(b.rows.begin(), b.rows.end(),
                       [&](const breakdown_row &r) { return r.value == value; });
}

void check_interval(stats::interval got, stats::interval expected) {
  CHECK(got.low == doctest::Approx(expected.low).epsilon(1e-9));
  CHECK(got.high == doctest::Approx(expected.high).epsilon(1e-9));
}

} // namespace

TEST_CASE("--nps-interval: the values, and a usage error naming an unknown one") {
  CHECK(nps_interval_named("adjusted-wald") == stats::nps_interval_method::adjusted_wald);
  CHECK(nps_interval_named("score") == stats::nps_interval_method::score);
  CHECK(nps_interval_named("dirichlet") == stats::nps_interval_method::dirichlet);
  CHECK(std::string(nps_interval_value(stats::nps_interval_method::dirichlet)) == "dirichlet");
  CHECK_THROWS_WITH_AS(nps_interval_named("wald"),
                       doctest::Contains("--nps-interval wald: expected adjusted-wald"),
                       usage_error);
  // The dispatch keeps methods.md's adjusted-Wald reference value as the default.
  auto ci = stats::nps_interval({3, 5, 12}, stats::nps_interval_method::adjusted_wald);
  CHECK(ci.low == doctest::Approx(0.0843).epsilon(1e-3));
  CHECK(ci.high == doctest::Approx(0.6983).epsilon(1e-3));
}

TEST_CASE("--nps-interval: every NPS interval of the report uses the chosen method") {
  report_store s;
  fill(s);
  const stats::nps_counts all{6, 6, 12}, vip{0, 2, 8}, regular{6, 4, 4};
  for (auto method : {stats::nps_interval_method::adjusted_wald, stats::nps_interval_method::score,
                      stats::nps_interval_method::dirichlet}) {
    const std::string name = nps_interval_value(method);
    CAPTURE(name);
    report_options o;
    o.nps_interval = method;
    auto d = build_report(*s.db, o);
    check_interval(d.headline.overall.nps.ci, stats::nps_interval(all, method));
    CHECK(d.headline.overall.nps.score == doctest::Approx(0.25)); // the point never changes
    check_interval(row(d, "segment", "VIP").values.nps.ci, stats::nps_interval(vip, method));
    check_interval(row(d, "segment", "Regular").values.nps.ci,
                   stats::nps_interval(regular, method));
    REQUIRE(d.trend.points.size() == 2);
    check_interval(d.trend.points[0].values.nps.ci, stats::nps_interval({3, 2, 8}, method));
    check_interval(d.headline.change.current.nps.ci, stats::nps_interval(all, method));

    rapidjson::Document json;
    json.Parse(render_json_report(d).c_str());
    REQUIRE(json.IsObject());
    CHECK(std::string(json["nps"]["interval_method"].GetString()) == nps_interval_value(method));
    CHECK(std::string(json["nps"]["interval"].GetString()) == nps_interval_title(method));
    auto md = render_markdown_report(d);
    CHECK(md.find(std::string(nps_interval_title(method)) + "), n = 24 answers") !=
          std::string::npos);
    CHECK(md.find(std::string("`--nps-interval ") + nps_interval_value(method) + "`") !=
          std::string::npos);
  }
  // The three really differ on these counts (else the test above proves nothing).
  auto wald = stats::nps_interval(vip, stats::nps_interval_method::adjusted_wald);
  auto score = stats::nps_interval(vip, stats::nps_interval_method::score);
  auto dirichlet = stats::nps_interval(vip, stats::nps_interval_method::dirichlet);
  CHECK(std::abs(wald.low - score.low) > 0.005);
  CHECK(std::abs(wald.low - dirichlet.low) > 0.005);
  CHECK(std::abs(score.low - dirichlet.low) > 0.005);
}

TEST_CASE("breakdown rows against the rest: two-sample NPS and two-proportion tests") {
  report_store s;
  fill(s);
  auto d = build_report(*s.db, {});
  const auto &vip = row(d, "segment", "VIP");
  // By hand (methods.md): VIP (D, N, P) = (0, 2, 8) against the rest (6, 4, 4),
  // pseudo-counts (0.75, 1.5, 0.75) on each side.
  CHECK(vip.vs_rest.nps.difference == doctest::Approx(0.7330317).epsilon(1e-6));
  CHECK(vip.vs_rest.nps.z == doctest::Approx(2.8520128).epsilon(1e-6));
  CHECK(vip.vs_rest.nps.p_value == doctest::Approx(0.0043443).epsilon(1e-4));
  // 9/10 against 5/14, pooled.
  CHECK(vip.vs_rest.rate.difference == doctest::Approx(0.5428571).epsilon(1e-6));
  CHECK(vip.vs_rest.rate.z == doctest::Approx(2.6594460).epsilon(1e-6));
  CHECK(vip.vs_rest.rate.p_value == doctest::Approx(0.0078269).epsilon(1e-4));
  // The other side of the same split: the sign flips, the p-value stays.
  const auto &regular = row(d, "segment", "Regular");
  CHECK(regular.vs_rest.nps.z == doctest::Approx(-2.8520128).epsilon(1e-6));
  CHECK(regular.vs_rest.rate.p_value == doctest::Approx(vip.vs_rest.rate.p_value));
  // One source holds everything: no rest, nothing to test.
  const auto &web = row(d, "source", "web");
  CHECK(std::isnan(web.vs_rest.nps.p_value));
  CHECK(std::isnan(web.vs_rest.rate.p_value));

  rapidjson::Document json;
  json.Parse(render_json_report(d).c_str());
  REQUIRE(json.IsObject());
  const auto &rows = json["segments"][0]["rows"];
  REQUIRE(std::string(json["segments"][0]["dimension"].GetString()) == "segment");
  bool seen = false;
  for (const auto &r : rows.GetArray())
    if (std::string(r["value"].GetString()) == "VIP") {
      seen = true;
      CHECK(r["nps_vs_rest"]["p_value"].GetDouble() == doctest::Approx(0.0043));
      CHECK(r["nps_vs_rest"]["significant"].GetBool());
      CHECK(r["rate_vs_rest"]["difference"].GetDouble() == doctest::Approx(0.5429));
    }
  CHECK(seen);
  CHECK(json["segments"][2]["rows"][0]["nps_vs_rest"]["p_value"].IsNull());
  auto md = render_markdown_report(d);
  CHECK(md.find("| ▲ p = 0.008 | ▲ p = 0.004 |") != std::string::npos);
  CHECK(md.find("| ▼ p = 0.008 | ▼ p = 0.004 |") != std::string::npos);
  CHECK(md.find("| n/a | n/a |") != std::string::npos); // the single source
}

TEST_CASE("--nps-denominator all: responses asked the question without an answer count as 0") {
  report_store s;
  fill(s);
  // A review from a file without an NPS column was never asked: never counted.
  s.db->exec("INSERT INTO import_runs (id, file, importer, importer_version, source, started_at, "
             "status, mapping) VALUES (2, 'reviews.csv', 'csv', '1.0', 'reviews', "
             "'2026-01-01T00:00:00Z', 'done', '[{\"column\":\"Text\",\"role\":\"text\"}]')");
  s.add({29, "reviews", "2025-11-12T10:00:00Z", "C29", "fine", "Regular"});
  s.db->exec("UPDATE responses SET run_id = 2 WHERE id = 29");

  CHECK(nps_denominator_named("all") == report_options::denominator::all);
  CHECK_THROWS_WITH_AS(nps_denominator_named("asked"),
                       doctest::Contains("--nps-denominator asked: expected answered or all"),
                       usage_error);
  auto answered = build_report(*s.db, {});
  CHECK(answered.headline.overall.nps_counts.n() == 24);
  CHECK(answered.headline.overall.nps_unanswered == 0);
  CHECK(answered.quality.nps_unanswered == 4); // said in either policy
  CHECK(answered.headline.overall.nps.score == doctest::Approx(0.25));

  report_options o;
  o.nps_denominator = report_options::denominator::all;
  auto all = build_report(*s.db, o);
  const auto &f = all.headline.overall;
  CHECK(f.nps_counts.n() == 28);
  CHECK(f.nps_unanswered == 4);
  CHECK(f.nps_counts.passives == 10); // 6 passives and 4 without an answer
  CHECK(f.nps.score == doctest::Approx(6.0 / 28));
  check_interval(f.nps.ci, stats::nps_adjusted_wald({6, 10, 12}).ci);
  const auto &regular = row(all, "segment", "Regular");
  CHECK(regular.values.nps_counts.n() == 18);
  CHECK(regular.values.nps.score == doctest::Approx(-2.0 / 18));
  auto expected = stats::nps_difference({0, 2, 8}, {6, 8, 4});
  CHECK(row(all, "segment", "VIP").vs_rest.nps.z == doctest::Approx(expected.z));
  CHECK(all.quality.denominator_policy.rfind("all responses asked", 0) == 0);
  // A group whose every response skipped the question has no NPS, not 0.
  s.add({30, "web", "2025-11-12T10:00:00Z", "C30", "", "Silent"});
  auto silent = build_report(*s.db, o);
  CHECK(row(silent, "segment", "Silent").values.nps_counts.n() == 0);
  CHECK(std::isnan(row(silent, "segment", "Silent").values.nps.score));
  CHECK(silent.headline.overall.nps_unanswered == 5);

  rapidjson::Document json;
  json.Parse(render_json_report(all).c_str());
  REQUIRE(json.IsObject());
  CHECK(std::string(json["nps"]["denominator_policy"].GetString()) == "all");
  CHECK(json["nps"]["unanswered"].GetUint64() == 4);
  CHECK(json["nps"]["n"].GetUint64() == 28);
  CHECK(json["nps"]["passives"].GetUint64() == 6); // 7-8 answers, as the key always meant
  auto md = render_markdown_report(all);
  CHECK(md.find("n = 28: 24 answers and 4 responses without one, counted as neither "
                "(denominator: all)") != std::string::npos);
  CHECK(md.find("· No answer: 4 (14.3 %)") != std::string::npos);
  CHECK(md.find("NPS denominator: all responses asked the question") != std::string::npos);
  CHECK(render_markdown_report(answered).find("n = 24 answers (denominator: answered)") !=
        std::string::npos);
}

TEST_CASE("stated vs observed: per-level rates shrunk toward the overall rate, scale order") {
  report_store s;
  using r = report_store::response;
  // (label, level, responses, ordered again): m = 4 / 10.
  struct level {
    const char *label;
    double value;
    int n, ordered;
  };
  int id = 0;
  for (auto [label, value, n, ordered] :
       {level{"definitely_not", 0, 3, 0}, level{"probably", 0.75, 2, 1},
        level{"definitely", 1, 4, 3}, level{"probably_not", 0.25, 1, 0}})
    for (int i = 0; i < n; ++i) {
      s.add(r{++id, "web", "2025-11-01T00:00:00Z", "C" + std::to_string(id)});
      s.answer(id, label, value);
      s.score(id, "rebuy", "ordered_again", i < ordered ? 1 : 0);
      s.score(id, "rebuy", "buy_again_probability", value);
      s.score(id, "rebuy", "buy_again_basis", NAN, "answer");
    }
  auto d = build_report(*s.db, {}); // α = 10 by default
  const auto &c = d.calibration;
  CHECK(c.shrinkage == 10);
  CHECK(c.levels_observed == doctest::Approx(0.4));
  REQUIRE(c.levels.size() == 4);
  const char *order[] = {"definitely", "probably", "probably_not", "definitely_not"};
  const double shrunk[] = {7.0 / 14, 5.0 / 12, 4.0 / 11, 4.0 / 13}; // (y + 10·0.4) / (n + 10)
  for (size_t i = 0; i < 4; ++i) {
    CAPTURE(i);
    CHECK(c.levels[i].level == order[i]);
    CHECK(c.levels[i].shrunk == doctest::Approx(shrunk[i]));
  }
  CHECK(c.levels[0].rate == doctest::Approx(0.75)); // raw 3/4 kept beside it
  CHECK(c.levels[0].ordered == 3);

  report_options raw;
  raw.shrinkage = 0;
  auto r0 = build_report(*s.db, raw);
  CHECK(r0.calibration.levels[0].shrunk == doctest::Approx(0.75));
  CHECK(r0.calibration.levels[3].shrunk == doctest::Approx(0));

  rapidjson::Document json;
  json.Parse(render_json_report(d).c_str());
  REQUIRE(json.IsObject());
  CHECK(json["calibration"]["shrinkage"].GetDouble() == 10);
  CHECK(json["calibration"]["levels"][0]["shrunk_rate"].GetDouble() == doctest::Approx(0.5));
  CHECK(json["calibration"]["levels"][1]["level_value"].GetDouble() == 0.75);
  auto md = render_markdown_report(d);
  CHECK(md.find("| Definitely | 4 | 3 | 75.0 % | ") != std::string::npos);
  CHECK(md.find("| 50.0 % |\n| Probably | 2 | 1 | 50.0 % |") != std::string::npos);
  CHECK(md.find("self-generated validity") != std::string::npos);
}

TEST_CASE("stated vs observed: what first-time and repeat customers did next") {
  report_store s;
  using r = report_store::response;
  // Order count when answering: 1-3 repeat customers, 4-5 first orders.
  // Outcomes known for 1 (ordered again), 2 (did not) and 4 (ordered again).
  for (int id = 1; id <= 5; ++id) {
    s.add(r{id, "web", "2025-11-01T00:00:00Z", "C" + std::to_string(id)});
    s.score(id, "buy_again", "repeat_customer", id <= 3 ? 1 : 0);
  }
  auto without_orders = build_report(*s.db, {});
  CHECK(without_orders.calibration.n == 0);
  CHECK(order_count_responses(without_orders.calibration.order_counts) == 5);
  CHECK(render_markdown_report(without_orders)
            .find("5 responses say how many times the customer had ordered") != std::string::npos);

  for (auto [id, y] : {std::pair{1, 1.0}, {2, 0.0}, {4, 1.0}}) {
    s.score(id, "rebuy", "ordered_again", y);
    s.score(id, "rebuy", "buy_again_probability", y);
    s.score(id, "rebuy", "buy_again_basis", NAN, "orders");
  }
  auto d = build_report(*s.db, {});
  const auto &groups = d.calibration.order_counts;
  REQUIRE(groups.size() == 2);
  CHECK(!groups[0].repeat);
  CHECK(groups[0].responses == 2);
  CHECK(groups[0].known == 1);
  CHECK(groups[0].rate == doctest::Approx(1));
  CHECK(groups[1].repeat);
  CHECK(groups[1].responses == 3);
  CHECK(groups[1].known == 2);
  CHECK(groups[1].ordered == 1);
  CHECK(groups[1].ci.low == doctest::Approx(stats::wilson(1, 2).low));
  CHECK(render_markdown_report(d).find("| repeat customer (2+ orders) | 3 | 2 | 1 | 50.0 % |") !=
        std::string::npos);
  rapidjson::Document json;
  json.Parse(render_json_report(d).c_str());
  REQUIRE(json.IsObject());
  CHECK(std::string(json["calibration"]["order_counts"][1]["group"].GetString()) == "repeat");
  CHECK(json["calibration"]["order_counts"][1]["outcome_known"].GetUint64() == 2);
}
