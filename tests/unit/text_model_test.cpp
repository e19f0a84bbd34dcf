// The store's own text model: logistic regression, hashed features, and what analyze does with
// them.
#include "pipeline/estimates.hpp"
#include "pipeline/text_model.hpp"
#include "report/report_data.hpp"
#include "stats/logistic.hpp"
#include "store/store.hpp"
#include "text/hashed_features.hpp"

#include "score_table.hpp"
#include "temp_store.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <tuple>

using namespace rebuy::core;
using namespace rebuy::test;

TEST_CASE("roc_auc: ranks with ties counted half, NaN without both classes") {
  const std::vector<uint8_t> labels = {0, 0, 1, 1};
  CHECK(stats::roc_auc(std::vector<double>{0.1, 0.2, 0.3, 0.4}, labels) == 1);
  CHECK(stats::roc_auc(std::vector<double>{0.4, 0.3, 0.2, 0.1}, labels) == 0);
  CHECK(stats::roc_auc(std::vector<double>{0.5, 0.5, 0.5, 0.5}, labels) == 0.5);
  CHECK(stats::roc_auc(std::vector<double>{0.1, 0.3, 0.2, 0.4}, labels) == 0.75);
  CHECK(std::isnan(stats::roc_auc(std::vector<double>{0.1, 0.2}, std::vector<uint8_t>{1, 1})));
}

TEST_CASE("auc_standard_error: Hanley and McNeil's, smaller with more texts") {
  // Their formula by hand for an AUC of 0.9 on 50 and 50: sqrt(2.5798 / 2500).
  CHECK(stats::auc_standard_error(0.9, 50, 50) == doctest::Approx(0.03212).epsilon(0.001));
  CHECK(stats::auc_standard_error(0.9, 500, 500) < stats::auc_standard_error(0.9, 50, 50));
  CHECK(std::isnan(stats::auc_standard_error(0.9, 0, 50)));
}

TEST_CASE("dense_logistic: recovers the coefficients that made the labels") {
  // y = 1 exactly when −1 + 2·x > 0 would be too easy: labels drawn with P = σ(−1 + 2x) from a
  // fixed sequence, many rows per x.
  std::vector<double> x;
  std::vector<uint8_t> y;
  uint64_t state = 7;
  for (int i = 0; i < 20000; ++i) {
    const double v = (i % 41) / 10.0 - 2;
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    const double u = static_cast<double>(state >> 11) / 9007199254740992.0;
    x.push_back(v);
    y.push_back(u < stats::logistic(-1 + 2 * v) ? 1 : 0);
  }
  const auto beta = stats::dense_logistic(x, 1, y, 1e-6);
  REQUIRE(beta.size() == 2);
  CHECK(beta[0] == doctest::Approx(-1).epsilon(0.1));
  CHECK(beta[1] == doctest::Approx(2).epsilon(0.1));
}

TEST_CASE("hashed features: words and pairs within a sentence, the same on every run") {
  const auto a = hashed_features("Great boots, GREAT price", 20);
  const auto b = hashed_features("great boots great price", 20);
  CHECK(a.index == b.index);
  // great, boots, price; (great boots), (boots great), (great price)
  CHECK(a.index.size() == 6);
  CHECK(a.value[0] == doctest::Approx(1 / std::sqrt(6.0)));
  // A full stop ends a sentence: no pair across it.
  CHECK(hashed_features("not bad. good", 20).index.size() ==
        hashed_features("not bad good", 20).index.size() - 1);
  CHECK(hashed_features("... !!", 20).index.empty());
  for (uint32_t i : hashed_features("Olá, não gostei", 8).index)
    CHECK(i < 256u);
}

namespace {

// Reviews built from a few words: "would" ones praise, "would not" ones complain.
std::string review(int i, bool happy) {
  static const char *good[] = {"lovely", "perfect fit", "great quality", "fast delivery",
                               "comfortable"};
  static const char *bad[] = {"broke quickly", "too small", "arrived late", "cheap material",
                              "fell apart"};
  const char **words = happy ? good : bad;
  return fmt::format("The shoes were {} and {}, order {}", words[i % 5], words[(i / 5) % 5], i);
}

struct review_store {
  temp_db t;
  std::unique_ptr<sql::connection> db = open_store(t.path);

