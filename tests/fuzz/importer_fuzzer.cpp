// An importer on hostile bytes, driven through the SDK's C ABI as the host drives it
// (rebuy/importer_testing.hpp): probe the head under a few file names, then open, read to
// the end in batches, describe and close. Beyond memory errors, undefined behaviour, leaks
// and hangs, one property: a run that fails says why.
#include "fuzz_input.hpp"

#include <rebuy/importer_testing.hpp>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  auto [shape, file] = rebuy::fuzz::split_input(data, size);
  for (const char *name : {"feedback.csv", "reviews.json", "export.tsv", "data"})
    rebuy::testing::probe(file, name);

  const auto patterns = rebuy::testing::chunk_patterns();
  const size_t batch_rows[] = {1024, 1, 7, 64};
  auto result = rebuy::testing::run(std::string(file), {}, patterns[shape % patterns.size()],
                                    batch_rows[(shape / 8) % 4]);
  REBUY_FUZZ_CHECK(result.status == REBUY_OK || !result.error.empty(),
                   "a failed import gives a reason");
  return 0;
}
