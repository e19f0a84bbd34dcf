#include "report/table.hpp"

#include "report/html_escape.hpp"
#include "report/html_sections.hpp"
#include "report/markdown_report.hpp"

namespace rebuy::core {
namespace {

// A cell's classes: "num" for a right-aligned column, the column's, the cell's.
std::string class_attribute(const column &c, std::string_view extra) {
  std::string classes = c.alignment == align::right ? "num" : "";
  for (std::string_view more : {std::string_view(c.html_class), extra})
    if (!more.empty()) classes += (classes.empty() ? "" : " ") + std::string(more);
  return classes.empty() ? "" : " class=\"" + html_escape(classes) + "\"";
}

} // namespace

std::string html_table(const table &t) {
  std::string out = "<table><thead><tr>";
  for (const auto &c : t.columns)
    out += (c.alignment == align::right ? "<th class=\"num\">" : "<th>") + html_escape(c.title) +
           "</th>";
  out += "</tr></thead><tbody>";
  for (const auto &row : t.rows) {
    out += "<tr>";
    for (size_t i = 0; i < row.size(); ++i) {
      const cell &v = row[i];
      out += "<td" + class_attribute(t.columns[i], v.html_class);
      if (!v.data_value.empty()) out += " data-value=\"" + html_escape(v.data_value) + "\"";
      out += ">" + html_escape(v.text) + html::small_flag(v.small_sample) + "</td>";
    }
    out += "</tr>";
  }
  return out + "</tbody></table>";
}

std::string markdown_table(const table &t) {
  std::string out = "|", rule = "|";
  for (const auto &c : t.columns) {
    out += " " + markdown_escape(c.title) + " |";
    rule += c.alignment == align::right ? "---:|" : "---|";
  }
  out += "\n" + rule + "\n";
  for (const auto &row : t.rows) {
    out += "|";
    for (const auto &v : row)
      out += " " + markdown_escape(v.text) + (v.small_sample ? " ⚠ small sample" : "") + " |";
    out += "\n";
  }
  return out + "\n";
}

} // namespace rebuy::core
