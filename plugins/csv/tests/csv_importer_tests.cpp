// The importer through its C ABI: rows, rejects, skips, headers, options.
#include "csv_importer.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using csv_test::run;

TEST_CASE("importer: records carry line numbers, kinds and named role fields") {
  auto r = run("id,rating,comment\n1,5,Great\n2,3,\"Late, but fine\"\n");
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.kind == REBUY_RECORD_REVIEW);
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].line == 2);
  CHECK(r.records[0].kind == REBUY_RECORD_REVIEW);
  CHECK(r.records[1].role(REBUY_ROLE_ID) == "2");
  CHECK(r.records[1].role(REBUY_ROLE_RATING) == "3");
  CHECK(r.records[1].role(REBUY_ROLE_TEXT) == "Late, but fine");
  CHECK(r.records[1].fields[2].name == "comment");
}

TEST_CASE("importer: a survey with NPS is a survey") {
  auto r = run("rating,How likely are you to recommend us?\n4,9\n");
  CHECK(r.kind == REBUY_RECORD_SURVEY);
  CHECK(r.records.at(0).kind == REBUY_RECORD_SURVEY);
}

TEST_CASE("importer: empty cells give no field, role values are trimmed, attributes verbatim") {
  auto r = run("id,nps,note\n1, 9 ,  spaced  \n2,,\n");
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].get("nps") == "9");
  CHECK(r.records[0].get("note") == "  spaced  ");
  CHECK(r.records[1].fields.size() == 1);
}

TEST_CASE("importer: ragged rows are rejects with their line and raw text") {
  auto r = run("a,b,c\n1,2,3\n1,2\n\"x\ny\",2,3,4\n5,6,7\n");
  REQUIRE(r.rejects.size() == 2);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.rejects[0].reason == "expected 3 fields, found 2");
  CHECK(r.rejects[0].raw == "1,2");
  CHECK(r.rejects[1].line == 4);
  CHECK(r.rejects[1].reason == "expected 3 fields, found 4");
  CHECK(r.rejects[1].raw == "\"x\ny\",2,3,4");
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[1].line == 6);
}

TEST_CASE("importer: extra fields that are all empty are accepted") {
  auto r = run("a,b\n1,2,\n3,4,,\n5,6,x\n");
  CHECK(r.records.size() == 2);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 4);
}

TEST_CASE("importer: blank lines are skips, rows of empty cells too") {
  auto r = run("\na,b\n1,2\n\n\r\n,\n3,4\n");
  REQUIRE(r.skips.size() == 4);
  CHECK(r.skips[0].line == 1);
  CHECK(r.skips[0].reason == "blank line");
  CHECK(r.skips[1].line == 4);
  CHECK(r.skips[2].line == 5);
  CHECK(r.skips[3].line == 6);
  CHECK(r.skips[3].reason == "empty row: every field is blank");
  CHECK(r.records.size() == 2);
  CHECK(r.columns.size() == 2);
}

TEST_CASE("importer: an unterminated quote at the end is one reject") {
  auto r = run("a,b\n1,2\n3,\"never closed\n4,5\n");
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.rejects[0].reason == "unterminated quoted field starting at line 3");
  CHECK(r.rejects[0].raw == "3,\"never closed\n4,5\n");
  CHECK(r.records.size() == 1);
}

TEST_CASE("importer: an unterminated quote opening on a later line names that line") {
  auto r = run("a,b\n\"multi\nline\",\"open\nstill open");
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 2);
  CHECK(r.rejects[0].reason == "unterminated quoted field starting at line 3");
}

TEST_CASE("importer: blank and duplicate header names are made unique") {
  auto r = run("Name,,Name,Name (2),Name, \n1,2,3,4,5,6\n");
  REQUIRE(r.columns.size() == 6);
  CHECK(r.columns[0].first == "Name");
  CHECK(r.columns[1].first == "column_2");
  CHECK(r.columns[2].first == "Name (3)");
  CHECK(r.columns[3].first == "Name (2)");
  CHECK(r.columns[4].first == "Name (4)");
  CHECK(r.columns[5].first == "column_6");
  CHECK(r.records.at(0).get("Name (3)") == "3");
  CHECK(r.records.at(0).get("Name (2)") == "4");
}

TEST_CASE("importer: a byte order mark does not end up in the first name") {
  auto r = run("\xEF\xBB\xBFid,comment\n1,x\n");
  CHECK(r.columns.at(0).first == "id");
  CHECK(r.role_of("id") == REBUY_ROLE_ID);
}

TEST_CASE("importer: TSV and semicolon files are detected") {
  auto tsv = run("id\treview\tstars\n1\tGood, really\t5\n");
  REQUIRE(tsv.records.size() == 1);
  CHECK(tsv.records[0].get("review") == "Good, really");
  auto semi = run("id;comment;score\n1;Prix 1,5 EUR;4\n");
  REQUIRE(semi.records.size() == 1);
  CHECK(semi.records[0].get("comment") == "Prix 1,5 EUR");
  CHECK(semi.role_of("score") == REBUY_ROLE_RATING);
}

