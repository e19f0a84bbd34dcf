#include "store/response_writer.hpp"

#include "store/set_aside_keys.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace rebuy::core {
namespace {

std::string bulk_insert_sql(uint64_t roles) {
  return fmt::format("INSERT INTO responses (source, run_id, {0}) SELECT ?2, ?3, {0} FROM "
                     "rebuy_staged_responses(?1)",
                     staged_rows::columns_for(roles));
}

// Registers the row feed a statement reads, then prepares the statement.
sql::statement prepare_fed(sql::connection &db, const char *feed, const char *columns,
                           const std::string &sql) {
  register_row_feed(db, feed, columns);
  return db.prepare(sql);
}

// Post-purchase answers come one row per (order, question): each row adds what
// the response stored under the order's key lacks. What is stored stays (the
// first answer to a question, the first row's time), so importing the same
// rows again changes nothing even though each row carries its own answer id.
// The statements take the insert's parameters (?1..?31) plus the stored row's id (?32).
constexpr const char *merge_columns[][2] = {
    {"customer", "?8"},       {"submitted_at", "?9"}, {"submitted_raw", "?10"},
    {"nps", "?11"},           {"buy_again", "?12"},   {"rating", "?13"},
    {"rating_max", "?14"},    {"recommend", "?15"},   {"csat", "?16"},
    {"ces", "?17"},           {"ces_version", "?18"}, {"title", "?19"},
    {"text", "?20"},          {"product", "?21"},     {"segment", "?22"},
    {"journey_stage", "?23"}, {"order_id", "?24"},    {"order_value", "?25"},
    {"order_count", "?26"},   {"country", "?27"},     {"language", "?28"},
    {"channel", "?29"}};

// 1 when the row adds nothing to the stored response (id ?32).
std::string merge_unchanged_sql() {
  std::string sql = "SELECT NOT EXISTS (SELECT 1 FROM json_each(?30) n WHERE n.key NOT IN "
                    "(SELECT o.key FROM json_each(r.attributes) o))";
  for (const auto &[column, param] : merge_columns)
    sql += fmt::format(" AND ({1} IS NULL OR r.{0} IS NOT NULL)", column, param);
  return sql + " FROM responses r WHERE r.id = ?32";
}

// Stores the merged response anew (a new id, so analysis sees it again).
std::string merge_insert_sql() {
  std::string columns, values;
  for (const auto &[column, param] : merge_columns) {
    columns += fmt::format(", {}", column);
    values += fmt::format(", coalesce({}, {})", column, param);
  }
  return fmt::format(
      "INSERT INTO responses (key_hash, source, key, external_id, content_hash, "
      "kind, run_id, line{}, attributes) SELECT key_hash, source, key, external_id, "
      "?4, kind, ?6, line{}, json_patch(?30, attributes) FROM responses WHERE id = ?32",
      columns, values);
}

constexpr const char *order_upsert_sql = R"sql(
INSERT INTO orders (source, order_id, customer, ordered_at, ordered_raw, amount, content_hash,
  run_id, line, attributes)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT (source, order_id) DO UPDATE SET customer = excluded.customer,
  ordered_at = excluded.ordered_at, ordered_raw = excluded.ordered_raw, amount = excluded.amount,
  content_hash = excluded.content_hash, run_id = excluded.run_id, line = excluded.line,
  attributes = excluded.attributes
)sql";

// "blank line: 1048576 rows, first at lines 3, 4, 5, …"; one row says its reason alone.
std::string counted_reason(const counted_skip &skips) {
  if (skips.count == 1) return skips.reason;
  std::string out = fmt::format("{}: {} rows, first at lines {}", skips.reason, skips.count,
                                skips.first_lines[0]);
  for (size_t i = 1; i < skips.count && i < counted_skip::lines_kept; ++i)
    out += fmt::format(", {}", skips.first_lines[i]);
  if (skips.count > counted_skip::lines_kept) out += ", …";
  return out;
}

// True when no earlier import run used this source: nothing of it is stored.
bool is_fresh(sql::connection &db, const std::string &source, int64_t run_id) {
  auto s = db.prepare("SELECT EXISTS (SELECT 1 FROM import_runs WHERE source = ?1 AND id <> ?2)");
  s.bind(1, source).bind(2, run_id);
  s.step();
  return s.column_int(0) == 0;
}

} // namespace

