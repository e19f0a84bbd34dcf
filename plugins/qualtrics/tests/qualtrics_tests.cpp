// The Qualtrics importer through its C ABI, on files written to the documented
// layouts: three header rows, the legacy two, status skips, time zones.
#include "qualtrics_importer.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

namespace {

using csv_test::run_ok;
std::string sample() { return csv_test::test_file("qualtrics", "check_sample.csv"); }

// A three-row header over `columns` with a plain ImportId row, then `rows`.
std::string export_of(const std::string &tags, const std::string &labels,
                      const std::vector<std::string> &rows) {
  size_t columns = size_t(std::count(tags.begin(), tags.end(), ',')) + 1;
  std::string ids;
  for (size_t c = 0; c < columns; ++c)
    ids +=
        (c ? "," : "") + std::string("\"{\"\"ImportId\"\":\"\"QID") + std::to_string(c) + "\"\"}\"";
  std::string text = tags + "\n" + labels + "\n" + ids + "\n";
  for (const auto &row : rows)
    text += row + "\n";
  return text;
}

} // namespace

TEST_CASE("qualtrics: the sample export: every row stored or skipped with its rule") {
  auto r = run_ok(sample());
  CHECK(r.records.size() == 3);
  CHECK(r.rejects.empty());
  REQUIRE(r.skips.size() == 4);
  CHECK(r.kind == REBUY_RECORD_SURVEY);

  // Row 2's first label spans two lines, so the data starts on line 5.
  CHECK(r.skips[0].line == 6);
  CHECK(r.skips[0].reason == "Status 1 (survey preview): previews are not responses; --option "
                             "include_previews=1 imports them");
  CHECK(r.skips[1].line == 7);
  CHECK(r.skips[1].reason.rfind("Status 2 (test response)", 0) == 0);
  CHECK(r.skips[2].line == 8);
  CHECK(r.skips[2].reason.rfind("Status 8 (spam)", 0) == 0);
  CHECK(r.skips[2].reason.find("include_spam=1") != std::string::npos);
  CHECK(r.skips[3].line == 12); // status 17, offline preview
  CHECK(r.skips[3].reason.rfind("Status 17 (survey preview)", 0) == 0);
  CHECK(r.skips[3].raw.find("R_0ffl1nePrev1ew01") != std::string::npos);

  std::vector<uint64_t> lines;
  for (const auto &rec : r.records)
    lines.push_back(rec.line);
  CHECK(lines == std::vector<uint64_t>{5, 9, 11}); // status 0, 4 (two lines), 16
}

