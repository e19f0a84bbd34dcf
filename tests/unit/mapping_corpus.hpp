// The mapping corpus: for every fixture of the project and every real file in
// ../shared/data/real, the importer rebuy picks and the role, column and
// scale of every mapped column, pinned in tests/data/mapping_corpus.txt, so
// that a better guess for one file cannot quietly break another.
//
// To see what rebuy maps today (say, after adding a file), run the test with
// REBUY_CORPUS_OUT=FILE: it writes the corpus as found there. Review it by
// hand before copying it over the pinned one: the pinned mapping is what a
// careful person would map, not whatever the code did.
#pragma once
#include "pipeline/dry_run.hpp"

#include <doctest/doctest.h>
#include <rebuy/plugin.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace mapping_corpus {

using namespace rebuy::core;
namespace fs = std::filesystem;

// One file's entry: "[where:path] importer" then "role<TAB>column[<TAB>scale]".
struct corpus_entry {
  std::string where; // "project" or "real"
  std::string path;  // relative to the project or to ../shared/data/real
  std::string importer;
  std::vector<std::string> mapped; // "role\tcolumn\tscale", in column order
};

inline std::vector<corpus_entry> read_corpus(const fs::path &file) {
  std::ifstream in(file);
  REQUIRE_MESSAGE(in, "cannot read ", file.string());
  std::vector<corpus_entry> entries;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '[') {
      auto close = line.find(']');
      auto colon = line.find(':');
      REQUIRE(close != std::string::npos);
      REQUIRE(colon < close);
      entries.push_back({line.substr(1, colon - 1),
                         line.substr(colon + 1, close - colon - 1),
                         line.size() > close + 2 ? line.substr(close + 2) : "",
                         {}});
      continue;
    }
    REQUIRE_MESSAGE(!entries.empty(), "a mapping line before any [file]: ", line);
    entries.back().mapped.push_back(line);
  }
  return entries;
}

inline fs::path project_file(const std::string &relative) {
  return fs::path(REBUY_TEST_DATA_DIR).parent_path().parent_path() / relative;
}

inline corpus_entry map_file(const plugin_registry &registry, const corpus_entry &pinned,
                             const fs::path &file) {
  import_request request;
  request.file = file;
  dry_run_outcome d = dry_run_import(registry, request, 0, 0);
  corpus_entry found{pinned.where, pinned.path, d.importer, {}};
  for (const auto &c : d.columns)
    if (c.role != REBUY_ROLE_ATTRIBUTE)
      found.mapped.push_back(std::string(rebuy::role_name(c.role)) + "\t" + c.name +
                             (c.scale.empty() ? "" : "\t" + c.scale));
  return found;
}

inline std::string text_of(const corpus_entry &e) {
  std::string out = "[" + e.where + ":" + e.path + "] " + e.importer + "\n";
  for (const auto &m : e.mapped)
    out += m + "\n";
  return out;
}

// Checks every entry of `where`; writes what it found to REBUY_CORPUS_OUT.
inline void check_corpus(const std::string &where, const fs::path &root) {
  plugin_registry registry;
  registry.scan({REBUY_PLUGIN_BUILD_DIR});
  auto corpus = read_corpus(fs::path(REBUY_TEST_DATA_DIR) / "mapping_corpus.txt");
  std::string written;
  size_t checked = 0;
  for (const auto &pinned : corpus) {
    if (pinned.where != where) continue;
    fs::path file = root / pinned.path;
    INFO("file: ", file.string());
    REQUIRE(fs::exists(file));
    corpus_entry found = map_file(registry, pinned, file);
    CHECK(text_of(found) == text_of(pinned));
    written += text_of(found) + "\n";
    ++checked;
  }
  CHECK(checked > 0);
  if (const char *out = std::getenv("REBUY_CORPUS_OUT")) {
    std::ofstream(std::string(out) + "." + where) << written;
    MESSAGE("wrote the corpus as found to ", out, ".", where);
  }
}

} // namespace mapping_corpus