  // `rated` responses with a 5 or 1 star rating, then `unrated` without one; with
  // `arrived_reversed` the same responses (keys and key hashes) under ids in the opposite order.
  // With `text_says_nothing`, the texts do not follow the ratings. With `keys_per_hash` above
  // 1, that many keys in a row share a key hash (as if their hashes collided). Responses from
  // `unhappy_from` on all complain.
  review_store(int rated, int unrated, bool arrived_reversed = false,
               bool text_says_nothing = false, int keys_per_hash = 1, int unhappy_from = INT_MAX) {
    db->exec("INSERT INTO import_runs (id, file, importer, importer_version, source, started_at, "
             "status) VALUES (1, 'f', 'x', '1', 'shop', '2024-01-01T00:00:00Z', 'done')");
    auto add = db->prepare("INSERT INTO responses (id, source, key, key_hash, content_hash, kind, "
                           "run_id, text, rating, rating_max) VALUES (?4, 'shop', ?1, ?5, 'h', "
                           "'review', 1, ?2, ?3, 5)");
    sql::transaction tx(*db); // one commit, not one per response
    const int n = rated + unrated;
    uint64_t coin = 7; // a fixed sequence of coin flips
    for (int i = 0; i < n; ++i) {
      const bool happy = i % 3 != 0 && i < unhappy_from;
      coin = coin * 6364136223846793005ull + 1442695040888963407ull;
      // Bound, not copied: it must outlive run().
      const std::string text = review(i, text_says_nothing ? coin >> 63 : happy);
      add.bind(1, int64_t{i + 1}).bind(2, std::string_view(text));
      add.bind(4, int64_t{arrived_reversed ? n - i : i + 1});
      add.bind(5, int64_t{i / keys_per_hash + 1});
      i < rated ? add.bind(3, happy ? 5.0 : 1.0) : add.bind_null(3);
      add.run();
      add.reset();
    }
    // Every response of a store has its key's row, as an import writes it.
    db->exec("INSERT INTO response_keys SELECT key_hash, id FROM responses");
    tx.commit();
  }
  text_model_summary fit() {
    sql::transaction tx(*db);
    score_store store(*db);
    auto summary = fit_text_model(*db, store);
    tx.commit();
    return summary;
  }
  // Of the response with key `key`.
  double model_probability_of_key(int key) {
    auto id = db->prepare("SELECT id FROM responses WHERE key = ?1");
    const std::string text = std::to_string(key);
    id.bind(1, std::string_view(text));
    return id.step() ? model_probability(id.column_int(0)) : NAN;
  }
  double model_probability(int64_t id) {
    metric_cursor c(*db, core_analyzer_id, "text_model_probability", true);
    const page_score *s = c.at(id);
    return s ? s->value : NAN;
  }
};

} // namespace

TEST_CASE("text model: learnt from the rated texts, it reads the unrated ones") {
  review_store s(300, 60);
  const auto summary = s.fit();
  REQUIRE(summary.used);
  CHECK(summary.labelled == 300);
  CHECK(summary.learnt == 300);
  CHECK(summary.positives == 200);
  CHECK(summary.unlabelled == 60);
  CHECK(summary.labels == std::vector<std::pair<std::string, uint64_t>>{{"ratings", 300}});
  CHECK(summary.sources == std::vector<std::pair<std::string, uint64_t>>{{"shop", 300}});
  CHECK(summary.model_auc > 0.95);
  CHECK(summary.lexicon_auc == 0.5); // no lexicon scores in this store
  CHECK(summary.blend_auc > summary.lexicon_auc);
  for (int id = 301; id <= 360; ++id) {
    const bool happy = (id - 1) % 3 != 0;
    INFO("response " << id);
    CHECK((s.model_probability(id) > 0.5) == happy);
  }
  CHECK(std::isnan(s.model_probability(1))); // a rated text keeps its rating

  // The same store gives the same scores, and estimates take them for the texts.
  const double before = s.model_probability(301);
  derive_estimates(*s.db);
  CHECK(s.model_probability(301) == before);
  metric_cursor basis(*s.db, core_analyzer_id, "buy_again_basis", true);
  const page_score *b = basis.at(301);
  REQUIRE(b);
  CHECK(b->label == "text");
  CHECK(b->evidence.find("learnt from 300 labelled texts of this store") != std::string::npos);
  auto kept = stored_text_model_summary(*s.db);
  REQUIRE(kept);
  CHECK(kept->used);
  CHECK(kept->blend_auc == doctest::Approx(summary.blend_auc));
}

