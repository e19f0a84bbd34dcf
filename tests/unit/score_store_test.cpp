// Scores as the store keeps them: pages that read back exactly, never overlap,
// and lose the scores of deleted responses.
#include "store/score_store.hpp"
#include "store/store.hpp"

#include "temp_store.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace rebuy::core;
using namespace rebuy::test;

namespace {

struct read_score {
  int64_t id;
  double value;
  std::string label, evidence;
};

std::vector<read_score> read_all(sql::connection &db, std::string_view metric) {
  std::vector<read_score> out;
  metric_reader scores(db, "a", metric, true);
  while (const page_score *s = scores.next())
    out.push_back({s->response_id, s->value, std::string(s->label), std::string(s->evidence)});
  return out;
}

std::vector<int64_t> ids_of(const std::vector<read_score> &scores) {
  std::vector<int64_t> ids;
  for (const auto &s : scores)
    ids.push_back(s.id);
  return ids;
}

} // namespace

TEST_CASE("score page: every value, label and evidence reads back exactly") {
  const double values[] = {
      NAN,  0,    -0.0, 1,     -64,  63,   64,     -65,
      0.25, 0.27, 0.8f, 1e300, -0.1, 1e-9, 4096.5, std::numeric_limits<double>::denorm_min()};
  std::vector<std::string> texts;
  for (size_t i = 0; i < std::size(values); ++i)
    texts.push_back(i % 3 ? "repeated label" : "label " + std::to_string(i));
  std::vector<page_score> page;
  for (size_t i = 0; i < std::size(values); ++i)
    page.push_back({static_cast<int64_t>(10 + 7 * i), values[i],
                    i % 4 ? std::string_view(texts[i]) : std::string_view(),
                    i % 2 ? std::string_view("same evidence") : std::string_view(texts[i])});
  auto encoded = encode_score_page(page);
  CHECK(encoded.labelled);
  decoded_page decoded;
  decoded.decode(encoded.data, encoded.evidence, true);
  REQUIRE(decoded.scores().size() == page.size());
  for (size_t i = 0; i < page.size(); ++i) {
    const auto &s = decoded.scores()[i];
    CHECK(s.response_id == page[i].response_id);
    if (std::isnan(page[i].value))
      CHECK(std::isnan(s.value));
    else {
      CHECK(s.value == page[i].value);
      CHECK(std::signbit(s.value) == std::signbit(page[i].value));
    }
    CHECK(s.label == page[i].label);
    CHECK(s.evidence == page[i].evidence);
  }
  // Without evidence, the second blob is not even looked at.
  decoded.decode(encoded.data, "not a page", false);
  CHECK(decoded.scores().back().evidence.empty());
  CHECK(decoded.scores().back().label == page.back().label);
}

TEST_CASE("score page: a damaged page is refused, not misread") {
  std::vector<page_score> page = {{1, 0.5, "x", "why"}, {2, 1, "y", "because"}};
  auto encoded = encode_score_page(page);
  decoded_page decoded;
  CHECK_THROWS(decoded.decode(encoded.data.substr(0, encoded.data.size() - 3), {}, false));
  std::string flipped = encoded.data;
  flipped[flipped.size() / 2] ^= 0x55;
  CHECK_THROWS(decoded.decode(flipped, {}, false));
  CHECK_THROWS(decoded.decode("", {}, false));
}

TEST_CASE("score store: writing responses again replaces their scores, pages never overlap") {
  temp_db t;
  auto db = open_store(t.path);
  score_store store(*db);
  const int64_t metric = store.metric_id("a", "m");
  CHECK(store.metric_id("a", "m") == metric);
  auto score = [](int64_t id, double value, const char *label) {
    return page_score{id, value, label, {}};
  };
  std::vector<page_score> first = {score(1, 1, "old"), score(3, 3, "old"), score(5, 5, "old"),
                                   score(9, 9, "old")};
  std::vector<page_score> second = {score(4, 40, "new"), score(5, 50, "new"), score(6, 60, "new")};
  store.write(metric, first);
  store.write(metric, second);
  auto scores = read_all(*db, "m");
  CHECK(ids_of(scores) == std::vector<int64_t>{1, 3, 4, 5, 6, 9});
  CHECK(scores[3].value == 50);
  CHECK(scores[3].label == "new");
  CHECK(scores[1].label == "old");
  CHECK(count(*db, "SELECT count(*) FROM score_pages a JOIN score_pages b ON a.metric_id = "
                   "b.metric_id AND a.id < b.id AND a.first_id <= b.last_id AND "
                   "b.first_id <= a.last_id") == 0);
  auto metrics = stored_metrics(*db);
  REQUIRE(metrics.size() == 1);
  CHECK(count(*db, "SELECT sum(scores) FROM score_pages") == 6);
  CHECK(metrics[0].labelled);
}

