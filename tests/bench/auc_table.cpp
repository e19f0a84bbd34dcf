// Accuracy of the text signals against star ratings, from `rebuy export --format csv` files.
//
//   auc_table [--threshold T] NAME=EXPORT.csv ...
//
// Per file: responses with a label and some text. The label is the rating as a share of its
// maximum (rating_max, 5 when absent): 0.75 or more positive (would buy again: 4-5 of 5 stars,
// 7.5-10 of 10), 0.5 or less negative (1-2 stars, 5 of 10 or less), the middle left out; or,
// without a rating, a yes/no would-recommend answer (Steam's "recommended"). Prints, for the
// development half, the held-out half and all of it:
// n, distinct texts, positives, negatives, the share the analyzer scored, the AUC of
// text_buy_again_probability and of sentiment alone, and the negative class's precision,
// recall and F1 when "probability < T" predicts negative. A response without a probability
// counts as 0.5 (no information), without a sentiment as 0. Then, over all of each file, how
// often the repurchase and referral signals speak and agree with the label, and the share of
// texts of two words or more (labelled or not) that got a sentiment. The halves are split by
// a hash of the title and text, so duplicate reviews stay on one side and every importer splits
// alike.
#include "export_csv.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

// The label of a response, if it has one: see the top of this file.
std::optional<bool> label(std::optional<double> rating, std::optional<double> rating_max,
                          const std::string &recommend) {
  if (rating) {
    const double share = *rating / rating_max.value_or(5);
    if (share >= 0.75) return true;
    if (share <= 0.5) return false;
    return std::nullopt;
  }
  std::string r;
  for (char c : recommend)
    r += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (r == "true" || r == "yes" || r == "1") return true;
  if (r == "false" || r == "no" || r == "0") return false;
  return std::nullopt;
}

// Words, not numbers: every text of two words or more in a supported language should get a
// sentiment. "10/10" has none, "LOJA 10" one.
size_t word_count(const std::string &s) {
  size_t words = 0;
  bool in_word = false, has_letter = false;
  for (unsigned char c : s) {
    const bool part = std::isalnum(c) || c >= 0x80;
    if (part) has_letter = has_letter || !std::isdigit(c);
    if (!part && in_word) words += has_letter, has_letter = false;
    in_word = part;
  }
  return words + (in_word && has_letter);
}

struct coverage {
  size_t texts = 0, with_sentiment = 0; // of two words or more
};

struct example {
  uint64_t text_hash; // of title and text: duplicates have the same
  bool positive;
  bool development;
  std::optional<double> probability, sentiment, repurchase, referral;
};

uint64_t fnv1a(std::string_view a, std::string_view b) {
  uint64_t h = 0xcbf29ce484222325ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s)
      h = (h ^ c) * 0x100000001b3ull;
  };
  mix(a);
  mix("\x1f");
  mix(b);
  return h;
}

