#include "host/plugin_verdicts.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <fstream>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rebuy::core {
namespace {

std::vector<std::string> split_record(std::string_view line) {
  std::vector<std::string> fields(1);
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\t') {
      fields.emplace_back();
    } else if (c == '\\' && i + 1 < line.size()) {
      const char e = line[++i];
      fields.back() += e == 't' ? '\t' : e == 'n' ? '\n' : e;
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

std::string record(std::initializer_list<std::string_view> fields) {
  std::string line;
  for (auto f : fields) {
    if (!line.empty()) line += '\t';
    plugin_verdicts::append_escaped(line, f);
  }
  return line + '\n';
}

} // namespace

std::string file_identity::text() const {
  return fmt::format("{}:{}:{}:{}:{}", device, inode, size, mtime_ns, ctime_ns);
}

std::optional<file_identity> file_identity::parse(std::string_view text) {
  file_identity id;
  unsigned long long d, i, s;
  long long m, c;
  std::string copy(text);
  if (std::sscanf(copy.c_str(), "%llu:%llu:%llu:%lld:%lld", &d, &i, &s, &m, &c) != 5)
    return std::nullopt;
  id.device = d, id.inode = i, id.size = s, id.mtime_ns = m, id.ctime_ns = c;
  return id;
}

std::optional<file_identity> file_identity::of(const std::filesystem::path &file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return std::nullopt;
  file_identity id;
  id.device = static_cast<uint64_t>(st.st_dev);
  id.inode = static_cast<uint64_t>(st.st_ino);
  id.size = static_cast<uint64_t>(st.st_size);
  id.mtime_ns = int64_t{st.st_mtim.tv_sec} * 1000000000 + st.st_mtim.tv_nsec;
  id.ctime_ns = int64_t{st.st_ctim.tv_sec} * 1000000000 + st.st_ctim.tv_nsec;
  return id;
}

std::filesystem::path default_verdicts_file() {
  auto set = [](const char *name) -> const char * {
    const char *v = std::getenv(name);
    return v && *v ? v : nullptr;
  };
  if (const char *dir = set("REBUY_STATE_DIR")) return std::filesystem::path(dir) / "plugins.tsv";
  if (const char *dir = set("XDG_STATE_HOME"))
    return std::filesystem::path(dir) / "rebuy" / "plugins.tsv";
  if (const char *home = set("HOME"))
    return std::filesystem::path(home) / ".local" / "state" / "rebuy" / "plugins.tsv";
  return {};
}

void plugin_verdicts::append_escaped(std::string &line, std::string_view field) {
  for (char c : field) {
    if (c == '\\')
      line += "\\\\";
    else if (c == '\t')
      line += "\\t";
    else if (c == '\n')
      line += "\\n";
    else
      line += c;
  }
}

plugin_verdicts::plugin_verdicts(std::filesystem::path file) : file_(std::move(file)) {
  if (file_.empty()) return;
  std::ifstream in(file_, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    ++lines_;
    auto f = split_record(line);
    if (f.size() < 2) continue;
    auto &v = by_path_[f[1]];
    if (f[0] == "check" && f.size() == 7) {
      auto identity = file_identity::parse(f[2]);
      if (!identity) continue;
      v.identity = *identity;
      v.sha256 = f[3];
      v.safe = f[4] == "safe";
      v.reason = f[5];
      v.host = f[6];
    } else if (f[0] == "crash" && f.size() == 6) {
      v.aside_sha256 = f[2];
      v.aside_id = f[3];
      v.aside_at = std::strtoll(f[4].c_str(), nullptr, 10);
      v.aside_reason = f[5];
    } else if (f[0] == "enable") {
      v.aside_sha256.clear();
    }
  }
  if (lines_ > 64 && lines_ > 4 * by_path_.size()) compact();
}

const plugin_verdict *plugin_verdicts::find(const std::filesystem::path &plugin) const {
  auto it = by_path_.find(plugin.string());
  return it == by_path_.end() || it->second.sha256.empty() ? nullptr : &it->second;
}

void plugin_verdicts::record_check(const std::filesystem::path &plugin,
                                   const file_identity &identity, const std::string &sha256,
                                   const std::string &host, bool safe, const std::string &reason) {
  auto &v = by_path_[plugin.string()];
  v.identity = identity;
  v.sha256 = sha256;
  v.host = host;
  v.safe = safe;
  v.reason = reason;
  append(record({"check", plugin.string(), identity.text(), sha256, safe ? "safe" : "crashes",
                 reason, host}));
}

bool plugin_verdicts::enable(const std::filesystem::path &plugin) {
  auto it = by_path_.find(plugin.string());
  if (it == by_path_.end() || it->second.aside_sha256.empty()) return false;
  it->second.aside_sha256.clear();
  append(record({"enable", plugin.string()}));
  return true;
}

std::map<std::string, plugin_verdict> plugin_verdicts::set_aside() const {
  std::map<std::string, plugin_verdict> out;
  for (const auto &[path, v] : by_path_)
    if (!v.aside_sha256.empty() && (v.sha256.empty() || v.set_aside())) out.emplace(path, v);
  return out;
}

void plugin_verdicts::append(const std::string &line) {
  if (file_.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(file_.parent_path(), ec);
  // O_APPEND: one write of a line never interleaves with another process's.
  const int fd = ::open(file_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || ::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
    spdlog::debug("{}: cannot record what was learnt of a plugin", file_.string());
  if (fd >= 0) ::close(fd);
  ++lines_;
}

void plugin_verdicts::compact() {
  std::string text;
  for (const auto &[path, v] : by_path_) {
    if (!v.sha256.empty())
      text += record({"check", path, v.identity.text(), v.sha256, v.safe ? "safe" : "crashes",
                      v.reason, v.host});
    if (!v.aside_sha256.empty())
      text += record(
          {"crash", path, v.aside_sha256, v.aside_id, std::to_string(v.aside_at), v.aside_reason});
  }
  // A record another rebuy appends meanwhile may be lost: a check is then made
  // again, a crash recorded again when it recurs.
  const auto temp = file_.string() + ".new";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return;
  }
  std::error_code ec;
  std::filesystem::rename(temp, file_, ec);
  if (!ec) lines_ = by_path_.size();
}

} // namespace rebuy::core
