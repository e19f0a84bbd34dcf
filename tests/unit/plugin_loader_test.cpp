// The loader refuses bad plugin files with a reason and never crashes on them.
#include "host/abi_struct.hpp"
#include "host/importer_session.hpp"
#include "host/plugin_loader.hpp"
#include "host/plugin_registry.hpp"

#include <fmt/format.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace rebuy::core;
namespace fs = std::filesystem;

namespace {

const fs::path test_plugins = REBUY_TEST_PLUGIN_DIR;
const fs::path built_plugins = REBUY_PLUGIN_BUILD_DIR;

std::string refusal_of(const fs::path &file) {
  auto result = load_plugin(file);
  auto *refusal = std::get_if<plugin_refusal>(&result);
  REQUIRE_MESSAGE(refusal != nullptr, file.string() << " was loaded but should be refused");
  return refusal->reason;
}

struct temp_dir {
  static inline int made = 0;
  fs::path path = fs::temp_directory_path() /
                  ("rebuy-loader-" + std::to_string(::getpid()) + "-" + std::to_string(++made));
  temp_dir() {
    fs::remove_all(path);
    fs::create_directories(path);
    fs::permissions(path, fs::perms::owner_all);
  }
  ~temp_dir() { fs::remove_all(path); }
};

} // namespace

TEST_CASE("loader: a first-party importer loads and validates") {
  auto result = load_plugin(built_plugins / "rebuy_csv.so");
  REQUIRE(std::holds_alternative<plugin_ptr>(result));
  auto p = std::get<plugin_ptr>(result);
  CHECK(p->id() == "csv");
  CHECK(p->kind() == REBUY_KIND_IMPORTER);
  CHECK(p->abi_major() == REBUY_ABI_MAJOR);
  CHECK(p->importer_api() != nullptr);
}

TEST_CASE("loader: a first-party analyzer declares its metrics") {
  auto result = load_plugin(built_plugins / "rebuy_nps.so");
  REQUIRE(std::holds_alternative<plugin_ptr>(result));
  auto p = std::get<plugin_ptr>(result);
  CHECK(p->kind() == REBUY_KIND_ANALYZER);
  REQUIRE_FALSE(p->metrics().empty());
  CHECK(p->metrics()[0].name == "nps_class");
}

TEST_CASE("loader: wrong ABI major is refused with both versions named") {
  auto reason = refusal_of(test_plugins / "rebuy_wrong_abi.so");
  CHECK(reason.find("ABI 99.0") != std::string::npos);
  CHECK(reason.find("supports ABI 1") != std::string::npos);
}

TEST_CASE("loader: a shared library without the marker section is refused before it runs") {
  CHECK(refusal_of(test_plugins / "rebuy_not_a_plugin.so").find("not a rebuy plugin") !=
        std::string::npos);
}

TEST_CASE("loader: a marked library without the entry point is refused") {
  CHECK(refusal_of(test_plugins / "rebuy_no_entry.so").find("entry point") != std::string::npos);
}

TEST_CASE("loader: an entry point that throws is refused and the host survives") {
  CHECK(refusal_of(test_plugins / "rebuy_throwing_entry.so").find("threw") != std::string::npos);
}

TEST_CASE("loader: an invalid id is refused") {
  CHECK(refusal_of(test_plugins / "rebuy_bad_id.so").find("id") != std::string::npos);
}

TEST_CASE("loader: a text file named like a plugin is refused") {
  temp_dir dir;
  auto file = dir.path / "rebuy_text.so";
  std::ofstream(file) << "this is not ELF\n";
  CHECK(refusal_of(file).find("not a shared library") != std::string::npos);
}

TEST_CASE("loader: a world-writable plugin file is refused as untrusted") {
  temp_dir dir;
  auto file = dir.path / "rebuy_csv.so";
  fs::copy_file(built_plugins / "rebuy_csv.so", file);
  fs::permissions(file, fs::perms::others_write, fs::perm_options::add);
  CHECK(refusal_of(file).find("writable by group or others") != std::string::npos);
}

