// What rebuy remembers of plugin files: folded per path, the last record
// winning; a set-aside holds for one content only and lifts when enabled.
#include "host/plugin_verdicts.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace rebuy::core;
namespace fs = std::filesystem;

namespace {

struct temp_file {
  fs::path path = fs::temp_directory_path() /
                  ("rebuy-verdicts-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
  static inline int n = 0;
  ~temp_file() { fs::remove(path); }
};

file_identity identity(uint64_t inode) {
  file_identity id;
  id.device = 1, id.inode = inode, id.size = 100, id.mtime_ns = 5, id.ctime_ns = 6;
  return id;
}

// A crash record as the signal handler writes it.
void append_crash(const fs::path &file, const std::string &plugin, const std::string &sha) {
  std::string line = "crash\t";
  plugin_verdicts::append_escaped(line, plugin);
  line += "\t" + sha + "\tcrashy\t1700000000\t";
  plugin_verdicts::append_escaped(line, "crashed with SIGSEGV while reading a\tb.csv, batch 2");
  std::ofstream(file, std::ios::app) << line << '\n';
}

} // namespace

TEST_CASE("plugin verdicts: a check is remembered by path, identity and content") {
  temp_file t;
  const fs::path plugin = "/plugins/rebuy_odd\tname.so"; // a tab survives the round trip
  plugin_verdicts(t.path).record_check(plugin, identity(7), "aa", "1.0", false,
                                       "crashed the loader");
  plugin_verdicts read(t.path);
  const auto *v = read.find(plugin);
  REQUIRE(v);
  CHECK(v->identity == identity(7));
  CHECK(v->sha256 == "aa");
  CHECK(v->host == "1.0");
  CHECK_FALSE(v->safe);
  CHECK(v->reason == "crashed the loader");
  CHECK(read.find("/plugins/other.so") == nullptr);
  CHECK(file_identity::parse(identity(7).text()) == identity(7));
}

TEST_CASE("plugin verdicts: a crash sets aside that content until it changes or is enabled") {
  temp_file t;
  const fs::path plugin = "/plugins/rebuy_crashy.so";
  plugin_verdicts(t.path).record_check(plugin, identity(1), "aa", "1.0", true, "");
  append_crash(t.path, plugin, "aa");
  {
    plugin_verdicts read(t.path);
    REQUIRE(read.find(plugin));
    CHECK(read.find(plugin)->set_aside());
    CHECK(read.find(plugin)->aside_reason ==
          "crashed with SIGSEGV while reading a\tb.csv, batch 2");
    CHECK(read.set_aside().size() == 1);
    // A new content is another plugin.
    read.record_check(plugin, identity(2), "bb", "1.0", true, "");
    CHECK_FALSE(read.find(plugin)->set_aside());
  }
  {
    plugin_verdicts read(t.path);
    CHECK_FALSE(read.find(plugin)->set_aside());
    read.record_check(plugin, identity(1), "aa", "1.0", true, ""); // the old file is back
    CHECK(read.find(plugin)->set_aside());
    CHECK(read.enable(plugin));
    CHECK_FALSE(read.enable(plugin));
  }
  CHECK(plugin_verdicts(t.path).set_aside().empty());
}

TEST_CASE("plugin verdicts: a file grown to many records is rewritten with what it says") {
  temp_file t;
  {
    plugin_verdicts v(t.path);
    for (uint64_t i = 0; i < 100; ++i)
      v.record_check("/plugins/rebuy_a.so", identity(i), "aa", "1.0", true, "");
  }
  plugin_verdicts(t.path); // reads, then compacts
  std::ifstream in(t.path);
  std::string line;
  int lines = 0;
  while (std::getline(in, line))
    ++lines;
  CHECK(lines == 1);
  CHECK(plugin_verdicts(t.path).find("/plugins/rebuy_a.so")->identity == identity(99));
}