TEST_CASE("importer: the delimiter option overrides detection") {
  auto r = run("a;b,c\n1;2,3\n", {{"delimiter", ","}});
  CHECK(r.columns.size() == 2);
  r = run("a,b\tc\n1,2\t3\n", {{"delimiter", "tab"}});
  CHECK(r.columns.size() == 2);
  r = run("a,b\tc\n1,2\t3\n", {{"delimiter", "\\t"}});
  CHECK(r.columns.size() == 2);
  r = run("a,b\n1,2\n", {{"delimiter", "|"}});
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error.find("delimiter must be") != std::string::npos);
}

TEST_CASE("importer: map overrides the guess and moves single-valued roles") {
  auto r = run("id,Score,Q1\n1,9,Loved it\n2,4,Meh\n", {{"map", "nps=Score"}, {"map", "text=q1"}});
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.role_of("Score") == REBUY_ROLE_NPS);
  CHECK(r.role_of("Q1") == REBUY_ROLE_TEXT);
  CHECK(r.kind == REBUY_RECORD_SURVEY);

  r = run("rating,stars\n1,2\n", {{"map", "rating=stars"}});
  CHECK(r.role_of("stars") == REBUY_ROLE_RATING);
  CHECK(r.role_of("rating") == REBUY_ROLE_ATTRIBUTE);

  r = run("id,comment\n1,x\n", {{"map", "attribute=comment"}, {"attribute", "id"}});
  CHECK(r.role_of("comment") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("id") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.records.at(0).fields.at(0).role == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("importer: map matches the exact name before ignoring case") {
  auto r = run("Note,note\nA,b\n", {{"map", "text=note"}});
  CHECK(r.role_of("note") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("Note") == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("importer: map errors list what exists") {
  auto r = run("a,b\n1,2\n", {{"map", "promoter=a"}});
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error.find("unknown role \"promoter\"") != std::string::npos);
  CHECK(r.error.find("buy_again") != std::string::npos);

  r = run("a,b\n1,2\n", {{"map", "nps=c"}});
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error.find("no column \"c\"") != std::string::npos);
  CHECK(r.error.find("\"a\", \"b\"") != std::string::npos);

  r = run("a,b\n1,2\n", {{"map", "nps"}});
  CHECK(r.error.find("not ROLE=COLUMN") != std::string::npos);

  r = run("a,b\n1,2\n", {{"map", "nps=a"}, {"map", "nps=b"}});
  CHECK(r.error.find("mapped twice") != std::string::npos);

  r = run("a,b\n1,2\n", {{"attribute", "zz"}});
  CHECK(r.error.find("no column \"zz\"") != std::string::npos);
}

TEST_CASE("importer: HTML entities are decoded in text and title only") {
  auto r = run("title,comment,tag\nIt&#39;s &amp; more,I don&#x27;t &lt;3 it&nbsp;!,a&amp;b\n");
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].get("title") == "It's & more");
  CHECK(r.records[0].get("comment") == "I don't <3 it\xC2\xA0!");
  CHECK(r.records[0].get("tag") == "a&amp;b");
}

TEST_CASE("importer: rows in equal records plus rejects plus skips, every batch size") {
  std::string text = "id,comment\n";
  size_t rows = 0;
  for (int i = 0; i < 1300; ++i) {
    if (i % 97 == 0)
      text += "\n"; // blank
    else if (i % 89 == 0)
      text += std::to_string(i) + ",a,b\n"; // ragged
    else if (i % 83 == 0)
      text += std::to_string(i) + ",\"two\nlines\"\n";
    else
      text += std::to_string(i) + ",text " + std::to_string(i) + "\n";
    ++rows;
  }
  for (size_t batch : {size_t{1}, size_t{7}, size_t{500}, size_t{1024}, size_t{5000}}) {
    auto r = run(text, {}, {}, batch);
    CHECK(r.rows() == rows);
    CHECK(r.skips.size() == 14);
    CHECK(r.rejects.size() == 14);
    // records come out in file order with increasing lines
    for (size_t i = 1; i < r.records.size(); ++i)
      CHECK(r.records[i].line > r.records[i - 1].line);
    if (batch == 1) CHECK(r.batches == rows);
  }
}

