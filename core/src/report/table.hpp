#pragma once
// A table of the report, described once (its columns, then its rows of
// cells) and written by both the HTML and the Markdown report. Cells hold
// text as a person reads it: each writer escapes it for its format.
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace rebuy::core {

enum class align { left, right };

struct column {
  column(std::string title, align alignment = align::left, std::string html_class = "")
      : title(std::move(title)), alignment(alignment), html_class(std::move(html_class)) {}
  std::string title;
  align alignment;
  std::string html_class; // e.g. "quote": long text that may wrap
};

struct cell {
  cell(std::string text, bool small_sample = false)
      : text(std::move(text)), small_sample(small_sample) {}
  std::string text;
  bool small_sample;      // marked: its 95 % interval is wide
  std::string html_class; // e.g. "down" for a figure below the overall one
  std::string data_value; // the JSON report's number, for the HTML's data-value
};

struct table {
  std::vector<column> columns;
  std::vector<std::vector<cell>> rows;
};

// A column with the cell it gives each row: a table's description lists
// these, so adding a column is adding one of them.
template <typename Row> struct column_of {
  column head;
  std::function<cell(const Row &)> value;
};

template <typename Row>
table make_table(const std::vector<column_of<Row>> &columns, const std::vector<Row> &rows) {
  table t;
  for (const auto &c : columns)
    t.columns.push_back(c.head);
  for (const auto &row : rows) {
    auto &cells = t.rows.emplace_back();
    for (const auto &c : columns)
      cells.push_back(c.value(row));
  }
  return t;
}

// <table> with a head row; right-aligned columns get class "num".
std::string html_table(const table &t);
// A GitHub-flavoured Markdown table, with a line break after it.
std::string markdown_table(const table &t);

} // namespace rebuy::core
