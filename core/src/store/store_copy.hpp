#pragma once
// Moving a store between databases (SQLite and PostgreSQL, either way): every
// table row for row with its ids, so that the copy answers as the original.
#include "store/sql.hpp"

#include <cstdint>
#include <functional>
#include <string>

namespace rebuy::core {

struct copied_table {
  std::string name;
  uint64_t rows = 0;
};

// Copies `from` into `to`, a store at the same schema version that holds no
// response, run or score yet (throws input_error otherwise). One transaction
// on `to`: a copy that fails leaves it empty. `done` hears of each table.
void copy_store(sql::connection &from, sql::connection &to,
                const std::function<void(const copied_table &)> &done = {});

} // namespace rebuy::core
