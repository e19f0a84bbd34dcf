#pragma once
// A store filled row by row with SQL, so every report section can be tested
// without the analyzers that will write these scores.
#include "store/store.hpp"

#include "score_table.hpp"

#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

namespace rebuy_test {

struct report_store {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("rebuy-report-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".db");
  std::unique_ptr<rebuy::core::sql::connection> db = rebuy::core::open_store(path);
  static inline int counter = 0;

  report_store() {
    db->exec("INSERT INTO import_runs (id, file, importer, importer_version, source, started_at, "
             "status, rows_in, rows_new, mapping) VALUES (1, 'survey.csv', 'csv', '1.0', 'web', "
             "'2026-01-01T00:00:00Z', 'done', 3, 3, '[{\"column\":\"Q1\",\"role\":\"nps\"},"
             "{\"column\":\"Colour\",\"role\":\"attribute\"}]')");
    // Tests write scores by hand: as far as the report can tell,
    // every response has been analyzed.
    db->exec("INSERT INTO analyzer_state (analyzer, analyzer_version, analyzed_through) VALUES "
             "('nps', '1', 9223372036854775807)");
  }
  ~report_store() {
    db.reset();
    for (const char *suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path.string() + suffix);
  }

  struct response {
    int64_t id = 0;
    std::string source = "web", submitted_at = "", customer = "", text = "", segment = "",
                product = "", attributes = "{}", buy_again = "";
  };
  void add(const response &r) {
    auto s = db->prepare(
        "INSERT INTO responses (id, source, key, key_hash, content_hash, kind, run_id, "
        "submitted_at, customer, text, segment, product, attributes, buy_again) VALUES (?1, ?2, "
        "?3, ?1, ?3, 'survey', 1, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    std::string key = "k" + std::to_string(r.id);
    s.bind(1, r.id).bind(2, std::string_view(r.source)).bind(3, std::string_view(key));
    s.bind_or_null(4, r.submitted_at).bind_or_null(5, r.customer).bind_or_null(6, r.text);
    s.bind_or_null(7, r.segment).bind_or_null(8, r.product).bind(9, std::string_view(r.attributes));
    s.bind_or_null(10, r.buy_again);
    s.run();
  }
  void score(int64_t id, const char *analyzer, const char *metric, double value,
             std::string label = "") {
    rebuy::test::add_score(*db, id, analyzer, metric, value, label);
  }
  void order(const std::string &id, const std::string &customer, const std::string &at,
             double amount) {
    auto s = db->prepare("INSERT INTO orders (source, order_id, customer, ordered_at, amount, "
                         "content_hash, run_id) VALUES ('shop', ?1, ?2, ?3, ?4, ?1, 1)");
    s.bind(1, std::string_view(id)).bind(2, std::string_view(customer));
    s.bind(3, std::string_view(at)).bind(4, amount);
    s.run();
  }
  // An explicit 5-point answer: level 0..1 with its label, and the top-2 box.
  void answer(int64_t id, const char *label, double level) {
    score(id, "buy_again", "buy_again_level", level, label);
    score(id, "buy_again", "buy_again_top2_box", level >= 0.75 ? 1 : 0);
  }
  void nps(int64_t id, double cls) { score(id, "nps", "nps_class", cls); }
};

} // namespace rebuy_test