response_writer::response_writer(sql::connection &db, int64_t run_id, std::string source,
                                 bool keys_at_end)
    : db_(db), run_id_(run_id), source_(std::move(source)),
      postgres_(db.dialect() == sql::dialect::postgres),
      fresh_source_(is_fresh(db, source_, run_id)), keys_at_end_(keys_at_end && !postgres_),
      lookup_(db.prepare(postgres_ ? "SELECT r.id, r.content_hash FROM responses r WHERE "
                                     "r.key_hash = ?1 AND r.source = ?2 AND r.key = ?3"
                                   : "SELECT r.id, r.content_hash FROM response_keys k JOIN "
                                     "responses r ON r.id = k.id WHERE k.key_hash = ?1 AND "
                                     "r.source = ?2 AND r.key = ?3")),
      remove_(db.prepare("DELETE FROM responses WHERE id = ?1")),
      order_lookup_(
          db.prepare("SELECT content_hash FROM orders WHERE source = ?1 AND order_id = ?2")),
      order_upsert_(db.prepare(order_upsert_sql)),
      reject_(db.prepare(
          "INSERT INTO rejects (run_id, line, kind, reason, raw) VALUES (?1, ?2, ?3, ?4, ?5)")),
      reject_update_(db.prepare("UPDATE rejects SET reason = ?1 WHERE id = ?2")), scores_(db) {
  if (postgres_) { // new rows go in through COPY, merges are worked out in C++
    insert_one_.emplace(db.prepare(
        "INSERT INTO responses (source, key, external_id, content_hash, kind, run_id, line, "
        "customer, submitted_at, submitted_raw, nps, buy_again, rating, rating_max, recommend, "
        "csat, ces, ces_version, title, text, product, segment, journey_stage, order_id, "
        "order_value, order_count, country, language, channel, attributes, key_hash) VALUES "
        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
        "?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31)"));
    return;
  }
  key_insert_.emplace(prepare_fed(db, "rebuy_new_keys", "key_hash, id",
                                  "INSERT INTO response_keys (key_hash, id) SELECT key_hash, id "
                                  "FROM rebuy_new_keys(?1)"));
  bind_row_source(*key_insert_, 1, new_keys_);
  key_set_aside_.emplace(db.prepare("INSERT INTO import_keys (part, key_hash, id) SELECT ?2, "
                                    "key_hash, id FROM rebuy_new_keys(?1)"));
  bind_row_source(*key_set_aside_, 1, new_keys_);
  part_insert_.emplace(db.prepare("INSERT INTO import_key_parts (part, run_id) VALUES (?1, ?2)"));
  set_aside_lookup_.emplace(db.prepare(
      "SELECT r.id, r.content_hash FROM import_keys k JOIN responses r ON r.id = k.id WHERE "
      "k.part = ?4 AND k.key_hash = ?1 AND r.source = ?2 AND r.key = ?3"));
  merge_unchanged_.emplace(db.prepare(merge_unchanged_sql()));
  merge_insert_.emplace(db.prepare(merge_insert_sql()));
  register_row_feed(db, "rebuy_staged_responses", staged_rows::columns().c_str());
}

void response_writer::prepare_insert(uint64_t roles) {
  if (postgres_) return;
  if (insert_ && (roles & ~insert_roles_) == 0) return;
  // A new statement for more roles: the importer mapped another column.
  insert_roles_ |= roles;
  insert_.emplace(db_.prepare(bulk_insert_sql(insert_roles_)));
  bind_row_source(*insert_, 1, unwritten_);
  insert_->bind(2, source_).bind(3, run_id_);
}

void response_writer::bind_response(sql::statement &s, const staged_response &r) {
  auto role = [&](rebuy_role k) -> const std::string & { return r.roles[static_cast<size_t>(k)]; };
  s.bind(1, source_)
      .bind(2, r.key)
      .bind_or_null(3, r.external_id)
      .bind(4, r.content_hash)
      .bind(5, std::string_view(record_kind_name(r.kind)))
      .bind(6, run_id_)
      .bind(7, static_cast<int64_t>(r.line))
      .bind_or_null(8, role(REBUY_ROLE_CUSTOMER))
      .bind_or_null(9, r.submitted_at)
      .bind_or_null(10, role(REBUY_ROLE_SUBMITTED_AT))
      .bind(11, r.nps)
      .bind_or_null(12, role(REBUY_ROLE_BUY_AGAIN))
      .bind(13, r.rating)
      .bind(14, r.rating_max)
      .bind_or_null(15, role(REBUY_ROLE_RECOMMEND))
      .bind_or_null(16, role(REBUY_ROLE_CSAT))
      .bind_or_null(17, role(REBUY_ROLE_CES))
      .bind_or_null(18, role(REBUY_ROLE_CES_VERSION))
      .bind_or_null(19, role(REBUY_ROLE_TITLE))
      .bind_or_null(20, role(REBUY_ROLE_TEXT))
      .bind_or_null(21, role(REBUY_ROLE_PRODUCT))
      .bind_or_null(22, role(REBUY_ROLE_SEGMENT))
      .bind_or_null(23, role(REBUY_ROLE_JOURNEY_STAGE))
      .bind_or_null(24, role(REBUY_ROLE_ORDER_ID))
      .bind(25, r.order_value)
      .bind(26, r.order_count)
      .bind_or_null(27, role(REBUY_ROLE_COUNTRY))
      .bind_or_null(28, role(REBUY_ROLE_LANGUAGE))
      .bind_or_null(29, role(REBUY_ROLE_CHANNEL))
      .bind(30, r.attributes)
      .bind(31, r.key_hash);
}

