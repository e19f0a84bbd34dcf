#include "host/plugin_loader.hpp"

#include "host/abi_struct.hpp"
#include "host/trusted_path.hpp"
#include "store/score_store.hpp"
#include "util/utf8.hpp"

// Boost 1.74's library_info needs these before it when BOOST_DLL_USE_STD_FS is set.
#include <string>
#include <vector>

#include <boost/dll/library_info.hpp>
#include <boost/dll/shared_library.hpp>
#include <rebuy/plugin.hpp>

#include <dlfcn.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <system_error>

namespace rebuy::core {
namespace {

// Why `given` is not trusted, naming the directory at fault when it is not the
// path itself, and where a symlink led.
plugin_refusal untrusted(const std::filesystem::path &given, const path_trust &trust,
                         const char *what) {
  std::string where = trust.offender == trust.real
                          ? fmt::format("untrusted {}", what)
                          : "untrusted directory " + trust.offender.string();
  std::error_code ec;
  auto plain = std::filesystem::absolute(given, ec).lexically_normal();
  std::string link = !trust.real.empty() && plain != trust.real
                         ? fmt::format(" (it is a link to {})", trust.real.string())
                         : std::string();
  return {given, fmt::format("{}: {}{}", where, trust.problem, link), trust.offender};
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 32) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

bool valid_metric_name(std::string_view name) {
  return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool valid_text(rebuy_str s, size_t max_size) {
  return (s.data || s.size == 0) && s.size <= max_size && is_valid_utf8(to_view(s));
}

// Validates the entry's answer (sized to ours); returns "" when acceptable.
std::string info_problem(const rebuy_plugin_info *info) {
  if (info->abi_major != REBUY_ABI_MAJOR)
    return fmt::format("built for plugin ABI {}.{}, this rebuy supports ABI {}.x", info->abi_major,
                       info->abi_minor, REBUY_ABI_MAJOR);
  // abi_minor is the oldest minor the plugin works with, not the one it was built with.
  if (info->abi_minor > REBUY_ABI_MINOR)
    return fmt::format("needs plugin ABI {}.{}, newer than this rebuy's {}.{}; upgrade rebuy",
                       info->abi_major, info->abi_minor, REBUY_ABI_MAJOR, REBUY_ABI_MINOR);
  if (!valid_text(info->id, 32) || !valid_id(to_view(info->id)))
    return "its id is not 1-32 characters of a-z, 0-9, '_' or '-'";
  if (to_view(info->id) == core_analyzer_id)
    return fmt::format("its id '{}' is reserved for rebuy's own estimates", core_analyzer_id);
  if (!valid_text(info->name, 200) || info->name.size == 0) return "its name is empty or invalid";
  if (!valid_text(info->version, 64) || info->version.size == 0)
    return "its version is empty or invalid";
  if (!valid_text(info->description, 1000)) return "its description is not valid UTF-8";
  if (info->kind == REBUY_KIND_IMPORTER) {
    if (!info->importer) return "an importer without an importer function table";
    const auto api = sized_copy(info->importer, importer_api_size_1_0);
    if (!api)
      return fmt::format("its importer table is too small ({} bytes, ABI 1.0 has {})",
                         info->importer->struct_size, importer_api_size_1_0);
    if (!api->probe || !api->open || !api->describe || !api->read_batch || !api->close)
      return "its importer table has missing functions";
    return {};
  }
  if (info->kind == REBUY_KIND_ANALYZER) {
    if (!info->analyzer) return "an analyzer without an analyzer function table";
    const auto api = sized_copy(info->analyzer, analyzer_api_size_1_0);
    if (!api)
      return fmt::format("its analyzer table is too small ({} bytes, ABI 1.0 has {})",
                         info->analyzer->struct_size, analyzer_api_size_1_0);
    if (!api->create || !api->analyze_batch || !api->destroy)
      return "its analyzer table has missing functions";
    if (api->metric_count == 0 || !api->metrics) return "an analyzer that declares no metrics";
    for (size_t i = 0; i < api->metric_count; ++i) {
      if (!valid_text(api->metrics[i].name, 64) ||
          !valid_metric_name(to_view(api->metrics[i].name)))
        return fmt::format("metric {} has an invalid name (a-z, 0-9, '_')", i);
      for (size_t j = 0; j < i; ++j)
        if (to_view(api->metrics[i].name) == to_view(api->metrics[j].name))
          return fmt::format("metric '{}' is declared twice", to_view(api->metrics[i].name));
      auto type = api->metrics[i].type;
      if (type != REBUY_METRIC_NUMBER && type != REBUY_METRIC_LABEL)
        return fmt::format("metric '{}' has an unknown type", to_view(api->metrics[i].name));
    }
    return {};
  }
  return fmt::format("unknown plugin kind {}", info->kind);
}

} // namespace

bool looks_like_plugin_file(const std::filesystem::path &path) {
  auto name = path.filename().string();
  return name.size() > 9 && name.rfind("rebuy_", 0) == 0 && path.extension() == ".so";
}

std::optional<plugin_refusal> untrusted_directory(const std::filesystem::path &dir) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) return plugin_refusal{dir, "cannot be read"};
  if (!S_ISDIR(st.st_mode)) return plugin_refusal{dir, "is not a directory"};
  auto trust = check_path_trust(dir);
  if (trust.trusted()) return std::nullopt;
  return untrusted(dir, trust, "directory");
}