TEST_CASE("score store: the scores of deleted responses go at the purge, empty pages with them") {
  temp_db t;
  auto db = open_store(t.path);
  score_store store(*db);
  const int64_t m = store.metric_id("a", "m"), n = store.metric_id("a", "n");
  std::vector<page_score> scores;
  for (int64_t id = 1; id <= 10; ++id)
    scores.push_back({id, static_cast<double>(id), {}, {}});
  store.write(m, scores);
  store.write(n, std::span(scores).subspan(0, 2));
  db->exec("INSERT INTO dropped_responses VALUES (1), (2), (7), (11)");
  store.purge_dropped();
  CHECK(ids_of(read_all(*db, "m")) == std::vector<int64_t>{3, 4, 5, 6, 8, 9, 10});
  CHECK(read_all(*db, "n").empty());
  CHECK(count(*db, "SELECT count(*) FROM score_pages WHERE metric_id = " + std::to_string(n)) == 0);
  CHECK(count(*db, "SELECT count(*) FROM dropped_responses") == 0);
  CHECK(stored_metrics(*db).size() == 1);
  // Forgetting an analyzer takes all its metrics.
  store.forget("a");
  CHECK(stored_metrics(*db).empty());
}

TEST_CASE("score store: a metric appender writes full pages in response order") {
  temp_db t;
  auto db = open_store(t.path);
  score_store store(*db);
  metric_appender pages(store, store.metric_id("a", "m"));
  const int64_t total = static_cast<int64_t>(scores_per_page) + 10;
  for (int64_t id = total; id >= 1; --id) // backwards: batches finish out of order
    pages.add(id, 0.5, {}, "evidence " + std::to_string(id % 3));
  pages.finish();
  CHECK(pages.count() == static_cast<uint64_t>(total));
  auto scores = read_all(*db, "m");
  REQUIRE(scores.size() == static_cast<size_t>(total));
  CHECK(std::is_sorted(scores.begin(), scores.end(),
                       [](const auto &a, const auto &b) { return a.id < b.id; }));
  CHECK(scores.front().evidence == "evidence 1");
  CHECK(count(*db, "SELECT count(*) FROM score_pages") == 2);
}

TEST_CASE("score store: a reader from a response on starts at the page that holds it") {
  temp_db t;
  auto db = open_store(t.path);
  score_store store(*db);
  metric_appender pages(store, store.metric_id("a", "m"));
  const auto per_page = static_cast<int64_t>(scores_per_page);
  // Odd ids, a page and a half: the first page holds 1 to 2 * per_page - 1.
  for (int64_t id = 1; id <= 3 * per_page; id += 2)
    pages.add(id, static_cast<double>(id), {}, {});
  pages.finish();
  // From an id the second page holds: that page's first score, not the first page's.
  metric_reader second(*db, "a", "m", false, per_page * 2 + 3);
  const page_score *first = second.next();
  REQUIRE(first);
  CHECK(first->response_id == 2 * per_page + 1);
  // A cursor from an even id the scores skip finds its neighbours and not it.
  metric_cursor cursor(*db, "a", "m", false, per_page * 2 + 4);
  CHECK(cursor.at(per_page * 2 + 4) == nullptr);
  REQUIRE(cursor.at(per_page * 2 + 5));
  CHECK(cursor.at(per_page * 2 + 5)->value == per_page * 2 + 5);
  // Past the last page: nothing.
  CHECK(metric_reader(*db, "a", "m", false, 3 * per_page).next() == nullptr);
}
