// For the real-file tests (rebuy_PLUGIN_real_tests) only: the files in
// ../shared/data/real, read in place and never copied into the repository.
// Programs of these tests skip as a whole where the folder is absent
// (real_data_main.cpp).
#ifndef REBUY_REAL_FILES_HPP
#define REBUY_REAL_FILES_HPP

#include "importer_checks.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace real_files {

namespace fs = std::filesystem;

// A real file by its path in the folder ("qualtrics/qualtrics_sample.csv").
inline fs::path path(std::string_view relative) { return fs::path(REBUY_REAL_DATA_DIR) / relative; }

// Its bytes; a file that cannot be read fails the test.
inline std::string read(std::string_view relative) {
  std::string text = csv_test::read_file(path(relative).string());
  INFO("real data file: ", relative);
  REQUIRE(!text.empty());
  return text;
}

// Every real file but the README and those in the folder `own` ("" for none):
// what a format-specific importer's probe must give 0.
inline std::vector<fs::path> foreign(std::string_view own) {
  std::vector<fs::path> out;
  for (const auto &file : fs::recursive_directory_iterator(REBUY_REAL_DATA_DIR))
    if (file.is_regular_file() && file.path().extension() != ".md" &&
        file.path().parent_path().filename() != own)
      out.push_back(file.path());
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace real_files

#endif // REBUY_REAL_FILES_HPP
