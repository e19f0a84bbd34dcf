// Orders go to their own table; post-purchase answers merge into one response per order.
#include "pipeline/response_keyer.hpp"
#include "store/response_writer.hpp"
#include "store/store.hpp"

#include "temp_store.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

using namespace rebuy::core;
using namespace rebuy::test;
namespace fs = std::filesystem;

namespace {

int64_t add_run(sql::connection &db) {
  import_run run;
  run.file = "f.csv";
  run.importer = "x";
  run.importer_version = "1";
  run.source = "s";
  run.started_at = "2026-01-01T00:00:00Z";
  static std::vector<run_lease> alive; // the runs stay 'running' for the whole test program
  return begin_run(db, run, alive.emplace_back());
}

staged_response answer(std::string order, std::string question, std::string value,
                       rebuy_role role = REBUY_ROLE_ATTRIBUTE) {
  staged_response r;
  r.kind = REBUY_RECORD_POST_PURCHASE;
  r.key = r.external_id = order;
  r.content_hash = order + question + value;
  r.roles[REBUY_ROLE_CUSTOMER] = "c-" + order;
  if (role == REBUY_ROLE_ATTRIBUTE) {
    r.attributes = "{\"" + question + "\":\"" + value + "\"}";
  } else {
    r.attributes = "{}";
    r.roles[static_cast<size_t>(role)] = value;
    if (role == REBUY_ROLE_NPS) r.nps = std::stoll(value);
  }
  return r;
}

row_counts write(sql::connection &db, int64_t run, const std::vector<staged_response> &rows) {
  response_writer writer(db, run, "s");
  response_keyer keyer("s");
  staged_batch batch;
  for (const auto &r : rows)
    batch.add() = r;
  keyer.key(batch.responses_from(0));
  writer.write(batch);
  row_counts counts;
  writer.commit(counts);
  return counts;
}

} // namespace

TEST_CASE("post-purchase: answers of one order become one response, and again adds nothing") {
  temp_db t;
  auto db = open_store(t.path);
  const std::vector<staged_response> rows = {
      answer("1001", "How did you hear about us?", "Instagram"),
      answer("1002", "How likely to recommend?", "9", REBUY_ROLE_NPS),
      answer("1001", "How likely to recommend?", "6", REBUY_ROLE_NPS),
      answer("1001", "Would you buy again?", "Definitely", REBUY_ROLE_BUY_AGAIN),
  };
  row_counts first = write(*db, add_run(*db), rows);
  CHECK(first.added == 2);
  CHECK(first.merged == 2);
  CHECK(first.rows_in() == 4);
  CHECK(count(*db, "SELECT count(*) FROM responses") == 2);
  CHECK(text_of(*db, "SELECT nps || ' ' || buy_again || ' ' || attributes FROM responses "
                     "WHERE key = '1001'") ==
        "6 Definitely {\"How did you hear about us?\":\"Instagram\"}");

  row_counts again = write(*db, add_run(*db), rows);
  CHECK(again.unchanged == 4);
  CHECK(again.merged == 0);
  CHECK(count(*db, "SELECT count(*) FROM responses") == 2);

  // Each row carries its own answer id and time: the stored ones stay, so a
  // re-import stays unchanged; a new question's answer still merges in.
  auto late = answer("1001", "How did you hear about us?", "TikTok");
  late.roles[REBUY_ROLE_SUBMITTED_AT] = "2025-03-03";
  late.attributes = R"({"How did you hear about us?":"TikTok","Gift?":"yes"})";
  row_counts edit = write(*db, add_run(*db), {late});
  CHECK(edit.merged == 1);
  CHECK(text_of(*db, "SELECT attributes FROM responses WHERE key = '1001'") ==
        R"({"How did you hear about us?":"Instagram","Gift?":"yes"})");
  CHECK(text_of(*db, "SELECT nps || ' ' || buy_again FROM responses WHERE key = '1001'") ==
        "6 Definitely");
}

TEST_CASE("orders: stored in their own table, keyed by order id, updated when edited") {
  temp_db t;
  auto db = open_store(t.path);
  auto order = [](std::string id, std::string amount, std::string hash) {
    staged_response r;
    r.kind = REBUY_RECORD_ORDER;
    r.key = id;
    r.content_hash = std::move(hash);
    r.roles[REBUY_ROLE_CUSTOMER] = "alice@example.com";
    r.roles[REBUY_ROLE_SUBMITTED_AT] = "05/06/2024";
    r.submitted_at = "2024-05-06T00:00:00Z";
    r.order_value = std::stod(amount);
    r.attributes = "{\"currency\":\"EUR\"}";
    return r;
  };
  row_counts first = write(*db, add_run(*db), {order("A1", "10.5", "h1"), order("A2", "20", "h2")});
  CHECK(first.added == 2);
  CHECK(count(*db, "SELECT count(*) FROM orders") == 2);
  CHECK(count(*db, "SELECT count(*) FROM responses") == 0); // orders are not feedback
  CHECK(text_of(*db, "SELECT customer || ' ' || ordered_at || ' ' || amount FROM orders WHERE "
                     "order_id = 'A1'") == "alice@example.com 2024-05-06T00:00:00Z 10.5");

  row_counts again = write(*db, add_run(*db), {order("A1", "10.5", "h1"), order("A2", "25", "h3")});
  CHECK(again.unchanged == 1);
  CHECK(again.updated == 1);
  CHECK(count(*db, "SELECT count(*) FROM orders") == 2);
  CHECK(text_of(*db, "SELECT amount FROM orders WHERE order_id = 'A2'") == "25.0");
}
