// On-demand throughput check (not a test): reads one text per line, prepares
// them as the host does, then times the analyzer alone over all of them.
//   rebuy_themes_bench comments.txt [repeat] [print]
// With "print", the last run's scores are written out, one line each.
#include "prepared_text.hpp"

#include <rebuy/plugin_abi.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

extern "C" const rebuy_plugin_info *rebuy_plugin_entry_v1(void);

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s texts.txt [repeat]\n", argv[0]);
    return 2;
  }
  const int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  const bool print = argc > 3 && std::string(argv[3]) == "print";
  std::ifstream in(argv[1]);
  std::vector<std::unique_ptr<rebuy::themes::testing::prepared_response>> prepared;
  std::vector<rebuy_response> responses;
  size_t bytes = 0, tokens = 0;
  for (std::string line; std::getline(in, line);) {
    bytes += line.size();
    prepared.push_back(
        std::make_unique<rebuy::themes::testing::prepared_response>(std::vector{line}));
    responses.push_back(prepared.back()->abi());
    tokens += responses.back().texts[0].token_count;
  }
  const rebuy_analyzer_api &api = *rebuy_plugin_entry_v1()->analyzer;
  rebuy_analyzer *a = nullptr;
  api.create(nullptr, nullptr, 0, &a, nullptr);
  size_t scored[3] = {};
  double best = 1e9;
  for (int r = 0; r < repeat; ++r) {
    // CPU time, not wall time: the machine is shared and a busy neighbour
    // should not show up as a slow analyzer.
    const std::clock_t start = std::clock();
    scored[0] = scored[1] = scored[2] = 0;
    for (size_t i = 0; i < responses.size(); i += 1000) {
      rebuy_scores out{};
      out.struct_size = sizeof out;
      const size_t n = std::min<size_t>(1000, responses.size() - i);
      if (api.analyze_batch(a, responses.data() + i, n, &out, nullptr) != REBUY_OK) return 1;
      for (size_t k = 0; k < out.score_count; ++k) {
        const rebuy_score &s = out.scores[k];
        ++scored[s.metric];
        if (print && r == repeat - 1)
          std::printf("%zu\t%.*s\t%.*s\t%.*s\n", i + s.response_index,
                      static_cast<int>(api.metrics[s.metric].name.size),
                      api.metrics[s.metric].name.data, static_cast<int>(s.label.size), s.label.data,
                      static_cast<int>(s.evidence.size), s.evidence.data);
      }
    }
    best = std::min(best, static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
  }
  api.destroy(a);
  std::printf("%zu texts, %.2f MB, %zu tokens: best of %d %.4f s CPU = %.1f MB/s, %.1f M tokens/s\n"
              "with themes %zu, journey_stage %zu, key_phrases %zu\n",
              responses.size(), bytes / 1e6, tokens, repeat, best, bytes / 1e6 / best,
              tokens / 1e6 / best, scored[0], scored[1], scored[2]);
  return 0;
}