TEST_CASE("importer: the result does not depend on read() chunk sizes") {
  std::string text = "\xEF\xBB\xBFid,comment,stars\r\n1,\"multi\r\nline \"\"q\"\"\",5\r\n\r\n"
                     "2,plain,4\r3,\"x\ny\",3\n4,ragged\n5,\"open";
  auto expected = run(text);
  REQUIRE(expected.records.size() == 3);
  REQUIRE(expected.rejects.size() == 2);
  REQUIRE(expected.skips.size() == 1);
  CHECK(expected.records[0].get("comment") == "multi\r\nline \"q\"");
  CHECK(expected.records[1].line == 5);
  CHECK(expected.records[2].line == 6);
  CHECK(expected.rejects[0].line == 8);
  CHECK(expected.rejects[1].line == 9);
  for (const auto &pattern : csv_test::chunk_patterns()) {
    auto r = run(text, {}, pattern);
    REQUIRE(r.records.size() == expected.records.size());
    for (size_t i = 0; i < r.records.size(); ++i) {
      CHECK(r.records[i].line == expected.records[i].line);
      CHECK(r.records[i].get("comment") == expected.records[i].get("comment"));
    }
    REQUIRE(r.rejects.size() == expected.rejects.size());
    for (size_t i = 0; i < r.rejects.size(); ++i) {
      CHECK(r.rejects[i].line == expected.rejects[i].line);
      CHECK(r.rejects[i].raw == expected.rejects[i].raw);
    }
    CHECK(r.skips.size() == expected.skips.size());
  }
}

TEST_CASE("importer: rows past the sample are read the same way as the sample") {
  std::string text = "id,nps\n";
  for (int i = 0; i < 2000; ++i)
    text += std::to_string(i) + "," + std::to_string(i % 11) + "\n";
  auto r = run(text, {}, {3, 5});
  REQUIRE(r.records.size() == 2000);
  CHECK(r.role_of("nps") == REBUY_ROLE_NPS);
  CHECK(r.records[1999].line == 2001);
  CHECK(r.records[1999].get("id") == "1999");
  CHECK(r.records[1999].get("nps") == std::to_string(1999 % 11));
}

TEST_CASE("importer: an empty input cannot be opened") {
  auto r = run("");
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error.find("no header line") != std::string::npos);
  r = run("\n\n\r\n");
  CHECK(r.status == REBUY_ERROR);
}

TEST_CASE("importer: a header that never ends cannot be opened") {
  auto r = run("id,\"comment\n1,2\n");
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error.find("unterminated quoted field starting at line 1") != std::string::npos);
}

TEST_CASE("importer: a header-only file has columns and no rows") {
  auto r = run("id,comment\n");
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.columns.size() == 2);
  CHECK(r.rows() == 0);
}

TEST_CASE("importer: cancellation is checked once per batch") {
  csv_test::chunked_input in("a,b\n1,2\n");
  rebuy_host h{};
  h.struct_size = sizeof(h);
  h.cancelled = [](void *) -> int32_t { return 1; };
  const rebuy_importer_api *api = rebuy_plugin_entry_v1()->importer;
  rebuy_importer *imp = nullptr;
  REQUIRE(api->open(&h, in.get(), nullptr, 0, &imp, nullptr) == REBUY_OK);
  rebuy_batch b{};
  b.struct_size = sizeof(b);
  CHECK(api->read_batch(imp, 10, &b, nullptr) == REBUY_CANCELLED);
  api->close(imp);
}

TEST_CASE("importer: a read error from the host fails the call") {
  rebuy_input in{};
  in.struct_size = sizeof(in);
  in.read = [](void *, char *, size_t) -> int64_t { return -1; };
  auto r = csv_test::run(&in);
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error == "read error");
}

TEST_CASE("importer: the plugin identifies itself") {
  const rebuy_plugin_info *info = rebuy_plugin_entry_v1();
  CHECK(info->kind == REBUY_KIND_IMPORTER);
  CHECK(rebuy::to_view(info->id) == "csv");
  CHECK(rebuy::to_view(info->name) == "CSV / TSV");
  CHECK(info->abi_major == REBUY_ABI_MAJOR);
}

TEST_CASE("importer: used directly, with tight limits, oversized rows are rejects") {
  csv_test::chunked_input in(
      "id\tcomment\n1\t" + std::string(200, 'x') + "\n2\tok\n3\ta\tb\tc\td\n", {5});
  rebuy::csv_limits limits;
  limits.max_record_bytes = 100;
  limits.max_fields = 3;
  rebuy_csv::csv_importer importer(rebuy::host(nullptr), rebuy::input(in.get()),
                                   rebuy::options(nullptr, 0), limits);
  CHECK(importer.delimiter() == '\t');
  CHECK(importer.column_names() == std::vector<std::string>{"id", "comment"});
  CHECK(importer.roles() == std::vector<rebuy_role>{REBUY_ROLE_ID, REBUY_ROLE_TEXT});
  CHECK(importer.kind() == REBUY_RECORD_SURVEY);

  rebuy::batch_builder out;
  CHECK(!importer.read_batch(out, 100));
  rebuy_batch b{};
  b.struct_size = sizeof(b);
  out.finish(&b);
  REQUIRE(b.record_count == 1);
  CHECK(b.records[0].line == 3);
  REQUIRE(b.reject_count == 2);
  CHECK(rebuy::to_view(b.rejects[0].reason) == "row longer than 100 bytes");
  CHECK(b.rejects[0].line == 2);
  CHECK(rebuy::to_view(b.rejects[1].reason) == "row has more than 3 fields");
  CHECK(b.rejects[1].line == 4);
}
