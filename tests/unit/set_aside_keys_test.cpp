// An import's keys wait in import_keys, one part per commit, until the run ends
// (store/set_aside_keys.hpp): found meanwhile, kept from analysis, merged at the end or by the
// next open when the run could not.
#include "store/analyzer_state.hpp"
#include "store/response_key.hpp"
#include "store/response_writer.hpp"
#include "store/set_aside_keys.hpp"
#include "store/store.hpp"

#include "temp_store.hpp"

#include <doctest/doctest.h>

#include <initializer_list>

using namespace rebuy::core;
using namespace rebuy::test;

namespace {

staged_response response(const std::string &key, const std::string &hash) {
  staged_response r;
  r.key = key;
  r.key_hash = response_key_hash("s", r.key);
  r.content_hash = hash;
  r.attributes = "{}";
  return r;
}

// Writes and commits one batch of (key, content hash).
row_counts commit(response_writer &writer,
                  std::initializer_list<std::pair<const char *, const char *>> rows) {
  staged_batch batch;
  for (const auto &[key, hash] : rows)
    batch.add() = response(key, hash);
  row_counts counts;
  writer.write(batch);
  writer.commit(counts);
  return counts;
}

int64_t begin(sql::connection &db) {
  static std::vector<run_lease> alive; // the runs stay 'running' for the whole test program
  return begin_run(db, sample_run(), alive.emplace_back());
}

// Every stored response has exactly its key in response_keys, and nothing waits.
void check_keys_complete(sql::connection &db) {
  const int64_t responses = count(db, "SELECT count(*) FROM responses");
  CHECK(count(db, "SELECT count(*) FROM response_keys") == responses);
  CHECK(count(db, "SELECT count(*) FROM response_keys k JOIN responses r ON r.id = k.id AND "
                  "r.key_hash = k.key_hash") == responses);
  CHECK(count(db, "SELECT count(*) FROM import_keys") == 0);
  CHECK(count(db, "SELECT count(*) FROM import_key_parts") == 0);
}

} // namespace

TEST_CASE("set-aside keys: each commit's keys wait in a part of their own, and join "
          "response_keys when the run ends") {
  temp_db t;
  auto db = open_store(t.path);
  const int64_t run = begin(*db);
  response_writer writer(*db, run, "s", /*keys_at_end=*/true);
  commit(writer, {{"a", "h1"}, {"b", "h2"}});
  commit(writer, {{"c", "h3"}, {"d", "h4"}, {"e", "h5"}});
  CHECK(count(*db, "SELECT count(*) FROM response_keys") == 0);
  CHECK(count(*db, "SELECT count(*) FROM import_keys") == 5);
  CHECK(text_of(*db, "SELECT group_concat(part, ',') FROM (SELECT part FROM import_key_parts "
                     "ORDER BY part)") == "1,3");
  // Analysis finds responses by their keys: it stops below the first that waits.
  CHECK(analysis_bound(*db) == 0);

  writer.finish();
  check_keys_complete(*db);
  CHECK(analysis_bound(*db) == 5);
}

TEST_CASE("set-aside keys: a key repeated in a later commit finds its row in an earlier part, "
          "and an edited row takes its waiting key along") {
  temp_db t;
  auto db = open_store(t.path);
  const int64_t run = begin(*db);
  response_writer writer(*db, run, "s", /*keys_at_end=*/true);
  CHECK(commit(writer, {{"a", "h1"}, {"b", "h2"}}).added == 2);
  const auto again = commit(writer, {{"a", "h1"}, {"b", "edited"}});
  CHECK(again.unchanged == 1);
  CHECK(again.updated == 1);
  CHECK(again.added == 0);
  CHECK(count(*db, "SELECT count(*) FROM responses") == 2);
  // The old "b" (id 2) went, with its key in the first part; the new one (id 3) waits in its own.
  CHECK(count(*db, "SELECT count(*) FROM import_keys WHERE id = 2") == 0);
  CHECK(count(*db, "SELECT count(*) FROM import_keys WHERE id = 3 AND part = 3") == 1);
  CHECK(commit(writer, {{"b", "edited"}}).unchanged == 1);

  writer.finish();
  check_keys_complete(*db);
  CHECK(text_of(*db, "SELECT group_concat(key, ',') FROM (SELECT key FROM responses ORDER BY "
                     "id)") == "a,b");
}

TEST_CASE("set-aside keys: two imports at once find each other's waiting rows, and each merges "
          "only its own") {
  temp_db t;
  auto first_db = open_store(t.path);
  auto second_db = open_store(t.path);
  response_writer first(*first_db, begin(*first_db), "s", /*keys_at_end=*/true);
  commit(first, {{"a", "h1"}, {"b", "h2"}});
  response_writer second(*second_db, begin(*second_db), "s", /*keys_at_end=*/true);
  const auto counts = commit(second, {{"a", "h1"}, {"c", "h3"}});
  CHECK(counts.unchanged == 1); // "a", from the first import's part
  CHECK(counts.added == 1);

  second.finish(); // the first import's part stays where it is
  CHECK(count(*second_db, "SELECT count(*) FROM response_keys") == 1);
  CHECK(count(*second_db, "SELECT count(*) FROM import_keys") == 2);
  CHECK(analysis_bound(*second_db) == 0);
  first.finish();
  check_keys_complete(*first_db);
}

TEST_CASE("set-aside keys: the keys of a killed import join response_keys on the next open") {
  temp_db t;
  open_store(t.path);
  in_killed_child([&] { // killed before finish()
    auto db = open_store(t.path);
    run_lease lease;
    const int64_t run = begin_run(*db, sample_run(), lease);
    response_writer writer(*db, run, "s", /*keys_at_end=*/true);
    commit(writer, {{"a", "h1"}, {"b", "h2"}});
    commit(writer, {{"c", "h3"}});
  });

  auto db = open_store(t.path);
  CHECK(text_of(*db, "SELECT status FROM import_runs WHERE id = 1") == "interrupted");
  check_keys_complete(*db);
  CHECK(count(*db, "SELECT count(*) FROM responses") == 3);
  CHECK(analysis_bound(*db) == 3);
}

TEST_CASE("set-aside keys: without keys_at_end, each commit adds its keys to response_keys") {
  temp_db t;
  auto db = open_store(t.path);
  response_writer writer(*db, begin(*db), "s");
  commit(writer, {{"a", "h1"}});
  check_keys_complete(*db);
  CHECK(commit(writer, {{"a", "h1"}}).unchanged == 1);
}
