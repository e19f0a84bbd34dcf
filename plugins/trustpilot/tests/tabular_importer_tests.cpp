// The SDK's tabular_importer.hpp, driven through the trustpilot plugin: the
// behaviour every tabular importer shares.
#include "importer_checks.hpp"

#include <rebuy/string_input.hpp>
#include <rebuy/tabular_importer.hpp>

#include <doctest/doctest.h>

using csv_test::run;

namespace {
const std::string header = "Review Id,Review Created (UTC),Review Stars,Review Content\n";
}

TEST_CASE("tabular: header names match ignoring case, spaces and punctuation") {
  CHECK(rebuy::header_is("Review ID", "Review Id"));
  CHECK(rebuy::header_is("review_id", "Review Id"));
  CHECK(rebuy::header_is("ReviewId", "Review Id"));
  CHECK(rebuy::header_is("Reply Content", "Company Response|Reply Content"));
  CHECK_FALSE(rebuy::header_is("Review Ids", "Review Id"));
  CHECK_FALSE(rebuy::header_is("Review", "Review Id"));
  // Non-ASCII letters count: two Chinese headers are not one name.
  CHECK_FALSE(rebuy::header_is("日期", "評論"));
  CHECK(rebuy::header_is("日期 ", "日期"));
}

TEST_CASE("tabular: head_header reads the first non-blank record, not JSON or binary") {
  CHECK(rebuy::head_header("\n\na;b;c\n1;2;3\n") == std::vector<std::string>{"a", "b", "c"});
  CHECK(rebuy::head_header("x\ty\n") == std::vector<std::string>{"x", "y"});
  CHECK(rebuy::head_header("{\"a\":1}\n").empty());
  CHECK(rebuy::head_header(std::string("a,b\0c", 5)).empty());
  CHECK(rebuy::head_header("\"never closed,a\n").empty());
}

TEST_CASE("tabular: records carry line, kind, roles, roles trimmed, attributes verbatim") {
  auto r = run(header + "r1,2025-03-02 10:12:00, 5 ,\"Fine, &amp; fast\"\n");
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.kind == REBUY_RECORD_REVIEW);
  REQUIRE(r.records.size() == 1);
  const auto &rec = r.records[0];
  CHECK(rec.line == 2);
  CHECK(rec.kind == REBUY_RECORD_REVIEW);
  CHECK(rec.role(REBUY_ROLE_ID) == "r1");
  CHECK(rec.role(REBUY_ROLE_RATING) == "5");
  CHECK(rec.role(REBUY_ROLE_TEXT) == "Fine, & fast");
  CHECK(rec.fields[3].name == "Review Content");
}

TEST_CASE("tabular: ragged rows are rejects, trailing empty fields are not") {
  auto r = run(header + "r1,d,5,ok\nr2,d,4\nr3,d,3,ok,,\nr4,d,2,\"a\nb\",extra\n");
  REQUIRE(r.rejects.size() == 2);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.rejects[0].reason == "expected 4 fields, found 3");
  CHECK(r.rejects[0].raw == "r2,d,4");
  CHECK(r.rejects[1].line == 5);
  CHECK(r.rejects[1].reason == "expected 4 fields, found 5");
  CHECK(r.rejects[1].raw == "r4,d,2,\"a\nb\",extra");
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[1].role(REBUY_ROLE_ID) == "r3");
}

TEST_CASE("tabular: blank lines and rows of blanks are visible skips") {
  auto r = run("\n" + header + "r1,d,5,ok\n\n , ,,\n\r\nr2,d,4,ok\n");
  REQUIRE(r.skips.size() == 4);
  CHECK(r.skips[0].line == 1);
  CHECK(r.skips[0].reason == "blank line");
  CHECK(r.skips[1].line == 4);
  CHECK(r.skips[2].line == 5);
  CHECK(r.skips[2].reason == "empty row: every field is blank");
  CHECK(r.skips[3].line == 6);
  CHECK(r.records.size() == 2);
  CHECK(r.rows() == 6);
}

TEST_CASE("tabular: an unterminated quote is one reject naming where it opened") {
  auto r = run(header + "r1,d,5,ok\nr2,d,4,\"never\nclosed\n");
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.rejects[0].reason == "unterminated quoted field starting at line 3");
  CHECK(r.records.size() == 1);
}

TEST_CASE("tabular: quoted line breaks keep later rows on their physical lines") {
  auto r = run(header + "r1,d,5,\"one\r\ntwo\rthree\"\nr2,d,4,ok\n");
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].role(REBUY_ROLE_TEXT) == "one\r\ntwo\rthree");
  CHECK(r.records[1].line == 5);
}

TEST_CASE("tabular: every read() chunking gives the same rows") {
  std::string text = header + "r1,d,5,\"a \"\"quoted\"\"\nline\"\r\n\nr2,d,4\r\nr3,d,3,x\r\n";
  auto whole = run(text);
  for (const auto &pattern : csv_test::chunk_patterns()) {
    auto r = run(text, {}, pattern, 1);
    REQUIRE(r.records.size() == whole.records.size());
    CHECK(r.records[0].role(REBUY_ROLE_TEXT) == "a \"quoted\"\nline");
    CHECK(r.records[1].line == 6);
    CHECK(r.rejects.size() == 1);
    CHECK(r.skips.size() == 1);
  }
}