TEST_CASE("qualtrics: columns are named by export tag, roles come from tags and labels") {
  auto r = run_ok(sample());
  REQUIRE(r.columns.size() == 25);
  CHECK(r.columns[0].first == "StartDate");
  CHECK(r.role_of("ResponseId") == REBUY_ROLE_ID);
  CHECK(r.role_of("RecordedDate") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("EndDate") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("StartDate") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("Status") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("RecipientEmail") == REBUY_ROLE_CUSTOMER); // no external reference is filled
  CHECK(r.role_of("ExternalReference") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("DistributionChannel") == REBUY_ROLE_CHANNEL);
  CHECK(r.role_of("UserLanguage") == REBUY_ROLE_LANGUAGE);
  CHECK(r.role_of("Q1") == REBUY_ROLE_ATTRIBUTE); // a multi-select
  CHECK(r.role_of("Q2") == REBUY_ROLE_BUY_AGAIN); // "Would you buy from us again?"
  CHECK(r.role_of("Q3") == REBUY_ROLE_NPS);       // "How likely ... recommend", 0-10
  CHECK(r.role_of("Q4") == REBUY_ROLE_TEXT);      // "What is the main reason for your score?"
  // Qualtrics' own computations are kept, never taken for the customer's answer.
  CHECK(r.role_of("Q3_NPS_GROUP") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("Q4 - Sentiment") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("Q4 - Sentiment Score") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("Q4 - Topics") == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("qualtrics: a record carries every non-blank column, dates get row 3's zone") {
  auto r = run_ok(sample());
  const auto &first = r.records.at(0);
  CHECK(first.role(REBUY_ROLE_ID) == "R_1a2B3c4D5e6F7g8");
  CHECK(first.role(REBUY_ROLE_SUBMITTED_AT) == "2024-05-01 09:04:12 America/Denver");
  CHECK(first.get("StartDate") == "2024-05-01 09:00:12 America/Denver");
  CHECK(first.get("EndDate") == "2024-05-01 09:04:12 America/Denver");
  CHECK(first.get("Duration (in seconds)") == "240"); // no zone where row 3 gives none
  CHECK(first.role(REBUY_ROLE_CUSTOMER) == "ana@example.com");
  CHECK(first.role(REBUY_ROLE_NPS) == "9");
  CHECK(first.role(REBUY_ROLE_BUY_AGAIN) == "Definitely yes");
  CHECK(first.role(REBUY_ROLE_TEXT) == "Fast delivery & friendly staff, I'll be back.");
  CHECK(first.get("Q1") == "Shoes,Socks");
  CHECK(first.get("Q3_NPS_GROUP") == "Promoter");
  CHECK(first.get("Q4 - Sentiment Score") == "1.6");
  CHECK(!first.get("RecipientLastName")); // blank cells are left out
  CHECK(first.fields.size() == 22);

  CHECK(r.records.at(1).role(REBUY_ROLE_TEXT) ==
        "The socks shrank after one wash.\nI had to send them back.");
  CHECK(!r.records.at(2).role(REBUY_ROLE_CUSTOMER));
}

TEST_CASE("qualtrics: include_previews, include_tests and include_spam import those rows") {
  auto r = run_ok(sample(), {{"include_previews", "1"}});
  CHECK(r.records.size() == 5);
  CHECK(r.skips.size() == 2);
  r = run_ok(sample(), {{"include_previews", "1"}, {"include_tests", "1"}, {"include_spam", "1"}});
  CHECK(r.records.size() == 7);
  CHECK(r.skips.empty());
  CHECK(r.records.at(1).role(REBUY_ROLE_ID) == "R_preview000000001");
  r = run_ok(sample(), {{"include_previews", "no"}, {"include_spam", "yes"}});
  CHECK(r.records.size() == 4);
  auto bad = csv_test::run(sample(), {{"include_tests", "sometimes"}});
  CHECK(bad.status == REBUY_ERROR);
  CHECK(bad.error == "option include_tests must be 1 or 0, not \"sometimes\"");
}

TEST_CASE("qualtrics: choice-text status labels are skipped like their codes") {
  auto r = run_ok(export_of("Status,ResponseId,Q1", "Response Type,Response ID,Comments",
                            {"IP Address,R_1,fine", "Survey Preview,R_2,x", "Survey Test,R_3,y",
                             "Spam,R_4,z", "Imported,R_5,ok", "Offline Survey Preview,R_6,w"}));
  CHECK(r.records.size() == 2);
  REQUIRE(r.skips.size() == 4);
  CHECK(r.skips[0].reason.rfind("Status \"Survey Preview\" (survey preview)", 0) == 0);
  CHECK(r.skips[1].reason.rfind("Status \"Survey Test\" (test response)", 0) == 0);
  CHECK(r.skips[2].reason.rfind("Status \"Spam\" (spam)", 0) == 0);
  CHECK(r.skips[3].reason.rfind("Status \"Offline Survey Preview\" (survey preview)", 0) == 0);
}

TEST_CASE("qualtrics: --map takes a tag or a question label") {
  auto r = run_ok(sample(), {{"map", "text=Would you buy from us again?"}});
  CHECK(r.role_of("Q2") == REBUY_ROLE_TEXT);
  r = run_ok(sample(),
             {{"attribute", "how likely are you to recommend us to a friend or colleague?"},
              {"map", "segment=Q1"}});
  CHECK(r.role_of("Q3") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("Q1") == REBUY_ROLE_SEGMENT);
  CHECK(r.records.at(0).role(REBUY_ROLE_SEGMENT) == "Shoes,Socks");
  auto bad = csv_test::run(sample(), {{"map", "nps=Q99"}});
  CHECK(bad.status == REBUY_ERROR);
  CHECK(bad.error.find("no column \"Q99\"") != std::string::npos);
}

TEST_CASE("qualtrics: the external reference is the customer when the export fills it") {
  auto r = run_ok(export_of("ResponseId,RecipientEmail,ExternalReference,Q1",
                            "Response ID,Recipient Email,External Data Reference,Q1",
                            {"R_1,a@example.com,CUST-17,x", "R_2,b@example.com,,y"}));
  CHECK(r.role_of("ExternalReference") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("RecipientEmail") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.records.at(0).role(REBUY_ROLE_CUSTOMER) == "CUST-17");
  CHECK(r.records.at(1).get("RecipientEmail") == "b@example.com");
}

TEST_CASE("qualtrics: without RecordedDate the end date is the submission time") {
  auto r = run_ok(export_of("StartDate,EndDate,ResponseId", "Start Date,End Date,Response ID",
                            {"2024-01-01 10:00:00,2024-01-01 10:05:00,R_1"}));
  CHECK(r.role_of("EndDate") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.records.at(0).role(REBUY_ROLE_SUBMITTED_AT) == "2024-01-01 10:05:00"); // no zone given
}

TEST_CASE("qualtrics: a zone that is not an IANA id is not passed on") {
  std::string text = "EndDate,ResponseId\nEnd Date,Response ID\n"
                     "\"{\"\"ImportId\"\":\"\"endDate\"\",\"\"timeZone\"\":\"\"x; DROP\"\"}\","
                     "\"{\"\"ImportId\"\":\"\"_recordId\"\"}\"\n2024-01-01 10:05:00,R_1\n";
  auto r = run_ok(text);
  CHECK(r.records.at(0).role(REBUY_ROLE_SUBMITTED_AT) == "2024-01-01 10:05:00");
}

TEST_CASE("qualtrics: the legacy layout with a BOM, CRLF and a trailing comma") {
  auto r = run_ok(csv_test::test_file("qualtrics", "legacy.csv"));
  CHECK(r.columns.size() == 12); // the trailing comma is no column
  CHECK(r.columns[0].first == "ResponseID");
  CHECK(r.columns[6].first == "Status");
  CHECK(r.columns[10].first == "Q1");
  CHECK(r.role_of("ResponseID") == REBUY_ROLE_ID);
  CHECK(r.role_of("EndDate") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("EmailAddress") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("Q1") == REBUY_ROLE_NPS);
  CHECK(r.role_of("Q2") == REBUY_ROLE_TEXT);
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].line == 3);
  CHECK(r.records[0].role(REBUY_ROLE_NPS) == "10");
  CHECK(r.records[1].line == 5); // without the trailing comma it fits too
  REQUIRE(r.skips.size() == 1);
  CHECK(r.skips[0].line == 4);
}