TEST_CASE("text model: learnt on a second connection beside the estimates' writes, or on theirs") {
  // In WAL mode the model learns on a reader while the estimates' transaction writes; with a
  // rollback journal, which would lock that reader out, on the transaction's own connection.
  review_store s(300, 60);
  REQUIRE(s.db->reads_beside_writes());
  derive_estimates(*s.db);
  std::vector<double> beside;
  for (int id = 301; id <= 360; ++id)
    beside.push_back(s.model_probability(id));
  CHECK(beside.front() > 0); // scored

  s.db->exec("PRAGMA journal_mode = DELETE");
  REQUIRE_FALSE(s.db->reads_beside_writes());
  derive_estimates(*s.db);
  for (int id = 301; id <= 360; ++id)
    CHECK(s.model_probability(id) == beside[static_cast<size_t>(id - 301)]);
}

TEST_CASE("text model: the same responses give the same model whichever order they arrived in") {
  // More than max_model_texts labelled: the sample is chosen too, by key hash, not id.
  review_store in_order(int(max_model_texts) + 2000, 50),
      reversed(int(max_model_texts) + 2000, 50, true);
  const auto a = in_order.fit(), b = reversed.fit();
  REQUIRE(a.used);
  CHECK(a.learnt == b.learnt);
  CHECK(a.positives == b.positives);
  CHECK(a.model_auc == b.model_auc);
  CHECK(a.blend_auc == b.blend_auc);
  CHECK(a.intercept == b.intercept);
  for (int key = int(max_model_texts) + 2001; key <= int(max_model_texts) + 2050; ++key)
    CHECK(in_order.model_probability_of_key(key) == reversed.model_probability_of_key(key));
}

TEST_CASE("text model: the sample is the first labelled texts by key hash, then id") {
  // 45,000 labelled texts (more than 20,000 in each half of the ids, which are walked apart),
  // three to a key hash, all unhappy after the first 20,000 by hash: the 20,000 learnt from end
  // within a hash. Which texts were chosen shows in how many of them are happy.
  const int rated = 45000, unrated = 50, n = rated + unrated, unhappy_from = 20000;
  for (const bool reversed : {false, true}) {
    INFO("arrived reversed: " << reversed);
    review_store s(rated, unrated, reversed, false, 3, unhappy_from);
    const auto summary = s.fit();
    std::vector<std::tuple<int, int, bool>> labelled; // key hash, id, happy
    for (int i = 0; i < rated; ++i)
      labelled.emplace_back(i / 3 + 1, reversed ? n - i : i + 1, i % 3 != 0 && i < unhappy_from);
    std::sort(labelled.begin(), labelled.end());
    uint64_t happy = 0;
    for (size_t i = 0; i < max_model_texts; ++i)
      happy += std::get<2>(labelled[i]);
    CHECK(summary.labelled == uint64_t(rated));
    CHECK(summary.learnt == max_model_texts);
    CHECK(summary.positives == happy);
  }
}

TEST_CASE("text model: not used when it reads no better than chance") {
  review_store s(400, 40, false, true);
  const auto summary = s.fit();
  INFO(summary.reason);
  CHECK_FALSE(summary.used);
  CHECK(summary.reason.find("no better than by chance") != std::string::npos);
  CHECK(std::isnan(s.model_probability(401)));
}

TEST_CASE("text model: not used below 200 labelled texts, nor with nothing to read") {
  review_store few(150, 40);
  const auto summary = few.fit();
  CHECK_FALSE(summary.used);
  CHECK(summary.reason == "150 texts have a verdict to learn from; 200 are needed");
  CHECK(std::isnan(few.model_probability(151)));

  review_store all_rated(250, 0);
  CHECK(all_rated.fit().reason ==
        "every text has an answer, a recommendation, a rating or an NPS class");

  // The report says which reading the texts got.
  report_data data;
  data.headline.estimate_bases = {{"text", 40}};
  data.text_model = summary;
  CHECK(text_reading_note(data) == "Texts are read by the lexicon alone: 150 texts have a "
                                   "verdict to learn from; 200 are needed.");
  data.headline.estimate_bases = {{"rating", 40}};
  CHECK(text_reading_note(data).empty());
}
