#pragma once
// Section 4: what drives customers away — themes with their impact on NPS and
// on the would-buy-again rate, and the words typical of would-not-buy-again
// feedback, each with one real quote.
#include "report/distinctive_words.hpp"
#include "report/figures.hpp"
#include "store/sql.hpp"
#include "util/string_map.hpp"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace rebuy::core {

struct theme_row {
  std::string theme;
  figures values;           // the responses mentioning the theme
  double nps_impact = NAN;  // NPS(all) − NPS(without the theme), −1..1
  double rate_impact = NAN; // the same for the would-buy-again rate, −1..1
  std::string quote;        // from a response mentioning it, would-not-buy-again first
};

struct word_row {
  std::string word;
  uint64_t would_not = 0, would = 0; // responses of each group using it
  double log_odds = 0, z = 0;
  std::string quote;
};

struct themes_data {
  uint64_t themed_responses = 0;                 // responses the themes analyzer labelled
  std::vector<theme_row> themes;                 // most harmful to the rate (else NPS) first
  uint64_t would_not_texts = 0, would_texts = 0; // texts compared for distinctive words
  std::vector<word_row> words;
};

// A quote fit for a report: whitespace collapsed, cut at `limit` bytes on a
// UTF-8 boundary with "…" added.
std::string quote_of(std::string_view text, size_t limit = 280);

// Text of response `id` (text, else title), or "".
std::string response_text(sql::connection &db, int64_t id);

class themes_builder {
public:
  themes_builder();
  void add(const scanned_response &r);
  themes_data finish(sql::connection &db, const tally &overall, rate_basis basis,
                     const report_options &options) const;

private:
  struct theme_tally {
    tally t;
    response_ref quote;
    int quote_rank = 3; // 0 would-not, 1 detractor, 2 any text; 3 none yet
  };
  std::map<std::string, theme_tally, std::less<>> themes_;
  uint64_t themed_ = 0, would_not_ = 0, would_ = 0;
  flat_string_map<word_counts> words_;
};

} // namespace rebuy::core
