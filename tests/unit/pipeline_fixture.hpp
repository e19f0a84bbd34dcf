// A scratch store with the built plugins (and the test plugins) loaded, for
// tests of import and analysis through real plugins.
#ifndef REBUY_TESTS_PIPELINE_FIXTURE_HPP
#define REBUY_TESTS_PIPELINE_FIXTURE_HPP

#include "host/plugin_registry.hpp"
#include "store/store.hpp"

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>

namespace pipeline_test {

namespace fs = std::filesystem;
using namespace rebuy::core;

// A fresh store in a folder of its own, removed afterwards.
struct fixture {
  fs::path dir = fs::temp_directory_path() / ("rebuy-pipeline-" + std::to_string(::getpid()));
  plugin_registry registry;
  std::unique_ptr<sql::connection> db;
  fixture() {
    fs::remove_all(dir);
    fs::create_directories(dir);
    registry.scan({REBUY_PLUGIN_BUILD_DIR, REBUY_TEST_PLUGIN_DIR});
    db = open_store(dir / "t.db");
  }
  ~fixture() {
    db.reset();
    fs::remove_all(dir);
  }
  fs::path write(const std::string &name, const std::string &content) {
    auto path = dir / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  int64_t count(const char *sql) {
    auto s = db->prepare(sql);
    s.step();
    return s.column_int(0);
  }
};

} // namespace pipeline_test

#endif // REBUY_TESTS_PIPELINE_FIXTURE_HPP
