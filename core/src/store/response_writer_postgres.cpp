// The response writer's PostgreSQL half: new responses go in with COPY, and a
// post-purchase merge is worked out here rather than with SQLite's JSON functions.
#include "store/analyzer_state.hpp"
#include "store/postgres.hpp"
#include "store/response_writer.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <spdlog/spdlog.h>

namespace rebuy::core {
namespace {

// A staged value in COPY's text format.
class copy_cell final : public staged_value_sink {
public:
  explicit copy_cell(std::string &row) : row_(row) {}
  void text(std::string_view v) override { sql::append_copy_text(row_, v); }
  void integer(int64_t v) override { row_ += std::to_string(v); }
  void real(double v) override { row_ += fmt::format("{}", v); }
  void null() override { row_ += "\\N"; }

private:
  std::string &row_;
};

// The stored response's columns a post-purchase row may fill, and whether the row has each.
struct merge_column {
  const char *name;
  const char *type = "TEXT";
  bool (*given)(const staged_response &);
  void (*bind)(sql::statement &, int, const staged_response &);
};

template <rebuy_role role> constexpr merge_column role_merge(const char *name) {
  return {
      name, "TEXT", [](const staged_response &r) { return !r.roles[role].empty(); },
      [](sql::statement &s, int i, const staged_response &r) { s.bind_or_null(i, r.roles[role]); }};
}

template <auto member> constexpr merge_column member_merge(const char *name, const char *type) {
  return {name, type, [](const staged_response &r) { return (r.*member).has_value(); },
          [](sql::statement &s, int i, const staged_response &r) { s.bind(i, r.*member); }};
}

// In SQLite's order (response_writer.cpp's merge_columns).
const merge_column merge_columns[] = {
    role_merge<REBUY_ROLE_CUSTOMER>("customer"),
    {"submitted_at", "TEXT", [](const staged_response &r) { return !r.submitted_at.empty(); },
     [](sql::statement &s, int i, const staged_response &r) { s.bind_or_null(i, r.submitted_at); }},
    role_merge<REBUY_ROLE_SUBMITTED_AT>("submitted_raw"),
    member_merge<&staged_response::nps>("nps", "INTEGER"),
    role_merge<REBUY_ROLE_BUY_AGAIN>("buy_again"),
    member_merge<&staged_response::rating>("rating", "DOUBLE PRECISION"),
    member_merge<&staged_response::rating_max>("rating_max", "DOUBLE PRECISION"),
    role_merge<REBUY_ROLE_RECOMMEND>("recommend"),
    role_merge<REBUY_ROLE_CSAT>("csat"),
    role_merge<REBUY_ROLE_CES>("ces"),
    role_merge<REBUY_ROLE_CES_VERSION>("ces_version"),
    role_merge<REBUY_ROLE_TITLE>("title"),
    role_merge<REBUY_ROLE_TEXT>("text"),
    role_merge<REBUY_ROLE_PRODUCT>("product"),
    role_merge<REBUY_ROLE_SEGMENT>("segment"),
    role_merge<REBUY_ROLE_JOURNEY_STAGE>("journey_stage"),
    role_merge<REBUY_ROLE_ORDER_ID>("order_id"),
    member_merge<&staged_response::order_value>("order_value", "DOUBLE PRECISION"),
    member_merge<&staged_response::order_count>("order_count", "BIGINT"),
    role_merge<REBUY_ROLE_COUNTRY>("country"),
    role_merge<REBUY_ROLE_LANGUAGE>("language"),
    role_merge<REBUY_ROLE_CHANNEL>("channel"),
};
constexpr int merge_column_count = static_cast<int>(std::size(merge_columns));

// SQLite's json_patch(given, stored): the stored values win, in the given
// object's order, then the stored keys it lacks in theirs; false when the
// given object adds no key.
bool patch_attributes(std::string_view given, std::string_view stored, std::string &out) {
  rapidjson::Document merged, kept;
  merged.Parse(given.data(), given.size());
  kept.Parse(stored.data(), stored.size());
  if (!merged.IsObject()) merged.SetObject();
  if (!kept.IsObject()) kept.SetObject();
  bool adds = false;
  for (const auto &m : merged.GetObject())
    adds = adds || !kept.HasMember(m.name);
  for (auto &m : kept.GetObject()) {
    auto at = merged.FindMember(m.name);
    if (at != merged.MemberEnd())
      at->value.CopyFrom(m.value, merged.GetAllocator());
    else
      merged.AddMember(rapidjson::Value(m.name, merged.GetAllocator()),
                       rapidjson::Value(m.value, merged.GetAllocator()), merged.GetAllocator());
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  merged.Accept(writer);
  out.assign(buffer.GetString(), buffer.GetSize());
  return adds;
}

} // namespace

namespace {

// Sends rows with `copy` (a COPY ... FROM STDIN), each one's staged columns
// after what `lead` appends for it.
template <class Lead>
void send_rows(sql::pg_connection &pg, const std::string &copy,
               const std::vector<const staged_response *> &rows, Lead lead) {
  sql::copy_in out(pg, copy);
  copy_cell cell(out.row());
  for (size_t i = 0; i < rows.size(); ++i) {
    lead(out.row(), i);
    for (int c = 0; c < staged_rows::column_count(); ++c) {
      out.row() += '\t';
      staged_rows::write(*rows[i], c, cell);
    }
    out.end_row();
  }
  out.finish();
}

} // namespace

void response_writer::copy_unwritten() {
  auto &pg = sql::postgres_of(db_);
  const auto &rows = unwritten_.rows;
  // Ids in the file's order, as SQLite gives them, taken from the sequence first
  // so that the rows can go straight into the table.
  std::vector<int64_t> ids;
  ids.reserve(rows.size());
  {
    auto next = db_.prepare("SELECT nextval(pg_get_serial_sequence('responses', 'id')) FROM "
                            "generate_series(1, CAST(?1 AS BIGINT))");
    next.bind(1, static_cast<int64_t>(rows.size()));
    while (next.step())
      ids.push_back(next.column_int(0));
  }
  std::string source;
  sql::append_copy_text(source, source_);
  const std::string run = std::to_string(run_id_);
  db_.exec("SAVEPOINT rebuy_copy");
  try {
    send_rows(pg, "COPY responses (id, source, run_id, " + staged_rows::columns() + ") FROM STDIN",
              rows, [&](std::string &data, size_t i) {
                data += std::to_string(ids[i]);
                data += '\t';
                data += source;
                data += '\t';
                data += run;
              });
    db_.exec("RELEASE SAVEPOINT rebuy_copy");
    unwritten_.rows.clear();
    return;
  } catch (const sql::error &e) {
    // Another import stored one of these keys since they were looked up.
    if (e.code() != SQLITE_CONSTRAINT_UNIQUE) throw;
    spdlog::debug("{}: another import stored some of these {} keys meanwhile", db_.name(),
                  rows.size());
    db_.exec("ROLLBACK TO SAVEPOINT rebuy_copy");
  }
  // One by one, each under a savepoint: a key taken meanwhile is settled apart.
  // (No INSERT … ON CONFLICT: a store whose responses are partitioned over
  // servers has no unique index on the coordinator to name.)
  std::vector<const staged_response *> conflicts;
  for (const auto *r : rows) {
    db_.exec("SAVEPOINT rebuy_row");
    try {
      bind_response(*insert_one_, *r);
      insert_one_->run();
      db_.exec("RELEASE SAVEPOINT rebuy_row");
    } catch (const sql::error &e) {
      if (e.code() != SQLITE_CONSTRAINT_UNIQUE) throw;
      insert_one_->reset();
      db_.exec("ROLLBACK TO SAVEPOINT rebuy_row");
      conflicts.push_back(r);
    }
  }
  unwritten_.rows.clear();
  if (!conflicts.empty()) settle_conflicts(std::move(conflicts));
}

void response_writer::settle_conflicts(std::vector<const staged_response *> conflicts) {
  // Each was counted as new: the other import's row is the same (unchanged), or
  // another version, which this one replaces (updated) as a later import would.
  for (const auto *r : conflicts) {
    const auto [id, same] = find_stored(*r);
    const bool exists = id != 0;
    --pending_.added;
    if (same) {
      ++pending_.unchanged;
      continue;
    }
    if (exists) {
      remove_.bind(1, id).run();
      ++pending_.updated;
    } else {
      ++pending_.added; // deleted again meanwhile: new after all
    }
    unwritten_.rows.push_back(r);
  }
  if (!unwritten_.rows.empty()) copy_unwritten();
}

void response_writer::hold_new_ids() {
  db_.prepare(fmt::format("SELECT pg_advisory_xact_lock_shared({})", new_ids_lock)).run();
}

void response_writer::write_retrying(const staged_batch &batch) {
  for (int attempt = 1;; ++attempt) {
    const row_counts counts = pending_;
    const auto skips = pending_skips_;
    db_.exec("SAVEPOINT rebuy_batch");
    try {
      write_batch(batch);
      db_.exec("RELEASE SAVEPOINT rebuy_batch");
      return;
    } catch (const sql::error &e) {
      // Two imports that write the same keys in other orders can each wait for
      // the other: the server breaks the deadlock by failing one statement.
      if ((e.code() & 0xff) != SQLITE_BUSY || attempt == 5) throw;
      spdlog::debug("batch written again ({}): {}", attempt, e.what());
      db_.exec("ROLLBACK TO SAVEPOINT rebuy_batch");
      pending_ = counts;
      pending_skips_ = skips;
      unwritten_.rows.clear();
    }
  }
}

bool response_writer::merge_on_server(const staged_response &r, int64_t stored_id) {
  std::string names;
  for (const auto &c : merge_columns)
    names += fmt::format(", {}", c.name);
  auto stored = db_.prepare(fmt::format(
      "SELECT attributes, key_hash, key, external_id, kind, line{} FROM responses WHERE id = ?1",
      names));
  stored.bind(1, stored_id);
  if (!stored.step()) return false;
  constexpr int first_merged = 6;
  // Unchanged unless the row has a key or a value the stored response lacks.
  std::string attributes;
  bool adds = patch_attributes(r.attributes, stored.column_text(0), attributes);
  for (int c = 0; c < merge_column_count; ++c)
    adds = adds || (merge_columns[c].given(r) && stored.is_null(first_merged + c));
  if (!adds) {
    stored.reset();
    return false;
  }
  // What is stored stays; the row fills the rest. The stored response goes
  // first, since (source, key) is unique, so its values are copied out.
  std::string placeholders;
  for (int c = 0; c < merge_column_count; ++c)
    placeholders += fmt::format(", CAST(?{} AS {})", c + 10, merge_columns[c].type);
  auto insert = db_.prepare(fmt::format(
      "INSERT INTO responses (key_hash, source, key, external_id, content_hash, kind, run_id, "
      "line, attributes{}) VALUES (CAST(?1 AS BIGINT), CAST(?2 AS TEXT), CAST(?3 AS TEXT), "
      "CAST(?4 AS TEXT), CAST(?5 AS TEXT), CAST(?6 AS TEXT), CAST(?7 AS BIGINT), "
      "CAST(?8 AS BIGINT), CAST(?9 AS TEXT){})",
      names, placeholders));
  std::vector<std::string> kept(first_merged + merge_column_count);
  for (int c = 1; c < first_merged + merge_column_count; ++c)
    kept[c] = stored.column_text(c);
  auto keep_or_null = [&](int index, int column) {
    stored.is_null(column) ? insert.bind_null(index) : insert.bind(index, kept[column]);
  };
  insert.bind(1, kept[1]).bind(2, source_).bind(3, kept[2]);
  keep_or_null(4, 3);
  insert.bind(5, r.content_hash).bind(6, kept[4]).bind(7, run_id_);
  keep_or_null(8, 5);
  insert.bind(9, attributes);
  for (int c = 0; c < merge_column_count; ++c) {
    if (stored.is_null(first_merged + c))
      merge_columns[c].bind(insert, c + 10, r);
    else
      insert.bind(c + 10, kept[first_merged + c]);
  }
  stored.reset();
  remove_.bind(1, stored_id).run();
  insert.run();
  stored_[r.key] = {db_.last_insert_rowid(),
                    r.content_hash}; // the batch's next row of it merges here
  return true;
}

void response_writer::look_up_batch(const staged_batch &batch) {
  stored_.clear();
  // A text[] literal: {"key","key",...}, quotes and backslashes escaped.
  std::string keys = "{";
  size_t count = 0;
  for (const auto &r : batch.responses()) {
    if (r.kind == REBUY_RECORD_ORDER || (fresh_source_ && !r.maybe_seen)) continue;
    keys += count++ ? ",\"" : "\"";
    for (char c : r.key) {
      if (c == '"' || c == '\\') keys += '\\';
      keys += c;
    }
    keys += '"';
  }
  if (count == 0) return;
  keys += '}';
  auto s = db_.prepare("SELECT key, id, content_hash FROM responses WHERE source = ?1 AND "
                       "key = ANY(CAST(?2 AS TEXT[]))");
  s.bind(1, source_).bind(2, keys);
  while (s.step())
    stored_.emplace(s.column_text(0),
                    std::make_pair(s.column_int(1), std::string(s.column_text(2))));
}

} // namespace rebuy::core
