#include "store/response_writer.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace rebuy::core {
namespace {

constexpr const char *insert_sql = R"sql(
INSERT INTO responses (key_hash, source, key, external_id, content_hash, kind, run_id, line, customer,
  submitted_at, submitted_raw, nps, buy_again, rating, rating_max, recommend, csat, ces,
  ces_version, title, text, product, segment, journey_stage, order_id, order_value, order_count,
  country, language, channel, attributes)
VALUES (?31, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
  ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)
)sql";

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

// FNV-1a, 64 bits: stable across platforms, so the stored hashes stay valid.
int64_t key_hash(std::string_view source, std::string_view key) {
  uint64_t h = 14695981039346656037ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s)
      h = (h ^ c) * 1099511628211ull;
  };
  mix(source);
  mix(std::string_view("\x1f", 1));
  mix(key);
  return static_cast<int64_t>(h);
}

// True when no earlier import run used this source: nothing of it is stored.
bool is_fresh(sql::connection &db, const std::string &source, int64_t run_id) {
  auto s = db.prepare("SELECT EXISTS (SELECT 1 FROM import_runs WHERE source = ?1 AND id <> ?2)");
  s.bind(1, source).bind(2, run_id);
  s.step();
  return s.column_int(0) == 0;
}

} // namespace

const char *record_kind_name(rebuy_record_kind kind) {
  switch (kind) {
  case REBUY_RECORD_REVIEW:
    return "review";
  case REBUY_RECORD_POST_PURCHASE:
    return "post_purchase";
  case REBUY_RECORD_ORDER:
    return "order";
  default:
    return "survey";
  }
}

response_writer::response_writer(sql::connection &db, int64_t run_id, std::string source)
    : db_(db), run_id_(run_id), source_(std::move(source)),
      fresh_source_(is_fresh(db, source_, run_id)),
      key_insert_(db.prepare("INSERT INTO response_keys (key_hash, id) VALUES (?1, ?2)")),
      lookup_(db.prepare("SELECT r.id, r.content_hash FROM response_keys k JOIN responses r ON "
                         "r.id = k.id WHERE k.key_hash = ?1 AND r.source = ?2 AND r.key = ?3")),
      insert_(db.prepare(insert_sql)), remove_(db.prepare("DELETE FROM responses WHERE id = ?1")),
      merge_unchanged_(db.prepare(merge_unchanged_sql().c_str())),
      merge_insert_(db.prepare(merge_insert_sql().c_str())),
      order_lookup_(
          db.prepare("SELECT content_hash FROM orders WHERE source = ?1 AND order_id = ?2")),
      order_upsert_(db.prepare(order_upsert_sql)),
      reject_(db.prepare(
          "INSERT INTO rejects (run_id, line, kind, reason, raw) VALUES (?1, ?2, ?3, ?4, ?5)")) {}

void response_writer::bind_response(sql::statement &s, const staged_response &r, int64_t hash) {
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
      .bind(31, hash);
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

bool response_writer::merge(const staged_response &r, int64_t hash, int64_t stored_id) {
  bind_response(merge_unchanged_, r, hash);
  merge_unchanged_.bind(32, stored_id);
  merge_unchanged_.step();
  const bool unchanged = merge_unchanged_.column_int(0) != 0;
  merge_unchanged_.reset();
  if (unchanged) return false;
  bind_response(merge_insert_, r, hash);
  merge_insert_.bind(32, stored_id);
  merge_insert_.run();
  remember_key(hash);
  remove_.bind(1, stored_id).run();
  return true;
}

void response_writer::write(const staged_batch &batch) {
  if (!tx_) tx_.emplace(db_);
  for (const auto &r : batch.responses()) {
    if (r.kind == REBUY_RECORD_ORDER) {
      write_order(r);
      continue;
    }
    int64_t hash = key_hash(source_, r.key);
    bool exists = false, same = false;
    int64_t id = 0;
    if (!fresh_source_ || seen_.maybe_contains(static_cast<uint64_t>(hash))) {
      // The stored row may still wait for its key: a key repeated within one commit.
      if (new_key_filter_.maybe_contains(static_cast<uint64_t>(hash))) add_new_keys();
      lookup_.bind(1, hash).bind(2, source_).bind(3, r.key);
      exists = lookup_.step();
      id = exists ? lookup_.column_int(0) : 0;
      same = exists && lookup_.column_text(1) == r.content_hash;
      lookup_.reset();
    }
    if (fresh_source_) seen_.add(static_cast<uint64_t>(hash));
    if (same) {
      ++pending_.unchanged;
      continue;
    }
    if (exists && r.kind == REBUY_RECORD_POST_PURCHASE) {
      ++(merge(r, hash, id) ? pending_.merged : pending_.unchanged);
      continue;
    }
    if (exists) {
      // Edited: stored anew under a new id, so analysis sees it as new; its old
      // scores go with the old row.
      remove_.bind(1, id).run();
      ++pending_.updated;
    } else {
      ++pending_.added;
    }
    bind_response(insert_, r, hash);
    insert_.run();
    remember_key(hash);
  }
  record_issues(batch.rejects, "row");
  record_issues(batch.skips, "skip");
  record_issues(batch.value_rejects, "value");
  pending_.rejected += batch.rejects.size();
  pending_.skipped += batch.skips.size();
  pending_.values_rejected += batch.value_rejects.size();
}

void response_writer::add_new_keys() {
  std::sort(new_keys_.begin(), new_keys_.end());
  for (const auto &[hash, id] : new_keys_)
    key_insert_.bind(1, hash).bind(2, id).run();
  if (!new_keys_.empty()) new_key_filter_.clear();
  new_keys_.clear();
}

void response_writer::commit(row_counts &total) {
  if (!tx_) return;
  add_new_keys();
  tx_->commit();
  tx_.reset();
  total.added += pending_.added;
  total.updated += pending_.updated;
  total.unchanged += pending_.unchanged;
  total.merged += pending_.merged;
  total.rejected += pending_.rejected;
  total.skipped += pending_.skipped;
  total.values_rejected += pending_.values_rejected;
  pending_ = {};
}

} // namespace rebuy::core
