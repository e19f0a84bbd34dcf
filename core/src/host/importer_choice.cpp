#include "host/importer_choice.hpp"

#include "host/plugin_fault.hpp"

#include "input/decoded_reader.hpp"
#include "util/errors.hpp"

#include <fmt/format.h>
#include <rebuy/plugin.hpp>

#include <algorithm>
#include <fstream>

namespace rebuy::core {
namespace {

constexpr size_t head_size = 64 * 1024;

std::string raw_head_bytes(const std::filesystem::path &file) {
  std::ifstream in(file, std::ios::binary);
  std::string head(2, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

// The first bytes as they are, but inflated when the file is gzip.
std::string raw_head(const std::filesystem::path &file) {
  decoded_reader reader(file, /*raw=*/true);
  std::string head(head_size, '\0');
  head.resize(reader.read(head.data(), head.size()));
  return head;
}

// What the file is called once inflated ("reviews.json.gz" is "reviews.json"),
// so that probes which look at the extension see the real one.
std::string probe_name(const std::filesystem::path &file) {
  std::string name = file.filename().string();
  constexpr std::string_view gz = ".gz";
  if (name.size() > gz.size() && name.compare(name.size() - gz.size(), gz.size(), gz) == 0 &&
      gzip_stream::starts_gzip(raw_head_bytes(file)))
    name.resize(name.size() - gz.size());
  return name;
}

std::string names(const std::vector<plugin_ptr> &plugins) {
  std::string out;
  for (const auto &p : plugins)
    out += (out.empty() ? "" : ", ") + p->id();
  return out;
}

// The plugin files and directories that were refused, when there are any: the
// importer a file needs may be among them.
std::string refused_note(const plugin_registry &registry) {
  const auto &refused = registry.refused();
  if (refused.empty()) return {};
  constexpr size_t shown = 3;
  std::string listed;
  for (size_t i = 0; i < refused.size() && i < shown; ++i)
    listed += fmt::format("{}{} ({})", i ? ", " : "", refused[i].path.string(), refused[i].reason);
  if (refused.size() > shown) listed += fmt::format(" and {} more", refused.size() - shown);
  return fmt::format("; {} plugin {} refused, and the importer it needs may be among them: {} "
                     "(see `rebuy plugins list`)",
                     refused.size(), refused.size() == 1 ? "file was" : "files were", listed);
}

} // namespace

std::vector<importer_candidate> rank_importers(const plugin_registry &registry,
                                               const std::filesystem::path &file) {
  std::string decoded = read_decoded_head(file, head_size);
  std::string raw;
  std::string file_name = probe_name(file);
  std::vector<importer_candidate> ranked;
  for (const auto &p : registry.of_kind(REBUY_KIND_IMPORTER)) {
    bool wants_raw = p->has(REBUY_CAP_IMPORTER_RAW_INPUT);
    if (wants_raw && raw.empty()) raw = raw_head(file);
    const std::string &head = wants_raw ? raw : decoded;
    int confidence;
    {
      in_plugin call(*p, "probing", file.native());
      confidence = p->importer_api()->probe(to_str(head), to_str(file_name));
    }
    ranked.push_back({p, std::clamp(confidence, 0, 100)});
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto &a, const auto &b) { return a.confidence > b.confidence; });
  return ranked;
}

plugin_ptr choose_importer(const plugin_registry &registry, const std::filesystem::path &file,
                           const std::string &requested) {
  auto importers = registry.of_kind(REBUY_KIND_IMPORTER);
  if (!requested.empty()) {
    auto p = registry.find(requested);
    if (!p || p->kind() != REBUY_KIND_IMPORTER)
      throw input_error(
          fmt::format("--as {}: no such importer (available: {})", requested, names(importers)));
    return p;
  }
  if (importers.empty())
    throw input_error("no importer plugins are installed" + refused_note(registry) +
                      (registry.refused().empty() ? "; see `rebuy plugins list`" : ""));
  auto ranked = rank_importers(registry, file);
  if (ranked.front().confidence == 0)
    throw input_error(fmt::format("{}: no importer recognises this file; name one with --as "
                                  "(available: {}){}",
                                  file.string(), names(importers), refused_note(registry)));
  if (ranked.size() > 1 && ranked[1].confidence == ranked[0].confidence) {
    std::string tied;
    for (const auto &c : ranked)
      if (c.confidence == ranked[0].confidence)
        tied += fmt::format("{}{} ({}%)", tied.empty() ? "" : ", ", c.plugin->id(), c.confidence);
    throw input_error(fmt::format("{}: more than one importer claims this file: {}; choose one "
                                  "with --as",
                                  file.string(), tied));
  }
  return ranked.front().plugin;
}

} // namespace rebuy::core
