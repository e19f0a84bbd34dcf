#pragma once
// Staged responses as rows SQLite reads through the row feed: the response
// writer inserts a batch's new responses with one INSERT ... SELECT.
#include "store/staged_batch.hpp"
#include "store/row_feed.hpp"

#include <string>
#include <vector>

namespace rebuy::core {

class staged_rows final : public row_source {
public:
  // The feed's columns, comma-separated, in the order column() serves them.
  static const std::string &columns();
  // Of those, the ones rows with values for these roles (bit r: role r) can
  // fill: an INSERT that names only them reads no column that is always NULL.
  static std::string columns_for(uint64_t roles);
  // The roles (bit r: role r) the response has a value for, in any column.
  static uint64_t roles_of(const staged_response &r);

  std::vector<const staged_response *> rows; // they live in the batch being written
  size_t size() const override { return rows.size(); }
  void column(size_t row, int column, sqlite3_context *ctx) const override;
};

const char *record_kind_name(rebuy_record_kind kind);

} // namespace rebuy::core
