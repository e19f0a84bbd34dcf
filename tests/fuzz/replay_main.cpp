// Replays files through a fuzz target without libFuzzer, so every build (the sanitizer build
// too) runs the seed corpora and the saved findings: `replay REGRESSIONS SEED...`. The
// regressions folder may be absent; a seed folder may not, and a target given no input at all
// fails, as it would test nothing.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace fs = std::filesystem;

int main(int argc, char **argv) {
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    fs::path root = argv[i];
    if (!fs::exists(root)) {
      if (i == 1) continue;
      std::fprintf(stderr, "%s: no such seed folder\n", argv[i]);
      return 1;
    }
    if (fs::is_regular_file(root))
      inputs.push_back(root);
    else
      for (const auto &entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file()) inputs.push_back(entry.path());
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "no inputs to replay\n");
    return 1;
  }
  for (const auto &path : inputs) {
    std::ifstream file(path, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size());
  }
  std::printf("%zu inputs replayed\n", inputs.size());
  return 0;
}
