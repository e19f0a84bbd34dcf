// Throughput of the text_signals analyzer on one core, through its C ABI as the host calls it.
//
//   text_signals_bench PLUGIN.so EXPORT.csv [RUNS]
//
// EXPORT.csv is a `rebuy export --format csv` file; its titles and texts are prepared once with
// the host's ICU text preparation in batches of 1024 responses (timed apart), then every batch
// is analyzed RUNS times (default 20). Prints responses/s and MB/s of text for both steps.
#include "export_csv.hpp"
#include "text/text_batch.hpp"

#include <rebuy/plugin_abi.h>

#include <dlfcn.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr size_t batch_size = 1024;
using clock_type = std::chrono::steady_clock;

struct item {
  std::string title, text;
};

std::vector<item> read_texts(const std::string &path) {
  rebuy_bench::export_csv csv(path);
  const long title = csv.column("title"), text = csv.column("text");
  std::vector<item> items;
  while (csv.next())
    items.push_back({csv.cell(title), csv.cell(text)});
  return items;
}

const rebuy_analyzer_api &load(const char *path) {
  void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!library) throw std::runtime_error(dlerror());
  auto entry = reinterpret_cast<rebuy_plugin_entry_fn>(dlsym(library, REBUY_ENTRY_SYMBOL));
  const rebuy_plugin_info *info = entry ? entry() : nullptr;
  if (!info || !info->analyzer) throw std::runtime_error(std::string(path) + ": not an analyzer");
  return *info->analyzer;
}

double seconds_since(clock_type::time_point start) {
  return std::chrono::duration<double>(clock_type::now() - start).count();
}

// One prepared batch: the host's text preparation and the responses pointing into it.
struct prepared {
  rebuy::core::text_batch texts;
  std::vector<rebuy_response> responses;
};

} // namespace

int main(int argc, char **argv) try {
  if (argc < 3) {
    std::fprintf(stderr, "usage: text_signals_bench PLUGIN.so EXPORT.csv [RUNS]\n");
    return 1;
  }
  const rebuy_analyzer_api &api = load(argv[1]);
  const std::vector<item> items = read_texts(argv[2]);
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 20;
  size_t bytes = 0;
  for (const item &i : items)
    bytes += i.title.size() + i.text.size();

  const auto prepare_start = clock_type::now();
  std::vector<std::unique_ptr<prepared>> batches;
  for (size_t first = 0; first < items.size(); first += batch_size) {
    auto b = std::make_unique<prepared>();
    std::vector<std::pair<size_t, size_t>> ranges; // first text, count
    for (size_t i = first; i < std::min(first + batch_size, items.size()); ++i) {
      const size_t before = b->texts.size();
      if (!items[i].title.empty()) b->texts.add(items[i].title, REBUY_ROLE_TITLE, "title");
      if (!items[i].text.empty()) b->texts.add(items[i].text, REBUY_ROLE_TEXT, "text");
      ranges.emplace_back(before, b->texts.size() - before);
    }
    const auto texts = b->texts.texts();
    for (size_t i = 0; i < ranges.size(); ++i)
      b->responses.push_back({static_cast<int64_t>(first + i), REBUY_RECORD_REVIEW, nullptr, 0,
                              ranges[i].second ? texts.data() + ranges[i].first : nullptr,
                              ranges[i].second});
    batches.push_back(std::move(b));
  }
  const double prepare_seconds = seconds_since(prepare_start);

  rebuy_analyzer *analyzer = nullptr;
  rebuy_error_sink errors{nullptr, [](void *, rebuy_str) {}};
  if (api.create(nullptr, nullptr, 0, &analyzer, &errors) != REBUY_OK)
    throw std::runtime_error("create failed");
  std::vector<double> speeds;
  size_t scores = 0;
  for (int r = 0; r < runs; ++r) {
    const auto start = clock_type::now();
    scores = 0;
    for (const auto &b : batches) {
      rebuy_scores out{};
      out.struct_size = sizeof out;
      if (api.analyze_batch(analyzer, b->responses.data(), b->responses.size(), &out, &errors) !=
          REBUY_OK)
        throw std::runtime_error("analyze_batch failed");
      scores += out.score_count;
    }
    speeds.push_back(static_cast<double>(items.size()) / seconds_since(start));
  }
  api.destroy(analyzer);
  std::sort(speeds.begin(), speeds.end());
  const double median = speeds[speeds.size() / 2];
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("%zu responses, %.2f MB of text, %zu scores\n", items.size(), mb, scores);
  std::printf("ICU preparation (host): %.0f responses/s, %.1f MB/s\n",
              static_cast<double>(items.size()) / prepare_seconds, mb / prepare_seconds);
  std::printf("text_signals analyzer:  %.0f responses/s, %.1f MB/s (median of %d runs)\n", median,
              mb * median / static_cast<double>(items.size()), runs);
  return 0;
} catch (const std::exception &e) {
  std::fprintf(stderr, "text_signals_bench: %s\n", e.what());
  return 1;
}
