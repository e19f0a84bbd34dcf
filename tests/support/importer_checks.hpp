// Checks every tabular importer's tests share: its probe through the C ABI,
// the files of ours it must refuse (every other plugin's check sample and the
// bundled demo files), and importing a file.
#ifndef REBUY_IMPORTER_CHECKS_HPP
#define REBUY_IMPORTER_CHECKS_HPP

#include "test_support.hpp"

#include <rebuy/text_util.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace importer_checks {

namespace fs = std::filesystem;

// The plugin's probe, as the host calls it.
inline int probe(std::string_view head, std::string_view file_name = "file.csv") {
  return rebuy_plugin_entry_v1()->importer->probe(rebuy::to_str(head), rebuy::to_str(file_name));
}

// UTF-16 to UTF-8, for the UTF-16 samples the host would decode.
inline std::string utf8_from_utf16(std::string_view bytes, bool big_endian) {
  std::string out;
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    auto unit = [&](size_t at) {
      auto b0 = static_cast<unsigned char>(bytes[at]),
           b1 = static_cast<unsigned char>(bytes[at + 1]);
      return static_cast<uint32_t>(big_endian ? (b0 << 8 | b1) : (b1 << 8 | b0));
    };
    uint32_t cp = unit(i);
    if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < bytes.size()) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      i += 2;
    }
    rebuy::detail::append_utf8(out, cp);
  }
  return out;
}

// A file's text as the host hands it to importers: BOM removed, UTF-16 decoded.
inline std::string decoded(const fs::path &file) {
  std::string bytes = csv_test::read_file(file.string());
  if (bytes.compare(0, 2, "\xFF\xFE") == 0) return utf8_from_utf16(bytes.substr(2), false);
  if (bytes.compare(0, 2, "\xFE\xFF") == 0) return utf8_from_utf16(bytes.substr(2), true);
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  return bytes;
}

inline int probe_file(const fs::path &file) {
  std::string text = decoded(file);
  text.resize(std::min<size_t>(text.size(), 64 << 10));
  return probe(text, file.filename().string());
}

// Files of ours the plugin must answer 0 for: every other plugin's check
// sample and the bundled demo files (real_files.hpp adds the real files).
inline std::vector<fs::path> foreign_files() {
  std::vector<fs::path> out;
  for (const auto &plugin : fs::directory_iterator(REBUY_PLUGINS_DIR)) {
    fs::path data = plugin.path() / "tests" / "data";
    if (plugin.path().filename() == REBUY_PLUGIN_NAME || !fs::is_directory(data)) continue;
    for (const auto &file : fs::directory_iterator(data))
      if (file.path().stem() == "check_sample") out.push_back(file.path());
  }
  for (const char *demo : {"feedback/northwind_survey.csv", "feedback/northwind_orders.csv",
                           "example-importer/sample_tickets.csv"})
    out.push_back(fs::path(REBUY_SAMPLES_DIR) / demo);
  std::sort(out.begin(), out.end());
  return out;
}

// A format-specific importer claims none of foreign_files().
inline void check_claims_nothing_foreign() {
  auto files = foreign_files();
  CHECK(files.size() >= 10);
  for (const auto &file : files)
    CHECK_MESSAGE(probe_file(file) == 0, file.string());
}

// Imports a file through the C ABI, read in chunks of the given sizes.
inline csv_test::result import(const fs::path &file, const csv_test::option_list &options = {},
                               std::vector<size_t> pattern = {}) {
  csv_test::chunked_input in(decoded(file), std::move(pattern), file.filename().string());
  return csv_test::run(in.get(), options);
}

inline fs::path test_file(std::string_view name) { return fs::path(REBUY_TEST_DATA_DIR) / name; }

} // namespace importer_checks

#endif // REBUY_IMPORTER_CHECKS_HPP