void response_writer::record_issues(const std::vector<staged_issue> &issues, const char *kind) {
  for (const auto &issue : issues) {
    reject_.bind(1, run_id_)
        .bind(2, static_cast<int64_t>(issue.line))
        .bind(3, std::string_view(kind))
        .bind(4, issue.reason)
        .bind_or_null(5, issue.raw);
    reject_.run();
  }
}

void response_writer::write_order(const staged_response &r) {
  order_lookup_.bind(1, source_).bind(2, r.key);
  const bool exists = order_lookup_.step();
  const bool same = exists && order_lookup_.column_text(0) == r.content_hash;
  order_lookup_.reset();
  if (same) {
    ++pending_.unchanged;
    return;
  }
  ++(exists ? pending_.updated : pending_.added);
  order_upsert_.bind(1, source_)
      .bind(2, r.key)
      .bind_or_null(3, r.roles[REBUY_ROLE_CUSTOMER])
      .bind_or_null(4, r.submitted_at)
      .bind_or_null(5, r.roles[REBUY_ROLE_SUBMITTED_AT])
      .bind(6, r.order_value)
      .bind(7, r.content_hash)
      .bind(8, run_id_)
      .bind(9, static_cast<int64_t>(r.line))
      .bind(10, r.attributes);
  order_upsert_.run();
}

bool response_writer::merge(const staged_response &r, int64_t stored_id) {
  if (postgres_) return merge_on_server(r, stored_id);
  bind_response(*merge_unchanged_, r);
  merge_unchanged_->bind(32, stored_id);
  merge_unchanged_->step();
  const bool unchanged = merge_unchanged_->column_int(0) != 0;
  merge_unchanged_->reset();
  if (unchanged) return false;
  bind_response(*merge_insert_, r);
  merge_insert_->bind(32, stored_id);
  merge_insert_->run();
  new_keys_.rows.emplace_back(r.key_hash, db_.last_insert_rowid());
  new_key_filter_.add(static_cast<uint64_t>(r.key_hash));
  remove_.bind(1, stored_id).run();
  return true;
}

response_writer::stored_row response_writer::find_stored(const staged_response &r) {
  auto take = [&](sql::statement &s) {
    stored_row found;
    if (s.step()) found = {s.column_int(0), s.column_text(1) == r.content_hash};
    s.reset();
    return found;
  };
  lookup_.bind(1, r.key_hash).bind(2, source_).bind(3, r.key);
  if (auto found = take(lookup_); found.id || postgres_) return found;
  for (int64_t part : parts_) {
    set_aside_lookup_->bind(1, r.key_hash).bind(2, source_).bind(3, r.key).bind(4, part);
    if (auto found = take(*set_aside_lookup_); found.id) return found;
  }
  return {};
}

void response_writer::begin() {
  if (!tx_) {
    tx_.emplace(db_);
    if (postgres_) hold_new_ids();
    if (!postgres_) { // the parts of import_keys: any import's, committed before this transaction
      parts_.clear();
      auto s = db_.prepare("SELECT part FROM import_key_parts ORDER BY part");
      while (s.step())
        parts_.push_back(s.column_int(0));
    }
  }
}

void response_writer::write(const staged_batch &batch) {
  begin();
  if (postgres_) return write_retrying(batch);
  write_batch(batch);
}

