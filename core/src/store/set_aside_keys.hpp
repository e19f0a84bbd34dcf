#pragma once
// A large import's keys wait beside response_keys until it ends (SQLite only; import_pipeline.cpp
// says when).
// response_keys is ordered by key hash, so merging a commit's keys into it rewrites pages all over
// it: on a store of ten million, a sixth of the import's writes. Each commit appends its keys,
// sorted, to a part of import_keys of its own (parts follow each other, so nothing already
// written is rewritten), and the end of the run merges its parts into response_keys in one
// ordered pass.
//
// Meanwhile, finding a response by its key looks in both (response_writer), and analysis
// stops below the first response whose key waits (analysis_bound). A run that ends without
// merging its keys (its process killed, its store failing) leaves them to the next open_store.
#include "store/sql.hpp"

#include <cstdint>

namespace rebuy::core {

// Moves run `run_id`'s waiting keys into response_keys, in one transaction of its own.
void merge_set_aside_keys(sql::connection &db, int64_t run_id);

// Merges the waiting keys of every run that is no longer running (a run whose process died is
// marked so first). A connection that may not write leaves them to the next one.
void merge_abandoned_keys(sql::connection &db);

// The lowest response id whose key waits in import_keys, or 0.
int64_t first_set_aside_id(sql::connection &db);

} // namespace rebuy::core
