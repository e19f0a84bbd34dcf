// How long `rebuy report` takes on a large store: builds (or reuses) a store of
// N responses with every score the report reads, then times building the
// report data and writing each format. Median of RUNS runs.
//
// usage: report_bench [RESPONSES=1000000] [RUNS=3] [DB=report_bench.db]
// The store is kept, so later runs skip the generation; delete it to rebuild.
#include "report/render.hpp"
#include "report/report_data.hpp"
#include "store/score_store.hpp"
#include "store/store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace rebuy::core;
using clock_type = std::chrono::steady_clock;

namespace {

const char *const segments[] = {"New customer", "Returning", "Members", "Wholesale"};
const char *const products[] = {"Footwear", "Camping", "Clothing", "Climbing", "Bikes", "Kids"};
const char *const stages[] = {"discovery", "research", "purchase", "delivery", "after-use"};
const char *const sources[] = {"survey", "reviews", "post-purchase"};
const char *const levels[] = {"definitely_not", "probably_not", "unsure", "probably", "definitely"};
const char *const good[] = {"Great boots, will order again", "Fast delivery and lovely quality",
                            "My go-to shop for camping gear", "Fits well, comfortable all day"};
const char *const bad[] = {
    "Parcel arrived late and the box was broken", "Refund took weeks, never again",
    "Checkout froze after entering my card", "Sizes run small, returning it"};
const char *const themes[] = {"delivery",        "price",    "quality",
                              "delivery;damage", "checkout", "sizing"};

void generate(sql::connection &db, int64_t n) {
  std::mt19937_64 rng(42);
  auto pick = [&](int64_t k) { return static_cast<size_t>(rng() % static_cast<uint64_t>(k)); };
  sql::transaction tx(db);
  db.exec("INSERT INTO import_runs (id, file, importer, importer_version, source, started_at, "
          "status, mapping) VALUES (1, 'bench.csv', 'bench', '1', 'survey', "
          "'2026-01-01T00:00:00Z', 'done', '[]')");
  auto response = db.prepare(
      "INSERT INTO responses (id, source, key, key_hash, content_hash, kind, run_id, submitted_at, "
      "customer, text, segment, product, journey_stage, buy_again) VALUES (?1, ?2, ?3, ?1, ?3, "
      "'survey', 1, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  // Rows first, then packed into pages as analysis writes them.
  db.exec("CREATE TEMP TABLE scores (response_id INTEGER, analyzer TEXT, metric TEXT, "
          "value REAL, label TEXT, evidence TEXT)");
  auto score = db.prepare("INSERT INTO scores (response_id, analyzer, metric, value, label) VALUES "
                          "(?1, ?2, ?3, ?4, ?5)");
  auto add_score = [&](int64_t id, const char *analyzer, const char *metric, double value,
                       const char *label) {
    score.bind(1, id).bind(2, std::string_view(analyzer)).bind(3, std::string_view(metric));
    if (std::isnan(value))
      score.bind_null(4);
    else
      score.bind(4, value);
    score.bind_or_null(5, label ? std::string_view(label) : std::string_view());
    score.run();
    score.reset();
  };
  const int64_t customers = std::max<int64_t>(1, n / 3);
  for (int64_t id = 1; id <= n; ++id) {
    const size_t level = pick(5);
    const bool no = level < 2;
    std::string key = fmt::format("R{}", id);
    std::string when =
        fmt::format("2025-{:02d}-{:02d}T{:02d}:00:00Z", 1 + pick(12), 1 + pick(28), pick(24));
    std::string customer = fmt::format("C{}", 1 + pick(customers));
    response.bind(1, id).bind(2, std::string_view(sources[pick(3)])).bind(3, std::string_view(key));
    response.bind(4, std::string_view(when)).bind(5, std::string_view(customer));
    response.bind(6, std::string_view(no ? bad[pick(4)] : good[pick(4)]));
    response.bind(7, std::string_view(segments[pick(4)]))
        .bind(8, std::string_view(products[pick(6)]))
        .bind(9, std::string_view(stages[pick(5)]))
        .bind(10, std::string_view(levels[level]));
    response.run();
    response.reset();
    const double nps = no ? (pick(3) ? -1 : 0) : (pick(3) ? 1 : 0);
    add_score(id, "nps", "nps_class", nps, nullptr);
    add_score(id, "buy_again", "buy_again_level", static_cast<double>(level) / 4, levels[level]);
    add_score(id, "buy_again", "buy_again_top2_box", level >= 3, nullptr);
    const double p = 0.05 + 0.2 * static_cast<double>(level);
    add_score(id, "rebuy", "buy_again_probability", p, nullptr);
    add_score(id, "rebuy", "buy_again_basis", NAN, "answer");
    add_score(id, "rebuy", "ordered_again", (rng() % 100) < p * 100, nullptr);
    if (pick(2)) add_score(id, "themes", "themes", NAN, themes[pick(6)]);
  }
  auto order = db.prepare("INSERT INTO orders (source, order_id, customer, ordered_at, amount, "
                          "content_hash, run_id) VALUES ('shop', ?1, ?2, ?3, ?4, ?1, 1)");
  for (int64_t i = 1; i <= n / 2; ++i) {
    std::string id = fmt::format("O{}", i), customer = fmt::format("C{}", 1 + pick(customers));
    std::string when = fmt::format("2025-{:02d}-{:02d}T12:00:00Z", 1 + pick(12), 1 + pick(28));
    order.bind(1, std::string_view(id)).bind(2, std::string_view(customer));
    order.bind(3, std::string_view(when)).bind(4, 20.0 + static_cast<double>(pick(200)));
    order.run();
    order.reset();
  }
  pack_score_rows(db, "temp.scores");
  db.exec("DROP TABLE temp.scores");
  tx.commit();
}

double seconds_since(clock_type::time_point start) {
  return std::chrono::duration<double>(clock_type::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv) {
  const int64_t n = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  const std::filesystem::path path = argc > 3 ? argv[3] : "report_bench.db";
  const bool fresh = !std::filesystem::exists(path);
  auto db = open_store(path);
  if (fresh) {
    auto start = clock_type::now();
    generate(*db, n);
    fmt::print("generated {} responses in {:.1f} s\n", n, seconds_since(start));
  }
  std::vector<double> build, html, json, md, csv;
  for (int run = 0; run < runs; ++run) {
    auto start = clock_type::now();
    auto data = build_report(*db, {});
    build.push_back(seconds_since(start));
    for (auto [format, times] :
         {std::pair{"html", &html}, {"json", &json}, {"md", &md}, {"csv", &csv}}) {
      start = clock_type::now();
      auto text = render_report(data, format);
      times->push_back(seconds_since(start));
      if (run == 0 && std::string(format) == "html")
        fmt::print("{} responses; report.html {} KB\n", data.responses, text.size() / 1024);
    }
  }
  fmt::print("build_report {:.2f} s; html {:.3f} s, json {:.3f} s, md {:.3f} s, csv {:.3f} s "
             "(medians of {})\n",
             median(build), median(html), median(json), median(md), median(csv), runs);
}
