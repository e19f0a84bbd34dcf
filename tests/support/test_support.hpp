// The importer tests' additions to the SDK's C ABI driver (rebuy/importer_testing.hpp):
// line-end variants, fixtures and checks shared by every importer.
#ifndef REBUY_CSV_TESTS_TEST_SUPPORT_HPP
#define REBUY_CSV_TESTS_TEST_SUPPORT_HPP

#include <rebuy/importer_testing.hpp>
#include <rebuy/plugin.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace csv_test {

// The C ABI driver is the SDK's; these are the importer tests' additions.
using rebuy::testing::chunk_patterns;
using rebuy::testing::chunked_input;
using rebuy::testing::field;
using rebuy::testing::issue;
using rebuy::testing::option_list;
using rebuy::testing::read_file;
using rebuy::testing::record;
using rebuy::testing::result;
using rebuy::testing::run;

// run() for an input that must open; reports the error otherwise.
inline result run_ok(std::string text, const option_list &options = {},
                     std::vector<size_t> pattern = {}) {
  auto r = run(std::move(text), options, std::move(pattern));
  INFO("error: ", r.error);
  REQUIRE(r.status == REBUY_OK);
  return r;
}

// `text` with every CRLF and LF line end written as `line_end`; with
// "mixed", alternately CRLF and LF.
inline std::string with_line_ends(const std::string &text, std::string_view line_end) {
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (text[i] != '\n') {
      out.push_back(text[i]);
      continue;
    }
    if (line_end == "mixed")
      out += n++ % 2 ? "\n" : "\r\n";
    else
      out += line_end;
  }
  return out;
}

// probe() of the plugin under test, on the first 64 KiB as the host gives it.
inline int probe(std::string_view head, std::string_view file_name = "export.csv") {
  head = head.substr(0, size_t{64} << 10);
  return rebuy_plugin_entry_v1()->importer->probe(rebuy::to_str(head), rebuy::to_str(file_name));
}

#ifdef REBUY_PLUGINS_DIR
// A file of a plugin's tests/data.
inline std::string test_file(const std::string &plugin, const std::string &file) {
  return read_file(std::string(REBUY_PLUGINS_DIR) + "/" + plugin + "/tests/data/" + file);
}
#endif

// `text` gives the same rows with LF, CRLF, bare CR and mixed line ends, read
// in chunks of every size pattern: the same lines, ids and field counts.
inline void check_same_rows_whatever_line_ends(const std::string &text) {
  auto expected = run_ok(text);
  for (const char *end : {"\n", "\r\n", "\r", "mixed"}) {
    for (const auto &pattern : chunk_patterns()) {
      INFO("line end ", end == std::string_view("\r") ? "CR" : end, ", pattern of ",
           pattern.size());
      auto r = run_ok(with_line_ends(text, end), {}, pattern);
      REQUIRE(r.records.size() == expected.records.size());
      CHECK(r.skips.size() == expected.skips.size());
      CHECK(r.rejects.size() == expected.rejects.size());
      for (size_t i = 0; i < r.records.size(); ++i) {
        CHECK(r.records[i].line == expected.records[i].line);
        CHECK(r.records[i].role(REBUY_ROLE_ID) == expected.records[i].role(REBUY_ROLE_ID));
        CHECK(r.records[i].fields.size() == expected.records[i].fields.size());
      }
    }
  }
}

} // namespace csv_test

#endif // REBUY_CSV_TESTS_TEST_SUPPORT_HPP