TEST_CASE("tabular: --map and attribute= override the layout's roles") {
  std::string text =
      "Review Id,Review Created (UTC),Review Stars,Review Content,Note\nr1,d,5,body,n\n";
  auto r = run(text, {{"map", "text=Note"}, {"attribute", "review content"}, {"map", "id=Note"}});
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.role_of("Review Id") == REBUY_ROLE_ATTRIBUTE); // id moved
  CHECK(r.role_of("Note") == REBUY_ROLE_ID);
  CHECK(r.role_of("Review Content") == REBUY_ROLE_ATTRIBUTE);

  auto bad = run(text, {{"map", "rating=Nope"}});
  CHECK(bad.status == REBUY_ERROR);
  CHECK(bad.error.find("no column \"Nope\"") != std::string::npos);
}

TEST_CASE("tabular: duplicate and blank header names are made unique") {
  auto r = run("Review Id,Review Created (UTC),Review Stars,Tags,,Tags\nr1,d,5,a,b,c\n");
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].get("Tags") == "a");
  CHECK(r.records[0].get("column_5") == "b");
  CHECK(r.records[0].get("Tags (2)") == "c");
}

TEST_CASE("tabular: broken or foreign headers are clear errors") {
  auto empty = run("");
  CHECK(empty.status == REBUY_ERROR);
  CHECK(empty.error == "the input is empty: no header line");

  auto open = run("\nReview Id,\"Review Stars\n");
  CHECK(open.status == REBUY_ERROR);
  CHECK(open.error == "the header on line 2 never ends: unterminated quoted field "
                      "starting at line 2");

  auto foreign = run("id,rating,comment\n1,5,x\n");
  CHECK(foreign.status == REBUY_ERROR);
  CHECK(foreign.error == "the header is not one this importer reads; Trustpilot "
                         "review export needs \"Review Created (UTC)\" \"Review Stars\"; the "
                         "columns are: \"id\", \"rating\", \"comment\"");
}

TEST_CASE("tabular: progress counts the bytes read, up to the whole input") {
  using calls_t = std::vector<std::pair<uint64_t, uint64_t>>;
  calls_t calls;
  rebuy_host host{};
  host.struct_size = sizeof host;
  host.context = &calls;
  host.progress = [](void *c, uint64_t done, uint64_t total) {
    static_cast<calls_t *>(c)->emplace_back(done, total);
  };
  const std::string text = header + "r1,d,5,a\nr2,d,4,b\n";
  rebuy::string_input in(text);
  const rebuy_importer_api *api = rebuy_plugin_entry_v1()->importer;
  rebuy_importer *importer = nullptr;
  REQUIRE(api->open(&host, in.get(), nullptr, 0, &importer, nullptr) == REBUY_OK);
  rebuy_batch batch{};
  batch.struct_size = sizeof batch;
  while (api->read_batch(importer, 1, &batch, nullptr) == REBUY_OK) {
  }
  api->close(importer);
  REQUIRE(calls.size() >= 2);
  for (const auto &[done, total] : calls)
    CHECK(done <= total);
  CHECK(calls.back() == std::make_pair(uint64_t{text.size()}, uint64_t{text.size()}));
}

namespace {

// The base on its own, with small limits, to reach its hostile-input paths.
const std::vector<rebuy::tabular_layout> any_layout = {
    {"any", "any", REBUY_RECORD_SURVEY, 50, {}, {{"id", REBUY_ROLE_ID}}}};

class small_importer : public rebuy::tabular_importer {
public:
  small_importer(const rebuy::input &input, rebuy::csv_limits limits)
      : tabular_importer(rebuy::host(nullptr), input, "small", true, limits) {
    use_layout(any_layout, rebuy::options(nullptr, 0));
  }
};

rebuy::csv_limits small_limits() {
  rebuy::csv_limits limits;
  limits.chunk_bytes = 8;
  limits.max_record_bytes = 16;
  limits.max_fields = 3;
  return limits;
}

} // namespace

TEST_CASE("tabular: rows beyond the reader's limits are rejects with the limit named") {
  std::string text = "id,a,b\n1,x,y\n2,0123456789abcdefXYZ,z\n3,x,y,z\n4,x,y\n";
  rebuy::string_input in(text);
  small_importer importer(rebuy::input(in.get()), small_limits());
  rebuy::batch_builder out;
  while (importer.read_batch(out, 100)) {
  }
  rebuy_batch b{};
  b.struct_size = sizeof b;
  out.finish(&b);
  CHECK(b.record_count == 2);
  REQUIRE(b.reject_count == 2);
  CHECK(b.rejects[0].line == 3);
  CHECK(rebuy::to_view(b.rejects[0].reason) == "row longer than 16 bytes");
  CHECK(b.rejects[1].line == 4);
  CHECK(rebuy::to_view(b.rejects[1].reason) == "row has more than 3 fields");
  CHECK(importer.describe().kind == REBUY_RECORD_SURVEY);

  rebuy::string_input wide("id,a,b,c\n");
  CHECK_THROWS_WITH(small_importer(rebuy::input(wide.get()), small_limits()),
                    "the header on line 1 has more than 3 columns");
}
