// Throughput of text_batch on one core: how fast the free text of responses is prepared.
//
//   text_batch_bench [FILE] [RUNS]
//
// FILE: one text per line (a review export, a JSON-lines dump...); without it, about 16 MB of
// generated English review text. Prints MB/s for each run and their median.
#include "text/text_batch.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr size_t batch_size = 1024; // texts per batch, as the pipeline hands them to analyzers

std::vector<std::string> read_lines(const char *path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string(path) + ": cannot read");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

// Review-like English: sentences of 4-20 words, some capitalised or shouted, with commas,
// numbers, apostrophes and the odd accented word.
std::vector<std::string> generate(size_t total_bytes) {
  static const char *const words[] = {
      "the",      "shoes",   "fit",    "perfectly", "and",         "I",        "would",
      "buy",      "them",    "again",  "delivery",  "was",         "slow",     "but",
      "customer", "service", "helped", "me",        "quickly",     "quality",  "is",
      "great",    "for",     "the",    "price",     "not",         "worth",    "it",
      "returned", "size",    "runs",   "small",     "comfortable", "material", "feels",
      "cheap",    "love",    "color",  "recommend", "to",          "my",       "friends",
      "never",    "again",   "order",  "arrived",   "late",        "box",      "damaged",
      "don't",    "it's",    "very",   "really",    "product",     "looks",    "exactly",
      "like",     "picture", "café",   "naïve",     "2",           "10",       "stars",
      "after",    "a",       "week",   "of",        "wearing",     "they",     "fell",
      "apart",    "refund"};
  static const char *const ends[] = {".", ".", ".", "!", "?", "..."};
  std::mt19937 rng(42);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  std::vector<std::string> texts;
  size_t bytes = 0;
  while (bytes < total_bytes) {
    std::string text;
    const size_t sentences = 1 + pick(5);
    for (size_t s = 0; s < sentences; ++s) {
      const size_t length = 4 + pick(17);
      for (size_t w = 0; w < length; ++w) {
        std::string word = words[pick(std::size(words))];
        if (w == 0 || pick(40) == 0) word[0] = static_cast<char>(std::toupper(word[0]));
        if (pick(60) == 0)
          for (char &c : word)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        text += word;
        text += w + 1 == length ? ends[pick(std::size(ends))] : pick(8) == 0 ? ", " : " ";
      }
      text += ' ';
    }
    bytes += text.size();
    texts.push_back(std::move(text));
  }
  return texts;
}

double run(rebuy::core::text_batch &batch, const std::vector<std::string> &texts, size_t bytes,
           size_t &tokens) {
  const auto start = std::chrono::steady_clock::now();
  tokens = 0;
  for (size_t i = 0; i < texts.size(); i += batch_size) {
    batch.clear();
    for (size_t j = i; j < std::min(i + batch_size, texts.size()); ++j)
      batch.add(texts[j], REBUY_ROLE_TEXT, "body");
    for (const rebuy_text &t : batch.texts())
      tokens += t.token_count;
  }
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  return static_cast<double>(bytes) / 1e6 / seconds.count();
}

} // namespace

int main(int argc, char **argv) try {
  const std::vector<std::string> texts = argc > 1 ? read_lines(argv[1]) : generate(16'000'000);
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  size_t bytes = 0;
  for (const std::string &t : texts)
    bytes += t.size();

  rebuy::core::text_batch batch;
  std::vector<double> speeds;
  size_t tokens = 0;
  for (int r = 0; r < runs; ++r) {
    speeds.push_back(run(batch, texts, bytes, tokens));
    std::printf("run %d: %.1f MB/s\n", r + 1, speeds.back());
  }
  std::sort(speeds.begin(), speeds.end());
  std::printf("%zu texts, %.1f MB, %zu tokens; median %.1f MB/s\n", texts.size(),
              static_cast<double>(bytes) / 1e6, tokens, speeds[speeds.size() / 2]);
  return 0;
} catch (const std::exception &e) {
  std::fprintf(stderr, "text_batch_bench: %s\n", e.what());
  return 1;
}
