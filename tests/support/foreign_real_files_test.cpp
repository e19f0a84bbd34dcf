// Part of rebuy_PLUGIN_real_tests for a FORMAT_SPECIFIC importer (importer_tests.cmake):
// its probe gives 0 on every real file but those in its OWN_REAL_DATA folder, each
// read as the host hands it over.
#include "real_files.hpp"

#include <doctest/doctest.h>

TEST_CASE("real: probe is 0 on the other formats' real files") {
  auto files = real_files::foreign(REBUY_OWN_REAL_DATA);
  CHECK(files.size() >= 10);
  for (const auto &file : files)
    CHECK_MESSAGE(importer_checks::probe_file(file) == 0, file.string());
}
