#pragma once
// Staged responses as rows SQLite reads through the row feed: the response
// writer inserts a batch's new responses with one INSERT ... SELECT.
#include "store/row_feed.hpp"
#include "store/staged_batch.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::core {

// Where a staged value goes: SQLite's row feed, or PostgreSQL's COPY.
class staged_value_sink {
public:
  virtual ~staged_value_sink() = default;
  virtual void text(std::string_view v) = 0;
  virtual void integer(int64_t v) = 0;
  virtual void real(double v) = 0;
  virtual void null() = 0;
};

class staged_rows final : public row_source {
public:
  // The feed's columns, comma-separated, in the order column() serves them.
  static const std::string &columns();
  // Of those, the ones rows with values for these roles (bit r: role r) can
  // fill: an INSERT that names only them reads no column that is always NULL.
  static std::string columns_for(uint64_t roles);
  // The roles (bit r: role r) the response has a value for, in any column.
  static uint64_t roles_of(const staged_response &r);

  static int column_count();
  // Writes the value of `column` (in the order of columns()) of a response.
  static void write(const staged_response &r, int column, staged_value_sink &out);

  std::vector<const staged_response *> rows; // they live in the batch being written
  size_t size() const override { return rows.size(); }
  void column(size_t row, int column, sqlite3_context *ctx) const override;
};

const char *record_kind_name(rebuy_record_kind kind);

} // namespace rebuy::core