void response_writer::write_batch(const staged_batch &batch) {
  uint64_t roles = 0;
  for (const auto &r : batch.responses())
    roles |= staged_rows::roles_of(r);
  prepare_insert(roles);
  if (written_) {
    written_->stored.clear();
    written_->roles = roles;
    written_->replaced = false;
  }
  if (postgres_) look_up_batch(batch);
  for (const auto &r : batch.responses()) {
    if (r.kind == REBUY_RECORD_ORDER) {
      write_order(r);
      continue;
    }
    bool exists = false, same = false;
    int64_t id = 0;
    if (!fresh_source_ || r.maybe_seen) {
      // The stored row may still wait for its insert or its key: a key repeated within one commit.
      const bool repeated = new_key_filter_.maybe_contains(static_cast<uint64_t>(r.key_hash));
      if (repeated) add_new_keys();
      if (postgres_ && !repeated) { // looked up with the batch's other keys
        auto known = stored_.find(r.key);
        exists = known != stored_.end();
        id = exists ? known->second.first : 0;
        same = exists && known->second.second == r.content_hash;
      } else {
        const auto stored = find_stored(r);
        exists = stored.id != 0;
        id = stored.id;
        same = stored.same;
      }
    }
    if (same) {
      ++pending_.unchanged;
      continue;
    }
    if (exists && r.kind == REBUY_RECORD_POST_PURCHASE) {
      const bool merged = merge(r, id);
      ++(merged ? pending_.merged : pending_.unchanged);
      if (written_ && merged) written_->replaced = true;
      continue;
    }
    if (exists) {
      if (written_) written_->replaced = true;
      // Edited: stored anew under a new id, so analysis sees it as new; its old
      // scores go with the old row.
      remove_.bind(1, id).run();
      ++pending_.updated;
    } else {
      ++pending_.added;
    }
    insert_later(r);
  }
  // The batch's memory goes back to the reading thread after this.
  insert_unwritten();
  record_issues(batch.rejects, "row");
  record_issues(batch.skips, "skip");
  record_issues(batch.value_rejects, "value");
  for (const auto &counted : batch.counted_skips) {
    auto same = std::find_if(pending_skips_.begin(), pending_skips_.end(),
                             [&](const auto &c) { return c.reason == counted.reason; });
    if (same == pending_skips_.end()) same = pending_skips_.insert(same, {counted.reason});
    same->merge(counted);
    pending_.skipped += counted.count;
  }
  pending_.rejected += batch.rejects.size();
  pending_.skipped += batch.skips.size();
  pending_.values_rejected += batch.value_rejects.size();
}

void response_writer::insert_unwritten() {
  const auto count = static_cast<int64_t>(unwritten_.rows.size());
  if (count == 0) return;
  if (postgres_) return copy_unwritten();
  insert_->run();
  // One statement gives its rows consecutive ids (AUTOINCREMENT, one writer).
  if (db_.changes() != count)
    throw sql::error(fmt::format("stored {} of {} responses", db_.changes(), count));
  const int64_t first = db_.last_insert_rowid() - count + 1;
  for (int64_t i = 0; i < count; ++i) {
    const staged_response *r = unwritten_.rows[static_cast<size_t>(i)];
    new_keys_.rows.emplace_back(r->key_hash, first + i);
    if (written_) written_->stored.push_back({first + i, r});
  }
  unwritten_.rows.clear();
}

void response_writer::add_new_keys() {
  insert_unwritten();
  if (postgres_) new_key_filter_.clear(); // the unique index on (source, key) keeps them
  if (new_keys_.rows.empty()) return;
  std::sort(new_keys_.rows.begin(), new_keys_.rows.end());
  if (!keys_at_end_) {
    key_insert_->run();
  } else {
    if (!part_) {
      part_ = std::min_element(new_keys_.rows.begin(), new_keys_.rows.end(),
                               [](const auto &a, const auto &b) { return a.second < b.second; })
                  ->second;
      part_insert_->bind(1, part_).bind(2, run_id_).run();
      parts_.push_back(part_);
    }
    key_set_aside_->bind(2, part_).run();
  }
  new_key_filter_.clear();
  new_keys_.rows.clear();
}

void response_writer::record_counted_skips() {
  for (const auto &pending : pending_skips_) {
    auto run = std::find_if(counted_skips_.begin(), counted_skips_.end(),
                            [&](const auto &c) { return c.skips.reason == pending.reason; });
    if (run == counted_skips_.end())
      run = counted_skips_.insert(run, {counted_skip{pending.reason}});
    auto &skips = run->skips;
    skips.merge(pending);
    // One row per reason and run, rewritten as the count grows.
    const std::string reason = counted_reason(skips);
    if (run->row_id) {
      reject_update_.bind(1, std::string_view(reason)).bind(2, run->row_id).run();
      continue;
    }
    reject_.bind(1, run_id_)
        .bind(2, static_cast<int64_t>(skips.first_lines[0]))
        .bind(3, std::string_view("skip"))
        .bind(4, std::string_view(reason))
        .bind_null(5);
    reject_.run();
    run->row_id = db_.last_insert_rowid();
  }
  pending_skips_.clear();
}

void response_writer::commit(row_counts &total) {
  if (!tx_) return;
  add_new_keys();
  // Should the commit fail, the import ends: what this changed is never used again.
  record_counted_skips();
  if (pending_.updated || pending_.merged) scores_.purge_dropped();
  row_counts committed = total;
  committed += pending_;
  // With the rows they count: a run whose process dies still says what it stored.
  record_committed_counts(db_, run_id_, committed);
  tx_->commit();
  tx_.reset();
  part_ = 0;
  total = committed;
  pending_ = {};
}

void response_writer::finish() {
  if (keys_at_end_) merge_set_aside_keys(db_, run_id_);
}

} // namespace rebuy::core
