#include "store/row_feed.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace rebuy::core {
namespace {

// SQLite hands a bound pointer only to code that names the same type.
constexpr const char *pointer_type = "rebuy::row_source";

struct feed_table : sqlite3_vtab {
  int columns = 0; // the hidden source argument comes after them
};

struct feed_cursor : sqlite3_vtab_cursor {
  const row_source *source = nullptr;
  size_t row = 0;
};

int connect(sqlite3 *db, void *aux, int, const char *const *, sqlite3_vtab **out, char **) {
  std::string_view columns(static_cast<const char *>(aux));
  int rc =
      sqlite3_declare_vtab(db, fmt::format("CREATE TABLE x({}, source HIDDEN)", columns).c_str());
  if (rc != SQLITE_OK) return rc;
  // Only our own statements use it, never a view or trigger stored in the file.
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  auto *table = new feed_table{};
  table->columns = static_cast<int>(std::count(columns.begin(), columns.end(), ',')) + 1;
  *out = table;
  return SQLITE_OK;
}

int disconnect(sqlite3_vtab *table) {
  delete static_cast<feed_table *>(table);
  return SQLITE_OK;
}

// The only plan: the source argument, given as an equality on the hidden column.
int best_index(sqlite3_vtab *table, sqlite3_index_info *info) {
  const int hidden = static_cast<feed_table *>(table)->columns;
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto &c = info->aConstraint[i];
    if (c.iColumn != hidden || c.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!c.usable) return SQLITE_CONSTRAINT;
    info->aConstraintUsage[i].argvIndex = 1;
    info->aConstraintUsage[i].omit = 1;
    info->estimatedCost = 1;
    return SQLITE_OK;
  }
  return SQLITE_CONSTRAINT;
}

int open_cursor(sqlite3_vtab *, sqlite3_vtab_cursor **out) {
  *out = new feed_cursor{};
  return SQLITE_OK;
}

int close_cursor(sqlite3_vtab_cursor *cursor) {
  delete static_cast<feed_cursor *>(cursor);
  return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor *base, int, const char *, int argc, sqlite3_value **argv) {
  auto *cursor = static_cast<feed_cursor *>(base);
  cursor->source =
      argc == 1 ? static_cast<const row_source *>(sqlite3_value_pointer(argv[0], pointer_type))
                : nullptr;
  cursor->row = 0;
  return SQLITE_OK;
}

int next(sqlite3_vtab_cursor *cursor) {
  ++static_cast<feed_cursor *>(cursor)->row;
  return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor *base) {
  auto *cursor = static_cast<feed_cursor *>(base);
  return !cursor->source || cursor->row >= cursor->source->size();
}

int column(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int n) {
  auto *cursor = static_cast<feed_cursor *>(base);
  if (n >= static_cast<feed_table *>(base->pVtab)->columns)
    sqlite3_result_null(ctx);
  else
    cursor->source->column(cursor->row, n, ctx);
  return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor *cursor, sqlite3_int64 *out) {
  *out = static_cast<sqlite3_int64>(static_cast<feed_cursor *>(cursor)->row);
  return SQLITE_OK;
}

// Eponymous only (no xCreate): it exists as a function, never as a stored table.
const sqlite3_module *feed_module() {
  static const sqlite3_module module = [] {
    sqlite3_module m{};
    m.xConnect = connect;
    m.xBestIndex = best_index;
    m.xDisconnect = disconnect;
    m.xOpen = open_cursor;
    m.xClose = close_cursor;
    m.xFilter = filter;
    m.xNext = next;
    m.xEof = eof;
    m.xColumn = column;
    m.xRowid = rowid;
    return m;
  }();
  return &module;
}

} // namespace

void register_row_feed(sql::connection &db, const char *name, const char *columns) {
  if (sqlite3_create_module_v2(sql::sqlite_of(db).handle(), name, feed_module(),
                               const_cast<char *>(columns), nullptr) != SQLITE_OK)
    throw sql::error(
        fmt::format("cannot register {}: {}", name, sqlite3_errmsg(sql::sqlite_of(db).handle())));
}

void bind_row_source(sql::statement &statement, int index, const row_source &source) {
  sql::bind_pointer(statement, index, const_cast<row_source *>(&source), pointer_type);
}

} // namespace rebuy::core