std::variant<plugin_ptr, plugin_refusal> load_plugin(const std::filesystem::path &path,
                                                     const std::string &content_hash) {
  auto refuse = [&](std::string reason) { return plugin_refusal{path, std::move(reason)}; };

  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return refuse("cannot be read");
  if (!S_ISREG(st.st_mode)) return refuse("not a regular file");
  // The file and every directory above it, on the real path: a link from a
  // trusted directory into an untrusted one is refused.
  const auto trust = check_path_trust(path);
  if (!trust.trusted()) return untrusted(path, trust, "file");
  const auto &real = trust.real;

  // Look at the sections before running any of the file's code.
  try {
    boost::dll::library_info library_info(real, /*throw_if_not_native=*/true);
    auto sections = library_info.sections();
    if (std::find(sections.begin(), sections.end(), REBUY_MARKER_SECTION) == sections.end())
      return refuse("not a rebuy plugin (no '" REBUY_MARKER_SECTION "' section)");
  } catch (const std::exception &) {
    return refuse("not a shared library this system can load");
  }

  std::error_code ec;
  boost::dll::shared_library library;
  // The path that was checked, not the link: what loads is what was trusted.
  library.load(real, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local, ec);
  if (ec) {
    const char *why = ::dlerror();
    return refuse(fmt::format("cannot be loaded: {}", why ? why : ec.message()));
  }
  if (!library.has(REBUY_ENTRY_SYMBOL))
    return refuse("has no " REBUY_ENTRY_SYMBOL " entry point (built for another plugin ABI?)");

  const rebuy_plugin_info *theirs = nullptr;
  try {
    theirs = library.get<const rebuy_plugin_info *()>(REBUY_ENTRY_SYMBOL)();
  } catch (...) {
    return refuse("its entry point threw an exception");
  }
  if (!theirs) return refuse("its entry point returned no plugin info");
  // A newer plugin's info may be longer, an older one's shorter: what both know counts.
  const auto info = sized_copy(theirs, plugin_info_size_1_0);
  if (!info)
    return refuse(fmt::format("its plugin info is too small ({} bytes, ABI 1.0 has {})",
                              theirs->struct_size, plugin_info_size_1_0));
  if (auto problem = info_problem(&*info); !problem.empty()) return refuse(problem);
  return std::make_shared<const plugin>(path, std::move(library), *info, content_hash);
}

} // namespace rebuy::core