TEST_CASE("qualtrics: labels in German, row 3 without a zone, topics kept as written") {
  auto r = run_ok(csv_test::test_file("qualtrics", "german_labels.csv"));
  CHECK(r.records.size() == 2);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  CHECK(r.columns.size() == 20);
  CHECK(r.role_of("ResponseId") == REBUY_ROLE_ID);
  CHECK(r.role_of("RecordedDate") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("Q2") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("Q2 - Topics") == REBUY_ROLE_ATTRIBUTE);
  const auto &rec = r.records.at(0);
  CHECK(rec.line == 4);
  CHECK(rec.role(REBUY_ROLE_ID) == "R_3kGermanTest01a");
  CHECK(rec.role(REBUY_ROLE_SUBMITTED_AT) == "2023-03-14 09:15:03"); // row 3 gives no zone
  CHECK(rec.role(REBUY_ROLE_TEXT) == "Die Schuhe kamen schnell an und passen gut.");
  CHECK(rec.role(REBUY_ROLE_LANGUAGE) == "DE");
  CHECK(rec.get("Q1") == "2");
  CHECK(r.records.at(1).get("Q2 - Topics") == "Größe");
}

TEST_CASE("qualtrics: LF, bare CR, mixed line ends and tiny reads give the same rows") {
  csv_test::check_same_rows_whatever_line_ends(sample());
}

