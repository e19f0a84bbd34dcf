#include "report/html_report.hpp"

#include "report/format.hpp"
#include "report/html_escape.hpp"
#include "report/html_sections.hpp"

#include <fmt/format.h>

namespace rebuy::core {
namespace {

// System fonts only; colours that survive printing in black and white.
constexpr const char *style = R"css(
:root{--ink:#1d2430;--muted:#5b6575;--line:#d8dde5;--bad:#b3261e;--good:#1e6b3a;--accent:#2f5d9e;--band:#2f5d9e33}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:1100px;margin:0 auto;padding:24px 28px 48px;overflow-wrap:break-word}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin:22px 0 6px}
p{margin:6px 0}.meta,.note{color:var(--muted);font-size:13px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:14px;margin:14px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.card .label{font-size:13px;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
.card .big{font-size:34px;font-weight:650;line-height:1.15;margin:4px 0}
.card .sub{font-size:13px;color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:8px 0 4px;font-size:13.5px}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
/* No table outgrows the page: a long word from the data breaks anywhere, a figure only at a space. */
td,th:first-child{overflow-wrap:anywhere}td.num,td[data-p]{overflow-wrap:normal}
th{font-weight:600;background:#f4f6f9}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.down{color:var(--bad);font-weight:600}.up{color:var(--good);font-weight:600}
.flag{display:inline-block;font-size:11px;border:1px solid #c77700;color:#8a5200;border-radius:3px;padding:0 4px;margin-left:4px;white-space:nowrap}
.nodata{color:var(--muted);font-style:italic}
.awaiting{border-left:4px solid #c77700;background:#fff6e5;padding:8px 12px}
blockquote,.quote{margin:0;color:#333;font-style:italic;overflow-wrap:anywhere}
svg.chart{width:100%;height:auto;max-width:760px;display:block}
svg .grid{stroke:var(--line);stroke-width:1}svg .tick{font-size:11px;fill:var(--muted)}
svg .band{fill:var(--band);stroke:none}svg .line{fill:none;stroke:var(--accent);stroke-width:2}
svg .dot{fill:var(--accent)}svg .axis{stroke:var(--line)}svg .ref{stroke:var(--ink);stroke-width:1.5}
svg.bar{vertical-align:middle}
.charts figure{margin:8px 0 16px}figcaption{font-size:13px;color:var(--muted)}
td:not(.num){min-width:6em}td:first-child{min-width:7em}td.quote{min-width:12em;width:40%}
@page{margin:12mm}
@media print{main{max-width:none;padding:0}svg.bar{width:60px;height:auto}table{font-size:9pt}th,td{padding:4px 5px}
.flag{white-space:normal}td:not(.num){min-width:4em}td:first-child{min-width:6em}h2{break-after:avoid}table,.card,svg{break-inside:avoid}body{font-size:11pt}}
)css";

} // namespace

std::string render_html_report(const report_data &data) {
  std::string out;
  out.reserve(64 * 1024);
  out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
         "'unsafe-inline'; img-src data:\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>Would-buy-again report</title><style>";
  out += style;
  out += "</style></head><body><main>\n<header><h1>Would-buy-again report</h1><p class=\"meta\">";
  out += fmt::format("<span id=\"responses\" data-value=\"{}\">{}</span> responses", data.responses,
                     format_count(data.responses));
  const auto &h = data.headline;
  if (!h.first_day.empty())
    out += fmt::format(", submitted <span id=\"period\">{} to {}</span>", h.first_day, h.last_day);
  const auto &filter = data.options.filter;
  if (!filter.source.empty()) out += ", source “" + html::text(filter.source) + "”";
  for (const auto &[attribute, value] : filter.where)
    out += ", " + html::text(attribute) + " = “" + html::text(value) + "”";
  out += ". Generated " + html::text(data.generated_at) + ".</p>";
  if (data.awaiting_analysis)
    out += fmt::format("<p class=\"awaiting\"><strong><span id=\"awaiting-analysis\" "
                       "data-value=\"{}\">{}</span> of these responses await analysis.</strong> "
                       "Run <code>rebuy analyze</code>: until then no NPS, would-buy-again or "
                       "theme figure counts them.</p>",
                       data.awaiting_analysis, format_count(data.awaiting_analysis));
  for (const auto &p : data.set_aside)
    out += fmt::format("<p class=\"awaiting set-aside\"><strong>Plugin {} is set aside</strong> "
                       "({}): it {}. Its figures cover only what it did before.</p>",
                       html::text(p.id), html::text(p.file), html::text(p.reason));
  out += "</header>\n";
  html::headline(out, data);
  html::trend(out, data);
  html::breakdowns(out, data);
  html::drivers(out, data);
  html::customers(out, data);
  html::calibration(out, data);
  html::referral(out, data);
  html::quality(out, data);
  out += "<p class=\"note\">Made by rebuy. How to read this report: every figure comes with its "
         "95 % interval, the range the true value lies in with 95 % confidence; two figures whose "
         "intervals overlap much may not differ at all.</p>\n</main></body></html>\n";
  return out;
}

} // namespace rebuy::core