std::optional<double> number(const std::string &s) {
  if (s.empty()) return std::nullopt;
  char *end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::vector<example> read_export(const std::string &path, coverage &covered) {
  rebuy_bench::export_csv csv(path);
  const long rating = csv.column("rating"), rating_max = csv.column("rating_max", false),
             recommend = csv.column("recommend", false), title = csv.column("title"),
             text = csv.column("text"),
             sentiment = csv.column("sentiment", false),
             probability = csv.column("text_buy_again_probability", false),
             repurchase = csv.column("repurchase_signal", false),
             referral = csv.column("referral_signal", false);
  std::vector<example> out;
  while (csv.next()) {
    if (word_count(csv.cell(title)) + word_count(csv.cell(text)) >= 2) {
      ++covered.texts;
      covered.with_sentiment += number(csv.cell(sentiment)).has_value();
    }
    const std::optional<bool> positive =
        label(number(csv.cell(rating)), number(csv.cell(rating_max)), csv.cell(recommend));
    if (!positive) continue;
    if (csv.cell(title).empty() && csv.cell(text).empty()) continue;
    const uint64_t hash = fnv1a(csv.cell(title), csv.cell(text));
    const bool development = ((hash >> 32) & 1) == 0;
    out.push_back({hash, *positive, development, number(csv.cell(probability)),
                   number(csv.cell(sentiment)), number(csv.cell(repurchase)),
                   number(csv.cell(referral))});
  }
  return out;
}

// Mann-Whitney AUC with mid-ranks for ties.
double auc(std::vector<std::pair<double, bool>> scored) {
  std::sort(scored.begin(), scored.end());
  double positive_ranks = 0;
  size_t positives = 0;
  for (size_t i = 0; i < scored.size();) {
    size_t j = i;
    while (j < scored.size() && scored[j].first == scored[i].first)
      ++j;
    const double mid_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
    for (size_t k = i; k < j; ++k)
      if (scored[k].second) positive_ranks += mid_rank, ++positives;
    i = j;
  }
  const size_t negatives = scored.size() - positives;
  if (positives == 0 || negatives == 0) return NAN;
  const double p = static_cast<double>(positives), n = static_cast<double>(negatives);
  return (positive_ranks - p * (p + 1) / 2) / (p * n);
}

struct row_stats {
  size_t n = 0, distinct = 0, positives = 0, negatives = 0, covered = 0;
  double auc_probability = NAN, auc_sentiment = NAN, precision = NAN, recall = NAN, f1 = NAN;
};

row_stats measure(const std::vector<example> &examples, double threshold) {
  row_stats s;
  std::vector<std::pair<double, bool>> by_probability, by_sentiment;
  size_t true_negative = 0, predicted_negative = 0;
  std::set<uint64_t> texts;
  for (const example &e : examples) {
    ++s.n;
    texts.insert(e.text_hash);
    ++(e.positive ? s.positives : s.negatives);
    if (e.probability) ++s.covered;
    const double p = e.probability.value_or(0.5);
    by_probability.emplace_back(p, e.positive);
    by_sentiment.emplace_back(e.sentiment.value_or(0.0), e.positive);
    if (p < threshold) {
      ++predicted_negative;
      if (!e.positive) ++true_negative;
    }
  }
  s.distinct = texts.size();
  s.auc_probability = auc(std::move(by_probability));
  s.auc_sentiment = auc(std::move(by_sentiment));
  if (predicted_negative) s.precision = static_cast<double>(true_negative) / predicted_negative;
  if (s.negatives) s.recall = static_cast<double>(true_negative) / s.negatives;
  if (s.precision + s.recall > 0) s.f1 = 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

std::string fixed(double v, int decimals = 3) {
  if (std::isnan(v)) return "n/a";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
  return buffer;
}

std::string percent(double share) {
  return std::isnan(share) ? "n/a" : fixed(100 * share, 1) + " %";
}

// How often a phrase signal speaks, and how often its sign agrees with the stars.
void print_signal_rows(const std::string &name, const std::vector<example> &examples) {
  const std::pair<const char *, std::optional<double> example::*> signals[] = {
      {"repurchase_signal", &example::repurchase}, {"referral_signal", &example::referral}};
  for (const auto &[signal, member] : signals) {
    size_t present = 0, positive = 0, agree = 0;
    for (const example &e : examples) {
      const auto &v = e.*member;
      if (!v || *v == 0) continue;
      ++present;
      positive += *v > 0;
      agree += (*v > 0) == e.positive;
    }
    const double n = static_cast<double>(examples.size());
    std::printf(
        "| %s | %s | %s | %zu | %zu | %s |\n", name.c_str(), signal,
        percent(n > 0 ? static_cast<double>(present) / n : NAN).c_str(), positive,
        present - positive,
        percent(present ? static_cast<double>(agree) / static_cast<double>(present) : NAN).c_str());
  }
}

int usage() {
  std::cerr << "usage: auc_table [--threshold T] NAME=EXPORT.csv ...\n";
  return 1;
}

} // namespace

int main(int argc, char **argv) {
  double threshold = 0.5;
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threshold" && i + 1 < argc) {
      const auto t = number(argv[++i]);
      if (!t || *t <= 0 || *t >= 1) return usage();
      threshold = *t;
    } else if (const size_t eq = arg.find('='); eq != std::string::npos && eq > 0) {
      files.emplace_back(arg.substr(0, eq), arg.substr(eq + 1));
    } else {
      return usage();
    }
  }
  if (files.empty()) return usage();

  std::printf(
      "| file | part | n | distinct texts | pos | neg | scored | AUC | AUC sentiment only | "
      "neg. precision | neg. recall | neg. F1 (p < %.2f) |\n",
      threshold);
  std::printf("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  try {
    std::vector<std::pair<std::string, std::vector<example>>> read;
    std::vector<coverage> coverages(files.size());
    for (size_t f = 0; f < files.size(); ++f)
      read.emplace_back(files[f].first, read_export(files[f].second, coverages[f]));
    for (const auto &[name, all] : read) {
      std::vector<example> parts[2];
      for (const example &e : all)
        parts[e.development ? 0 : 1].push_back(e);
      const std::pair<const char *, const std::vector<example> *> rows[] = {
          {"development", &parts[0]}, {"held-out", &parts[1]}, {"all", &all}};
      for (const auto &[part, examples] : rows) {
        const row_stats s = measure(*examples, threshold);
        std::printf(
            "| %s | %s | %zu | %zu | %zu | %zu | %s | %s | %s | %s | %s | %s |\n", name.c_str(),
            part, s.n, s.distinct, s.positives, s.negatives,
            percent(s.n ? static_cast<double>(s.covered) / static_cast<double>(s.n) : NAN).c_str(),
            fixed(s.auc_probability).c_str(), fixed(s.auc_sentiment).c_str(),
            fixed(s.precision).c_str(), fixed(s.recall).c_str(), fixed(s.f1).c_str());
      }
    }
    std::printf("\n| file | signal | responses with it | + | - | sign agrees with stars |\n");
    std::printf("|---|---|---:|---:|---:|---:|\n");
    for (const auto &[name, all] : read)
      print_signal_rows(name, all);
    std::printf("\n| file | texts of two words or more | with a sentiment |\n|---|---:|---:|\n");
    for (size_t f = 0; f < files.size(); ++f) {
      const coverage &c = coverages[f];
      std::printf("| %s | %zu | %s |\n", files[f].first.c_str(), c.texts,
                  percent(c.texts ? static_cast<double>(c.with_sentiment) /
                                        static_cast<double>(c.texts)
                                  : NAN)
                      .c_str());
    }
  } catch (const std::exception &e) {
    std::cerr << "auc_table: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
