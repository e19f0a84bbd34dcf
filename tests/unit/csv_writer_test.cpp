// The one CSV writer of reports and exports: RFC 4180 quoting, and text a
// spreadsheet would run as a formula defused while numbers stay numbers.
#include "report/csv_report.hpp"
#include "report/csv_writer.hpp"
#include "report/exporter.hpp"
#include "report_fixture.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace rebuy::core;
using rebuy_test::report_store;

TEST_CASE("csv field: formulas get a leading apostrophe") {
  CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(csv_field("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0");
  CHECK(csv_field("-2+3") == "'-2+3");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("\t=1") == "'\t=1");
  CHECK(csv_field("\r=1") == "\"'\r=1\"");
  CHECK(csv_field("-") == "'-");
  CHECK(csv_field("+") == "'+");
  CHECK(csv_field("-1e") == "'-1e");
  CHECK(csv_field("- not so good") == "'- not so good");
}

TEST_CASE("csv field: numbers stay numbers") {
  for (const char *number : {"-3", "+1.5", "-0.25", "-.5", "+7.", "-1e5", "-2.5E-3", "42"})
    CHECK(csv_field(number) == number);
}

TEST_CASE("csv field: quoted only when it must be") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("a=b") == "a=b"); // only the first character matters
}

TEST_CASE("export csv: hostile cells are defused like the report's, numbers are not") {
  report_store s;
  s.add({.id = 1,
         .customer = "+cmd|' /C calc'!A0",
         .text = "=HYPERLINK(\"http://x\",\"y\")",
         .segment = "@SUM(1)",
         .product = "-3"});
  s.score(1, "text_signals", "sentiment", -0.25);
  std::ostringstream out;
  CHECK(export_responses(*s.db, export_format::csv, out) == 1);
  const std::string csv = out.str();
  CHECK(csv.find(",'+cmd|' /C calc'!A0,") != std::string::npos);
  CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"") != std::string::npos);
  CHECK(csv.find(",'@SUM(1),") != std::string::npos);
  CHECK(csv.find(",-3,") != std::string::npos);
  CHECK(csv.find(",-0.25\r\n") != std::string::npos);
  CHECK(csv.find(",=") == std::string::npos);
  CHECK(csv.find(",+") == std::string::npos);
  CHECK(csv.find(",@") == std::string::npos);
}

TEST_CASE("report csv: a segment named like a formula is defused") {
  report_store s;
  for (int id = 1; id <= 4; ++id) {
    s.add({.id = id, .segment = "=1+1"});
    s.answer(id, "definitely", 1);
  }
  auto csv = render_csv_report(build_report(*s.db, {}));
  CHECK(csv.find(",'=1+1,") != std::string::npos);
  CHECK(csv.find(",=1+1,") == std::string::npos);
}