TEST_CASE("qualtrics: ragged and unterminated rows are rejects with line and reason") {
  auto r = run_ok(export_of("ResponseId,Q1,Q2", "Response ID,Q1,Q2",
                            {"R_1,a,b", "R_2,a", "R_3,a,b,c", "", ",,", "R_4,\"never ends"}));
  CHECK(r.records.size() == 1);
  REQUIRE(r.rejects.size() == 3);
  CHECK(r.rejects[0].line == 5);
  CHECK(r.rejects[0].reason == "expected 3 fields, found 2");
  CHECK(r.rejects[0].raw == "R_2,a");
  CHECK(r.rejects[1].reason == "expected 3 fields, found 4");
  CHECK(r.rejects[2].line == 9);
  CHECK(r.rejects[2].reason == "unterminated quoted field starting at line 9");
  REQUIRE(r.skips.size() == 2);
  CHECK(r.skips[0].reason == "blank line");
  CHECK(r.skips[1].reason == "empty row: every field is blank");
  CHECK(r.rows() == 6);
}

TEST_CASE("qualtrics: broken headers are errors naming the row and line") {
  auto r = csv_test::run("StartDate,ResponseId\n");
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error.find("no header row 2") != std::string::npos);

  r = csv_test::run("StartDate,ResponseId\nStart Date,Response ID\n2024-01-01,R_1\n");
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error.find("header row 3 on line 3 is not Qualtrics' ImportId row") != std::string::npos);

  r = csv_test::run("StartDate,ResponseId,Q1\nStart Date,Response ID\n\"{\"\"ImportId\"\":1}\"\n");
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error.find("header row 2 on line 2 has 2 fields, header row 1 has 3") !=
        std::string::npos);

  r = csv_test::run("StartDate,ResponseId\nStart Date,\"Response ID\n");
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error.find("header row 2 (question labels) on line 2 never ends") != std::string::npos);
}

TEST_CASE("qualtrics: duplicate and blank tags get stable unique names") {
  auto r = run_ok(export_of("ResponseId,Q1,Q1,", "Response ID,First,Second,Third", {"R_1,a,b,c"}));
  REQUIRE(r.columns.size() == 4);
  CHECK(r.columns[1].first == "Q1");
  CHECK(r.columns[2].first == "Q1 (2)");
  CHECK(r.columns[3].first == "column_4");
  CHECK(r.records.at(0).get("Q1 (2)") == "b");
}

TEST_CASE("qualtrics: hostile ImportId cells neither crash nor leak into values") {
  std::string deep =
      "\"{\"\"ImportId\"\":\"\"x\"\",\"\"timeZone\"\":" + std::string(200000, '[') + "\"";
  auto r = run_ok("EndDate,ResponseId\nEnd Date,Response ID\n" + deep +
                  ",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\"\n2024-01-01 10:05:00,R_1\n");
  CHECK(r.records.at(0).role(REBUY_ROLE_SUBMITTED_AT) == "2024-01-01 10:05:00");
}

TEST_CASE("qualtrics: used directly it keeps the labels of row 2") {
  std::string text = sample();
  csv_test::chunked_input in(text);
  rebuy_qualtrics::qualtrics_importer importer(rebuy::host(nullptr), rebuy::input(in.get()),
                                               rebuy::options(nullptr, 0));
  CHECK(!importer.legacy());
  CHECK(importer.labels().at(19) == "How likely are you to recommend us to a friend or colleague?");
  CHECK(importer.labels().at(17) == "Which products did you buy?\n(select all that apply)");
}

TEST_CASE("qualtrics: the plugin identifies itself") {
  const rebuy_plugin_info *info = rebuy_plugin_entry_v1();
  CHECK(info->kind == REBUY_KIND_IMPORTER);
  CHECK(rebuy::to_view(info->id) == "qualtrics");
}
