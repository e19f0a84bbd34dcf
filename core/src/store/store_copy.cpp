#include "store/store_copy.hpp"

#include "store/postgres.hpp"
#include "util/errors.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace rebuy::core {
namespace {

// The tables both databases have, parents before the tables that refer to
// them, and their columns (the same names on both).
struct table {
  const char *name;
  const char *columns;
  bool has_id; // an id column whose next value the copy carries on
};
const table tables[] = {
    {"import_runs",
     "id, file, file_size, sha256, encoding, importer, importer_version, source, started_at, "
     "finished_at, status, rows_in, rows_new, rows_updated, rows_unchanged, rows_rejected, "
     "rows_skipped, values_rejected, invalid_bytes, mapping, message, rows_merged",
     true},
    {"responses",
     "id, source, key, key_hash, external_id, content_hash, kind, run_id, line, customer, "
     "submitted_at, submitted_raw, nps, buy_again, rating, rating_max, recommend, csat, ces, "
     "ces_version, title, text, product, segment, journey_stage, order_id, order_value, "
     "order_count, country, language, channel, attributes",
     true},
    {"rejects", "id, run_id, line, kind, reason, raw", true},
    {"orders",
     "id, source, order_id, customer, ordered_at, ordered_raw, amount, content_hash, run_id, line, "
     "attributes",
     true},
    {"analyzer_state", "analyzer, analyzer_version, analyzed_through", false},
    {"settings", "name, value", false},
    {"score_metrics", "id, analyzer, metric", true},
    {"score_pages", "id, metric_id, first_id, last_id, scores, labelled, data, evidence", true},
    {"dropped_responses", "id", false},
};

size_t column_count(const char *columns) {
  return 1 + static_cast<size_t>(std::count(columns, columns + std::strlen(columns), ','));
}

bool is_empty(sql::connection &db) {
  auto s = db.prepare("SELECT (SELECT count(*) FROM import_runs) + (SELECT count(*) FROM "
                      "responses) + (SELECT count(*) FROM score_metrics) + (SELECT count(*) "
                      "FROM orders)");
  s.step();
  return s.column_int(0) == 0;
}

// The next id the table would give: SQLite's AUTOINCREMENT counter, or the
// PostgreSQL sequence's, which may be past the highest id kept.
int64_t last_id(sql::connection &db, const char *name) {
  if (db.dialect() == sql::dialect::postgres) {
    auto s = db.prepare(fmt::format("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM "
                                    "{}_id_seq",
                                    name));
    return s.step() ? s.column_int(0) : 0;
  }
  auto s = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = ?1");
  s.bind(1, std::string_view(name));
  int64_t seq = s.step() ? s.column_int(0) : 0;
  s.reset();
  auto highest = db.prepare(fmt::format("SELECT coalesce(max(id), 0) FROM {}", name));
  highest.step();
  return std::max(seq, highest.column_int(0));
}

void carry_last_id(sql::connection &to, const char *name, int64_t id) {
  if (to.dialect() == sql::dialect::postgres) {
    if (id == 0) return;
    auto s = to.prepare(
        fmt::format("SELECT setval(pg_get_serial_sequence('{}', 'id'), CAST(?1 AS BIGINT))", name));
    s.bind(1, id).run();
    return;
  }
  // Only AUTOINCREMENT tables (responses) have a row in sqlite_sequence.
  auto s = to.prepare("UPDATE sqlite_sequence SET seq = ?2 WHERE name = ?1 AND seq < ?2");
  s.bind(1, std::string_view(name)).bind(2, id).run();
}

// Into PostgreSQL: COPY, in its text format.
uint64_t copy_rows_to_server(sql::statement &rows, sql::pg_connection &to, const table &t) {
  const int columns = static_cast<int>(column_count(t.columns));
  sql::copy_in out(to, fmt::format("COPY {} ({}) FROM STDIN", t.name, t.columns));
  std::string &data = out.row();
  uint64_t count = 0;
  while (rows.step()) {
    for (int c = 0; c < columns; ++c) {
      if (c) data += '\t';
      switch (rows.column_type(c)) {
      case SQLITE_NULL:
        data += "\\N";
        break;
      case SQLITE_INTEGER:
        data += std::to_string(rows.column_int(c));
        break;
      case SQLITE_FLOAT:
        data += fmt::format("{}", rows.column_double(c));
        break;
      case SQLITE_BLOB:
        data += "\\\\x"; // bytea's hex form, its backslash escaped for COPY
        for (unsigned char b : rows.column_blob(c))
          data += fmt::format("{:02x}", b);
        break;
      default:
        sql::append_copy_text(data, rows.column_text(c));
      }
    }
    out.end_row();
    ++count;
  }
  out.finish();
  return count;
}

// Into SQLite: a prepared INSERT, row by row, in the one transaction.
uint64_t insert_rows(sql::statement &rows, sql::connection &to, const table &t) {
  const int columns = static_cast<int>(column_count(t.columns));
  std::string values;
  for (int c = 1; c <= columns; ++c)
    values += fmt::format("{}?{}", c > 1 ? ", " : "", c);
  auto insert =
      to.prepare(fmt::format("INSERT INTO {} ({}) VALUES ({})", t.name, t.columns, values));
  uint64_t count = 0;
  std::vector<std::string> texts(static_cast<size_t>(columns)); // bound without copying
  while (rows.step()) {
    for (int c = 0; c < columns; ++c) {
      const int at = c + 1;
      switch (rows.column_type(c)) {
      case SQLITE_NULL:
        insert.bind_null(at);
        break;
      case SQLITE_INTEGER:
        insert.bind(at, rows.column_int(c));
        break;
      case SQLITE_FLOAT:
        insert.bind(at, rows.column_double(c));
        break;
      case SQLITE_BLOB:
        texts[c] = rows.column_blob(c);
        insert.bind_blob(at, texts[c]);
        break;
      default:
        texts[c] = rows.column_text(c);
        insert.bind(at, std::string_view(texts[c]));
      }
    }
    insert.run();
    ++count;
  }
  return count;
}

} // namespace

void copy_store(sql::connection &from, sql::connection &to,
                const std::function<void(const copied_table &)> &done) {
  if (!is_empty(to))
    throw input_error(fmt::format("{}: the store to copy into must be new (it holds runs, "
                                  "responses, orders or scores already)",
                                  to.name()));
  sql::transaction tx(to);
  auto *server = dynamic_cast<sql::pg_connection *>(&to);
  for (const auto &t : tables) {
    // A new store may hold settings already; the copy's replace them.
    if (!t.has_id) to.exec(fmt::format("DELETE FROM {}", t.name).c_str());
    auto rows = from.prepare(
        fmt::format("SELECT {} FROM {} ORDER BY {}", t.columns, t.name, t.has_id ? "id" : "1"));
    copied_table copied{t.name};
    copied.rows = server ? copy_rows_to_server(rows, *server, t) : insert_rows(rows, to, t);
    if (t.has_id) carry_last_id(to, t.name, last_id(from, t.name));
    if (done) done(copied);
  }
  // SQLite finds a response by its key through a table of its own.
  if (!server)
    to.exec("DELETE FROM response_keys; INSERT INTO response_keys SELECT key_hash, id FROM "
            "responses ORDER BY key_hash, id");
  tx.commit();
}

} // namespace rebuy::core
