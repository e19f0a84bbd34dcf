// The one CSV writer of reports and exports: RFC 4180 quoting, and text a
// spreadsheet would run as a formula defused while numbers stay numbers.
#include "report/csv_report.hpp"
#include "report/csv_writer.hpp"
#include "report/exporter.hpp"
#include "report_fixture.hpp"
#include "store/score_store.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <sstream>
#include <vector>

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

// Exports are read and formatted a chunk of ids at a time by two workers on connections of their
// own: the lines still come in id order, each with its own scores, across chunks and across a
// chunk with no response at all.
TEST_CASE("export: many responses come out in order with their scores") {
  report_store s;
  std::vector<int> ids;
  for (int id = 1; id <= 14'000; ++id) // a few of the exporter's chunks of 4,096 ids
    if (id < 4'000 || id >= 8'500) ids.push_back(id);
  {
    sql::transaction tx(*s.db);
    for (int id : ids)
      s.add({.id = id, .text = "comment " + std::to_string(id)});
    score_store store(*s.db);
    metric_appender sentiment(store, store.metric_id("text_signals", "sentiment"));
    for (int id : ids)
      if (id % 2 == 0) sentiment.add(id, id / 100000.0, {}, "evidence " + std::to_string(id));
    sentiment.finish();
    tx.commit();
  }
  std::ostringstream csv, jsonl;
  CHECK(export_responses(*s.db, export_format::csv, csv) == ids.size());
  CHECK(export_responses(*s.db, export_format::jsonl, jsonl) == ids.size());
  std::istringstream csv_lines(csv.str()), json_lines(jsonl.str());
  std::string line;
  std::getline(csv_lines, line); // the header
  for (int id : ids) {
    REQUIRE(std::getline(csv_lines, line));
    const std::string sentiment = id % 2 ? "" : fmt::format("{}", id / 100000.0);
    REQUIRE(line == fmt::format(",web,survey,,,,,,,,,,,,,,,,,,,,,comment {},{}\r", id, sentiment));
    REQUIRE(std::getline(json_lines, line));
    REQUIRE(line.find(fmt::format("\"text\":\"comment {}\"", id)) != std::string::npos);
    CHECK((line.find(fmt::format("\"evidence\":\"evidence {}\"", id)) != std::string::npos) ==
          (id % 2 == 0));
  }
  CHECK_FALSE(std::getline(csv_lines, line));
  CHECK_FALSE(std::getline(json_lines, line));
}
