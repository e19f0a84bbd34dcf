#pragma once
// Pages through the responses some analyzer has not analyzed yet, in id order.
#include "host/importer_session.hpp"
#include "store/analyzer_state.hpp"
#include "store/loaded_batch.hpp"
#include "store/sql.hpp"
#include "store/staged_batch.hpp"

#include <array>
#include <map>
#include <string>
#include <vector>

namespace rebuy::core {

// The column each role was mapped from (its first), as analyzers are told it; "" when none.
using role_names = std::array<std::string, REBUY_ROLE_COUNT_V1_0>;
role_names role_names_of(const std::vector<column_mapping> &columns);

// Adds a response the import has just stored under `id` to `out` as the loader would read it
// back: the same fields, the same texts (numbers as SQLite writes them). `pending` as
// loaded_response's.
void load_staged(const staged_response &r, int64_t id, const role_names &names,
                 bool with_attributes, uint64_t pending, loaded_batch &out);

class response_loader {
public:
  // `through[k]`: analyzer k has analyzed every response up to this id.
  // `with_attributes`: also hand every attribute column to analyzers.
  response_loader(sql::connection &db, std::vector<int64_t> through, bool with_attributes);
  // Pages through the responses with ids in (after, last] from now on.
  void start(int64_t after, int64_t last) { last_id_ = after, bound_ = last; }
  // The next page; false when nothing is pending any more.
  bool next(size_t max, loaded_batch &out);

private:
  const role_names &column_names(int64_t run_id);

  sql::connection &db_;
  std::vector<int64_t> through_;
  bool with_attributes_;
  sql::statement page_;
  sql::statement mapping_;
  int64_t last_id_ = 0;
  int64_t bound_ = 0; // responses past it wait for a later analysis
  std::map<int64_t, role_names> names_by_run_;
};

} // namespace rebuy::core
