// The report writers: what strangers write is escaped, every format tells the
// same numbers, and the HTML needs nothing from the network.
#include "report/csv_report.hpp"
#include "report/html_escape.hpp"
#include "report/html_report.hpp"
#include "report/html_sections.hpp"
#include "report/json_report.hpp"
#include "report/markdown_report.hpp"
#include "report/svg_chart.hpp"
#include "report/table.hpp"
#include "report_fixture.hpp"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <regex>

using namespace rebuy::core;
using rebuy_test::report_store;

namespace {

const char *const script_payload = "<script>alert(1)</script>";
const char *const attribute_payload = "\"><img src=x onerror=alert(1)>";

// Hostile text everywhere the data reaches the page: text, customer, segment,
// product, source, theme, answer label.
void fill_hostile(report_store &s) {
  using r = report_store::response;
  std::string evil = std::string(script_payload) + " " + attribute_payload;
  for (int id = 1; id <= 6; ++id) {
    bool no = id % 2 == 0;
    s.add(r{id, id == 1 ? evil : "web", "2025-11-0" + std::to_string(id) + "T00:00:00Z",
            no ? evil + std::to_string(id) : "C" + std::to_string(id),
            no ? "late parcel " + evil : "lovely fit", evil, evil});
    s.answer(id, no ? attribute_payload : "definitely", no ? 0 : 1);
    s.nps(id, no ? -1 : 1);
    s.score(id, "themes", "themes", NAN, evil);
  }
  s.order("O1", evil + "2", "2025-01-01T00:00:00Z", 10);
}

size_t count_of(const std::string &haystack, const std::string &needle) {
  size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

} // namespace

TEST_CASE("html_escape makes text and attribute values inert") {
  CHECK(html_escape(script_payload) == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(html_escape(attribute_payload) == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  CHECK(html_escape("a & b 'c'") == "a &amp; b &#39;c&#39;");
  CHECK(html_escape(std::string("bell\x07 nul\0!", 11)) == "bell nul!");
  CHECK(html_escape("Ünïcödé — ok\n") == "Ünïcödé — ok\n");
}

TEST_CASE("svg charts escape their labels and stay on the plot") {
  std::vector<chart_point> points = {
      {"<b>", 0.5, 0.4, 0.6, 10}, {"x", NAN, 0, 1, 0}, {"y", 1.5, 1.2, 1.8, 3}};
  auto svg =
      svg_trend_chart(points, {0, 1, {0, 1}, [](double v) { return std::to_string(v); }}, "t<");
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(svg.find("&lt;b&gt;") != std::string::npos);
  CHECK(svg.find("t&lt;") != std::string::npos);
  CHECK(count_of(svg, "<polyline") == 2); // the gap splits the line
  // 1.5 is clamped to the top of the plot, never drawn outside it.
  std::regex cy("cy=\"(-?[0-9.]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), cy); it != std::sregex_iterator();
       ++it)
    CHECK(std::stod((*it)[1]) >= 0);
  auto bar = svg_interval_bar(0.5, 0.25, 0.75, 0.6, 0, 1);
  CHECK(bar.find("x=\"27.5\"") != std::string::npos); // band starts at 0.25 × 110
  CHECK(bar.find("cx=\"55.0\"") != std::string::npos);
}

TEST_CASE("html report: hostile feedback appears as text, and nothing loads or runs") {
  report_store s;
  fill_hostile(s);
  auto html = render_html_report(build_report(*s.db, {}));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("onerror=alert(1)>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(!std::regex_search(html, std::regex("(src|href)\\s*=\\s*\"?(https?:)?//")));
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  // Every section is there.
  for (const char *id :
       {"headline", "trend", "segments", "themes", "at-risk", "calibration", "quality"})
    CHECK(html.find(std::string("<section id=\"") + id + "\"") != std::string::npos);
}

TEST_CASE("html report shows the headline numbers the JSON report gives") {
  report_store s;
  fill_hostile(s);
  auto data = build_report(*s.db, {});
  auto html = render_html_report(data);
  rapidjson::Document json;
  json.Parse(render_json_report(data).c_str());
  REQUIRE(json.IsObject());
  CHECK(json["buy_again"]["rate"].GetDouble() == doctest::Approx(0.5));
  CHECK(html.find("data-value=\"0.5\">50.0 %</span>") != std::string::npos);
  CHECK(json["nps"]["score"].GetDouble() == doctest::Approx(0));
  CHECK(html.find("id=\"nps-score\" data-value=\"0\">±0.0</span>") != std::string::npos);
  CHECK(html.find("id=\"nps-n\" data-value=\"6\"") != std::string::npos);
}

TEST_CASE("json report: the documented keys, null where nothing is known") {
  report_store s;
  fill_hostile(s);
  rapidjson::Document json;
  json.Parse(render_json_report(build_report(*s.db, {})).c_str());
  REQUIRE(json.IsObject());
  for (const char *k : {"responses", "nps", "buy_again", "segments", "trend", "themes", "at_risk",
                        "won_back", "distinctive_words", "calibration", "imports", "change"})
    CHECK_MESSAGE(json.HasMember(k), k);
  for (const char *k : {"score", "n", "ci_low", "ci_high"})
    CHECK(json["nps"].HasMember(k));
  for (const char *k : {"rate", "n", "ci_low", "ci_high", "expected_probability"})
    CHECK(json["buy_again"].HasMember(k));
  CHECK(json["buy_again"]["expected_probability"].IsNull());
  CHECK(json["calibration"]["brier"].IsNull());
  CHECK(json["at_risk"].IsArray());
  CHECK(json["at_risk"].Size() == 3);
  CHECK(json["customers"]["at_risk_value"].GetDouble() <=
        json["customers"]["value_of_all"].GetDouble());
  CHECK(json["themes"][0]["theme"].GetString() ==
        std::string(script_payload) + " " + attribute_payload);

  report_store empty;
  rapidjson::Document none;
  none.Parse(render_json_report(build_report(*empty.db, {})).c_str());
  CHECK(none["buy_again"]["rate"].IsNull());
  CHECK(none["nps"]["score"].IsNull());
  CHECK(none["customers"]["at_risk_value"].IsNull()); // no orders, no values given: unknown
  CHECK(none["customers"]["value_of_all"].IsNull());
  CHECK(none["responses"].GetUint64() == 0);
}

TEST_CASE("markdown report escapes feedback and keeps the headline") {
  report_store s;
  fill_hostile(s);
  auto md = render_markdown_report(build_report(*s.db, {}));
  CHECK(md.find(script_payload) == std::string::npos);
  CHECK(md.find("&lt;script&gt;") != std::string::npos);
  CHECK(md.find("**Would buy again: 50.0 %**") != std::string::npos);
  CHECK(md.find("**NPS ±0.0**") != std::string::npos);
}

TEST_CASE("csv report: BOM, one line per segment row") {
  report_store s;
  fill_hostile(s);
  auto data = build_report(*s.db, {});
  auto csv = render_csv_report(data);
  CHECK(csv.rfind("\xEF\xBB\xBF"
                  "dimension,value,responses,",
                  0) == 0);
  size_t rows = 0;
  for (const auto &b : data.breakdowns)
    rows += b.rows.size();
  CHECK(count_of(csv, "\r\n") == rows + 1);
}

namespace {

// The column titles of the first table after `heading` in an HTML report.
std::vector<std::string> html_titles(const std::string &html, const std::string &heading) {
  const auto from = html.find(heading), to = html.find("</thead>", from);
  REQUIRE(to != std::string::npos);
  std::vector<std::string> titles;
  std::regex th("<th[^>]*>([^<]*)</th>");
  for (auto it = std::sregex_iterator(html.begin() + from, html.begin() + to, th);
       it != std::sregex_iterator(); ++it)
    titles.push_back((*it)[1]);
  return titles;
}

// The column titles of the first table after `heading` in a Markdown report.
std::vector<std::string> markdown_titles(const std::string &md, const std::string &heading) {
  const auto line = md.find("\n|", md.find(heading));
  REQUIRE(line != std::string::npos);
  const auto from = line + 1;
  std::vector<std::string> titles;
  std::regex cell("\\| ([^|]+) (?=\\|)");
  const auto end = md.begin() + md.find('\n', from);
  for (auto it = std::sregex_iterator(md.begin() + from, end, cell); it != std::sregex_iterator();
       ++it)
    titles.push_back((*it)[1]);
  return titles;
}

} // namespace

TEST_CASE("the data-quality table has the same columns in html and markdown") {
  report_store s;
  fill_hostile(s);
  auto data = build_report(*s.db, {});
  auto html = html_titles(render_html_report(data), "<section id=\"quality\">");
  auto md = markdown_titles(render_markdown_report(data), "## Data quality");
  CHECK(html.size() >= 10);
  CHECK(html == md);
  CHECK(std::find(md.begin(), md.end(), "Unmapped columns") != md.end());
}

TEST_CASE("a report table escapes its cells for html and for markdown") {
  table t{{{"Name"}, {"n", align::right}}, {{{"a|b <i>"}, {"1", true}}}};
  t.rows[0][1].html_class = "down";
  CHECK(html_table(t) == "<table><thead><tr><th>Name</th><th class=\"num\">n</th></tr></thead>"
                         "<tbody><tr><td>a|b &lt;i&gt;</td><td class=\"num down\">1" +
                             html::small_flag(true) + "</td></tr></tbody></table>");
  CHECK(markdown_table(t) ==
        "| Name | n |\n|---|---:|\n| a\\|b &lt;i&gt; | 1 ⚠ small sample |\n\n");
}
