#pragma once
// Reads `rebuy export --format csv` files for the text-signal benchmarks: RFC 4180 rows
// (quoted fields may hold commas, doubled quotes and line breaks) and columns by name.
#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy_bench {

class export_csv {
public:
  explicit export_csv(const std::string &path) : path_(path), in_(path, std::ios::binary) {
    if (!in_) throw std::runtime_error(path + ": cannot read");
    if (!next_row(header_)) throw std::runtime_error(path + ": empty");
    if (!header_.empty() && header_[0].rfind("\xEF\xBB\xBF", 0) == 0) header_[0].erase(0, 3);
  }

  // The index of a column, or -1 (optional) / an error naming the file (required).
  long column(std::string_view name, bool required = true) const {
    const auto it = std::find(header_.begin(), header_.end(), name);
    if (it == header_.end() && required)
      throw std::runtime_error(path_ + ": no column " + std::string(name));
    return it == header_.end() ? -1 : it - header_.begin();
  }

  bool next() { return next_row(row_); }
  // The current row's cell, empty when the column is missing or the row short.
  const std::string &cell(long column) const {
    static const std::string none;
    return column >= 0 && static_cast<size_t>(column) < row_.size() ? row_[column] : none;
  }

private:
  bool next_row(std::vector<std::string> &row) {
    row.clear();
    std::string field;
    bool quoted = false, any = false;
    for (int c; (c = in_.get()) != std::char_traits<char>::eof();) {
      any = true;
      if (quoted) {
        if (c != '"') {
          field += static_cast<char>(c);
        } else if (in_.peek() == '"') {
          field += '"';
          in_.get();
        } else {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.push_back(std::move(field));
        field.clear();
      } else if (c == '\n') {
        row.push_back(std::move(field));
        return true;
      } else if (c != '\r') {
        field += static_cast<char>(c);
      }
    }
    if (any) row.push_back(std::move(field));
    return any;
  }

  std::string path_;
  std::ifstream in_;
  std::vector<std::string> header_, row_;
};

} // namespace rebuy_bench
