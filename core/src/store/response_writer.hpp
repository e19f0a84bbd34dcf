#pragma once
// Writes staged batches into the store. A response already stored under the
// same (source, key) is left alone when its content is unchanged and replaced
// (stored anew, its old scores dropped) when edited; a post-purchase answer is
// merged into it instead. Orders go to their own table, keyed by order id. Batches go into one open
// transaction until commit(): a bulk import commits every few seconds, since
// each commit rewrites every index page its rows touched. New responses go in
// through the row feed, one statement per batch, on SQLite, and with COPY on
// PostgreSQL, where several imports may write the same keys at once.
#include "store/row_feed.hpp"
#include "store/run_log.hpp"
#include "store/score_store.hpp"
#include "store/sql.hpp"
#include "store/staged_batch.hpp"
#include "store/staged_rows.hpp"
#include "util/key_filter.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rebuy::core {

// A response write() stored anew (SQLite): the import's analysis takes it from the batch.
struct stored_anew {
  int64_t id;
  const staged_response *response; // in the batch being written
};

// What one write() did, for the import's analysis.
struct written_batch {
  std::vector<stored_anew> stored; // the responses it stored anew, in id order
  uint64_t roles = 0;              // bit r: a row of the batch has a value for role r
  bool replaced = false;           // it replaced or merged into a stored response (its id is gone)
};

class response_writer {
public:
  // With `keys_at_end` (SQLite), the keys of new responses wait in import_keys until finish()
  // (store/set_aside_keys.hpp), as a large import's do (import_pipeline.cpp says when).
  response_writer(sql::connection &db, int64_t run_id, std::string source,
                  bool keys_at_end = false);
  // Adds the batch to the open transaction, opening one if needed.
  void write(const staged_batch &batch);
  // Opens the transaction writes go into, if none is open.
  void begin();
  // From now on, each write() says in `out` what it did (not on PostgreSQL).
  void describe_writes(written_batch *out) { written_ = out; }
  // Commits, and only then adds what was written to `total`. Without a
  // commit, destroying the writer rolls the open transaction back.
  void commit(row_counts &total);
  // Drops everything written since the last commit.
  void rollback() {
    tx_.reset();
    part_ = 0;
    pending_ = {};
    pending_skips_.clear();
    unwritten_.rows.clear();
    new_keys_.rows.clear();
    new_key_filter_.clear();
  }
  uint64_t pending_rows() const { return pending_.rows_in(); }
  // Writes what waits for the commit (the new keys) without committing, so a
  // long transaction keeps the pace and the memory of short ones.
  // A flush also ends the keys' part, as a commit does.
  void flush() {
    add_new_keys();
    part_ = 0;
  }
  // After the last commit: the run's waiting keys join response_keys.
  void finish();

private:
  struct stored_row {
    int64_t id = 0;    // 0: none
    bool same = false; // its content is the staged response's
  };
  // The response stored under r's key: in response_keys, else in a part of import_keys.
  stored_row find_stored(const staged_response &r);
  void bind_response(sql::statement &s, const staged_response &r);
  void write_order(const staged_response &r);
  // Merges r into the stored response; false when it adds nothing.
  bool merge(const staged_response &r, int64_t stored_id);
  void record_issues(const std::vector<staged_issue> &issues, const char *kind);
  // Adds the counts of this commit to the run's one row per counted reason.
  void record_counted_skips();
  void insert_later(const staged_response &r) {
    unwritten_.rows.push_back(&r);
    new_key_filter_.add(static_cast<uint64_t>(r.key_hash));
  }
  // The bulk insert names the columns of these roles and of every role before.
  void prepare_insert(uint64_t roles);
  // Inserts the responses waiting in unwritten_; their keys join new_keys_.
  void insert_unwritten();
  // The key of each response inserted waits in new_keys_ until the commit,
  // which adds them in key order to response_keys, or to this commit's part of import_keys.
  void add_new_keys();

  // PostgreSQL's (response_writer_postgres.cpp): new responses go in with COPY,
  // and a merge is worked out in C++, not with SQLite's JSON functions.
  void copy_unwritten();
  // Rows that another import stored under the same key since they were looked up.
  void settle_conflicts(std::vector<const staged_response *> conflicts);
  // Until the transaction ends, analysis cannot take the ids it gives (analysis_bound).
  void hold_new_ids();
  // A batch under a savepoint, tried again when the server broke a deadlock with it.
  void write_retrying(const staged_batch &batch);
  void write_batch(const staged_batch &batch);
  bool merge_on_server(const staged_response &r, int64_t stored_id);
  // The stored (id, content hash) of the batch's keys, in one query: a round
  // trip per row would cost a server more than the rows.
  void look_up_batch(const staged_batch &batch);
  std::unordered_map<std::string, std::pair<int64_t, std::string>> stored_;

  sql::connection &db_;
  int64_t run_id_;
  std::string source_;
  bool postgres_;
  // For a source never imported before, a key not seen before in this import
  // (staged_response::maybe_seen) cannot be stored yet: most rows of a first
  // import skip the lookup.
  bool fresh_source_;
  std::optional<sql::transaction> tx_;
  row_counts pending_;
  staged_rows unwritten_;  // responses waiting for the batch's bulk insert
  int_pair_rows new_keys_; // (key_hash, id)
  bool keys_at_end_;
  int64_t part_ = 0;           // the first id of this commit's part of import_keys, once it has one
  std::vector<int64_t> parts_; // of import_keys, when this transaction began, and part_
  // Of unwritten_ and new_keys_, so that a repeated key sees its row first. 4 MiB: about 0.4 %
  // false positives at 1,000,000 keys, 1.3 % at the largest commit's 2,000,000
  // (import_pipeline.cpp); a false positive costs a lookup.
  key_filter new_key_filter_{25};
  // Counted skips (a blank line) of the run so far, and those since the last commit.
  struct skip_count {
    counted_skip skips;
    int64_t row_id = 0; // its row in rejects, once written
  };
  std::vector<skip_count> counted_skips_;
  std::vector<counted_skip> pending_skips_;
  sql::statement lookup_, remove_, order_lookup_, order_upsert_, reject_, reject_update_;
  // SQLite's: the key table, merges in SQL (with its JSON functions), the row feed's insert.
  std::optional<sql::statement> key_insert_, key_set_aside_, part_insert_, set_aside_lookup_,
      merge_unchanged_, merge_insert_, insert_;
  // PostgreSQL's: one row, when its batch met a key another import stored meanwhile.
  std::optional<sql::statement> insert_one_;
  uint64_t insert_roles_ = 0;
  written_batch *written_ = nullptr;
  score_store scores_; // a replaced response's scores go in the same commit
};

} // namespace rebuy::core
