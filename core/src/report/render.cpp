#include "report/render.hpp"

#include "report/csv_report.hpp"
#include "report/html_report.hpp"
#include "report/json_report.hpp"
#include "report/markdown_report.hpp"

namespace rebuy::core {

std::string render_report(const report_data &data, const std::string &format) {
  if (format == "html") return render_html_report(data);
  if (format == "json") return render_json_report(data);
  if (format == "csv") return render_csv_report(data);
  return render_markdown_report(data);
}

} // namespace rebuy::core