TEST_CASE("registry: a world-writable directory is refused as a whole") {
  temp_dir dir;
  fs::permissions(dir.path, fs::perms::others_write | fs::perms::others_exec,
                  fs::perm_options::add);
  plugin_registry registry;
  registry.scan({dir.path});
  REQUIRE(registry.refused().size() == 1);
  CHECK(registry.refused()[0].reason.find("untrusted directory") != std::string::npos);
}

TEST_CASE("registry: scanning lists good plugins and every refused file with a reason") {
  plugin_registry registry;
  registry.scan({built_plugins, test_plugins});
  CHECK(registry.find("csv") != nullptr);
  CHECK(registry.find("nps") != nullptr);
  CHECK(registry.find("throwing") != nullptr);
  CHECK(registry.refused().size() == 6); // needs_newer_minor among them
  for (const auto &r : registry.refused())
    CHECK_FALSE(r.reason.empty());
}

TEST_CASE("registry: a second plugin with the same id is refused") {
  temp_dir dir;
  fs::copy_file(built_plugins / "rebuy_csv.so", dir.path / "rebuy_csv_copy.so");
  plugin_registry registry;
  registry.scan({built_plugins, dir.path});
  bool found = false;
  for (const auto &r : registry.refused())
    found |= r.reason.find("already provided") != std::string::npos;
  CHECK(found);
}

TEST_CASE("loader: a link to a plugin in a world-writable directory is refused") {
  temp_dir trusted, open_to_all;
  fs::permissions(open_to_all.path, fs::perms::all); // 0777, not sticky
  fs::copy_file(built_plugins / "rebuy_csv.so", open_to_all.path / "rebuy_csv.so");
  fs::create_symlink(open_to_all.path / "rebuy_csv.so", trusted.path / "rebuy_csv.so");

  auto reason = refusal_of(trusted.path / "rebuy_csv.so");
  CHECK(reason.find("untrusted directory " + open_to_all.path.string()) != std::string::npos);
  CHECK(reason.find("writable by group or others") != std::string::npos);
  CHECK(reason.find("a link to " + (open_to_all.path / "rebuy_csv.so").string()) !=
        std::string::npos);

  plugin_registry registry;
  registry.scan({trusted.path});
  CHECK(registry.find("csv") == nullptr);
  REQUIRE(registry.refused().size() == 1);
  CHECK(registry.refused()[0].untrusted == open_to_all.path);
}

TEST_CASE("loader: a plugin whose directory's parent is world-writable is refused") {
  temp_dir parent;
  fs::permissions(parent.path, fs::perms::all);
  auto dir = parent.path / "plugins";
  fs::create_directory(dir);
  fs::permissions(dir, fs::perms::owner_all);
  fs::copy_file(built_plugins / "rebuy_csv.so", dir / "rebuy_csv.so");

  auto reason = refusal_of(dir / "rebuy_csv.so");
  CHECK(reason.find("untrusted directory " + parent.path.string() +
                    ": writable by group or others") != std::string::npos);

  plugin_registry registry;
  registry.scan({dir});
  CHECK(registry.find("csv") == nullptr);
  REQUIRE(registry.refused().size() == 1);
  CHECK(registry.refused()[0].path == dir);
  CHECK(registry.refused()[0].reason.find(parent.path.string()) != std::string::npos);
}

TEST_CASE("loader: a sticky world-writable parent is trusted only when root owns it") {
  temp_dir parent;
  fs::permissions(parent.path, fs::perms::all | fs::perms::sticky_bit); // like /tmp
  auto dir = parent.path / "plugins";
  fs::create_directory(dir);
  fs::permissions(dir, fs::perms::owner_all);
  fs::copy_file(built_plugins / "rebuy_csv.so", dir / "rebuy_csv.so");
  auto result = load_plugin(dir / "rebuy_csv.so");
  if (::geteuid() == 0) {
    CHECK(std::holds_alternative<plugin_ptr>(result));
  } else {
    auto *refusal = std::get_if<plugin_refusal>(&result);
    REQUIRE(refusal != nullptr);
    CHECK(refusal->reason.find("writable by group or others") != std::string::npos);
  }
}

TEST_CASE("loader: a link to a plugin in a trusted directory loads") {
  temp_dir links;
  fs::create_symlink(fs::absolute(built_plugins / "rebuy_csv.so"), links.path / "rebuy_csv.so");
  auto result = load_plugin(links.path / "rebuy_csv.so");
  REQUIRE(std::holds_alternative<plugin_ptr>(result));
  CHECK(std::get<plugin_ptr>(result)->path() == links.path / "rebuy_csv.so");
}

TEST_CASE(
    "loader: a plugin built against an older minor loads, and its shorter structs read as such") {
  auto result = load_plugin(test_plugins / "rebuy_older_minor.so");
  REQUIRE(std::holds_alternative<plugin_ptr>(result));
  auto p = std::get<plugin_ptr>(result);
  CHECK(p->abi_minor() == 0);
  rebuy_input input{};
  input.struct_size = sizeof input;
  input.read = [](void *, char *, size_t) -> int64_t { return 0; };
  importer_session session(p, input, {});
  auto description = session.describe();
  REQUIRE(description.columns.size() == 1);
  CHECK(description.columns[0].name == "comment");
  // 1.1's notes lie past the plugin's rebuy_source_info: absent, not read.
  CHECK(description.columns[0].scale.empty());
  CHECK(description.note.empty());
}

TEST_CASE("loader: a plugin built against a newer minor that needs nothing newer loads") {
  auto result = load_plugin(test_plugins / "rebuy_newer_minor.so");
  REQUIRE(std::holds_alternative<plugin_ptr>(result));
  auto p = std::get<plugin_ptr>(result);
  CHECK(p->id() == "newer_minor");
  CHECK(p->abi_minor() == 1);
  // Its longer tables are copied as far as this host knows them.
  REQUIRE(p->importer_api() != nullptr);
  CHECK(p->importer_api()->struct_size == sizeof(rebuy_importer_api));
  rebuy_input input{};
  input.struct_size = sizeof input;
  input.read = [](void *, char *, size_t) -> int64_t { return 0; };
  importer_session session(p, input, {});
  auto description = session.describe();
  REQUIRE(description.columns.size() == 1);
  CHECK(description.columns[0].scale == "1-5");
  CHECK(description.note == "a note");
}

TEST_CASE("loader: a plugin that needs a newer minor than the host's is refused with both named") {
  auto reason = refusal_of(test_plugins / "rebuy_needs_newer_minor.so");
  CHECK(reason.find(fmt::format("needs plugin ABI 1.{}", REBUY_ABI_MINOR + 1)) !=
        std::string::npos);
  CHECK(reason.find(fmt::format("this rebuy's 1.{}", REBUY_ABI_MINOR)) != std::string::npos);
}

TEST_CASE("loader: a struct shorter than ours is copied as far as it goes, the rest zero") {
  struct grown {
    uint32_t struct_size;
    int32_t first;
    int64_t added_later;
  };
  // What a writer of the older, shorter layout leaves behind it is not read.
  struct {
    uint32_t struct_size;
    int32_t first;
    int64_t garbage;
  } older{REBUY_SIZE_THROUGH(grown, first), 7, -1};
  auto copy = sized_copy(reinterpret_cast<const grown *>(&older), sizeof(uint32_t));
  REQUIRE(copy);
  CHECK(copy->first == 7);
  CHECK(copy->added_later == 0);
  CHECK(copy->struct_size == REBUY_SIZE_THROUGH(grown, first));
  // Shorter than the oldest layout: refused.
  CHECK_FALSE(sized_copy(reinterpret_cast<const grown *>(&older), sizeof(grown)));
}
