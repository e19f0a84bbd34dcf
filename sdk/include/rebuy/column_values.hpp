// rebuy plugin SDK: what the values of one column look like, read from a
// sample of them: missing-value markers, numbers and the scale they sit on,
// yes/no answers, dates and free text.
//
//   rebuy::value_profile p = rebuy::profile_values(values); // <rebuy/role_guess.hpp>
//   if (auto s = p.scale_up_to(10)) ... // "1-10", codes such as 11 left outside
//
// Role guessing (<rebuy/role_guess.hpp>) weighs these facts together with the
// column's header; the table (<rebuy/guessed_table.hpp>) uses the markers and
// the scale while it emits rows.
#ifndef REBUY_COLUMN_VALUES_HPP
#define REBUY_COLUMN_VALUES_HPP

#include <rebuy/text_util.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rebuy {

// Whether a trimmed cell is a spreadsheet's or a script's way of writing "no
// value": NA, N/A, #N/A, n.a., null, None, nan, NaN, "-", "--", BLANK,
// "(blank)", "(none)". Cheap enough for every cell of a large import.
inline bool is_missing_marker(std::string_view v) noexcept {
  if (v.empty() || v.size() > 7) return false;
  switch (v.front()) {
  case '-':
    return v == "-" || v == "--" || v == "---";
  case '#':
    return ascii_iequals(v, "#N/A") || ascii_iequals(v, "#NA");
  case '(':
    return ascii_iequals(v, "(blank)") || ascii_iequals(v, "(none)") || ascii_iequals(v, "(null)");
  case 'n':
  case 'N':
    return ascii_iequals(v, "na") || ascii_iequals(v, "n/a") || ascii_iequals(v, "n.a.") ||
           ascii_iequals(v, "nan") || ascii_iequals(v, "null") || ascii_iequals(v, "none") ||
           ascii_iequals(v, "nil");
  case 'b':
  case 'B':
    return ascii_iequals(v, "blank");
  default:
    return false;
  }
}

// The range a column's numbers are read on: 1-5 stars, 0-10, 1-10, 0-100, in
// whole steps, half steps or decimals.
struct value_scale {
  double min = 1, max = 5;
  enum class steps { whole, halves, decimals } step = steps::whole;

  bool contains(double v) const noexcept { return v >= min && v <= max; }
  bool operator==(const value_scale &o) const noexcept {
    return min == o.min && max == o.max && step == o.step;
  }
};

// "1-10", "0-10", "1-5 in half steps", "0-100 with decimals".
inline std::string describe_scale(const value_scale &s) {
  std::string out = short_number(s.min) + "-" + short_number(s.max);
  if (s.step == value_scale::steps::halves) out += " in half steps";
  if (s.step == value_scale::steps::decimals) out += " with decimals";
  return out;
}

// A scale as a user writes it in --scale: "10" (1-10), "1-10", "0-10", "0-100",
// "0.5-5". Any step is accepted then: the user said what the range is.
inline std::optional<value_scale> parse_scale(std::string_view spec) {
  spec = trim_ascii(spec);
  auto number = [](std::string_view s, double &out) {
    s = trim_ascii(s);
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return !s.empty() && ec == std::errc() && end == s.data() + s.size() && std::isfinite(out);
  };
  value_scale scale;
  scale.step = value_scale::steps::decimals;
  size_t dash = spec.find('-', 1);
  if (dash == std::string_view::npos) {
    if (!number(spec, scale.max) || scale.max <= 1) return std::nullopt;
    scale.min = 1;
  } else if (!number(spec.substr(0, dash), scale.min) ||
             !number(spec.substr(dash + 1), scale.max) || scale.min < 0 || scale.max <= scale.min) {
    return std::nullopt;
  }
  return scale;
}

namespace detail::values {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

inline bool parse_number(std::string_view v, double &out) {
  if (!v.empty() && v.front() == '+') v.remove_prefix(1);
  if (v.empty()) return false;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  return ec == std::errc() && end == v.data() + v.size() && std::isfinite(out);
}

// Yes/no in the five languages rebuy reads, any case, with a trailing "." or
// "!" ("Yes.", "No!"); 1/0 are counted apart, since they are also numbers.
enum class binary { none, word, digit };
inline binary binary_answer(std::string_view v) {
  while (!v.empty() && (v.back() == '.' || v.back() == '!'))
    v.remove_suffix(1);
  if (v == "0" || v == "1") return binary::digit;
  if (v.size() > 5) return binary::none;
  std::string lower = ascii_lower(v);
  static constexpr std::array<std::string_view, 16> words = {
      "yes", "no",  "y",  "n",  "true", "false", "ja",  "nein",
      "oui", "non", "si", "sí", "sim",  "não",   "nao", "t"};
  if (lower == "f") return binary::word; // True/False written T/F
  return std::find(words.begin(), words.end(), lower) != words.end() ? binary::word : binary::none;
}

// Whether the value holds a four-digit year before 1970: spreadsheets write a
// bare time as a time on 1899-12-30 or 12/31/1899.
inline bool year_before_1970(std::string_view v) {
  for (size_t i = 0; i < v.size();) {
    size_t j = i;
    while (j < v.size() && is_digit(v[j]))
      ++j;
    if (j - i == 4) {
      int year = 0;
      std::from_chars(v.data() + i, v.data() + j, year);
      if (year >= 1000 && year < 1970) return true;
    }
    i = j == i ? i + 1 : j;
  }
  return false;
}

// Chinese or Japanese prose has no spaces but is text: several non-ASCII bytes.
inline bool is_wordy(std::string_view v) {
  if (v.find(' ') != std::string_view::npos) return true;
  return std::count_if(v.begin(), v.end(), [](char c) { return (c & 0x80) != 0; }) >= 6;
}

} // namespace detail::values

// Facts about a sample of one column's values. Blank cells and missing-value
// markers are counted apart and take no part in the rest.
struct value_profile {
  size_t blank = 0;
  size_t markers = 0;   // NA, nan, "-", ...
  size_t non_blank = 0; // everything else
  size_t distinct = 0;
  size_t numbers = 0;                     // decimal numbers
  size_t whole = 0;                       // of them, whole numbers
  size_t negative = 0;                    // of them, below 0
  std::map<double, size_t> number_counts; // each number and how often
  size_t dates = 0;
  size_t old_dates = 0;     // before 1970: Excel's time-only cells ("12/31/1899 02:00 PM")
  size_t binary_words = 0;  // yes/no, true/false
  size_t binary_digits = 0; // 0 and 1
  size_t wordy = 0;         // contains a space, or is prose without spaces
  size_t total_bytes = 0;
  std::string_view most_common; // the most frequent value, with its count
  size_t most_common_count = 0;
  std::vector<std::string_view> examples; // the first three different values

  double min_number() const noexcept {
    return number_counts.empty() ? 0.0 : number_counts.begin()->first;
  }
  // Sentences: long on average, mostly with spaces, mostly different from
  // each other (a checkbox column repeats one long label, which is not text).
  bool free_text() const noexcept {
    return non_blank > 0 && total_bytes > 40 * non_blank && wordy * 2 >= non_blank &&
           distinct * 2 >= non_blank;
  }
  bool all_numbers() const noexcept { return non_blank > 0 && numbers == non_blank; }
  bool mostly_dates() const noexcept {
    return non_blank > 0 && dates * 5 >= non_blank * 4 && old_dates * 2 < dates;
  }
  // Every answer a yes/no word or 0/1.
  bool binary_values() const noexcept {
    return non_blank > 0 && binary_words + binary_digits == non_blank;
  }

  // The smallest scale from 0/1 to 5, 10 or 100 (and 7 with `seven_point`),
  // up to `top`, that holds the column's numbers but a few codes outside it
  // (the airport survey's 11 for "no answer"): at most two distinct values
  // and a tenth of the numbers may fall outside. Whole numbers go on whole
  // steps; 5-point scales may have half steps; 10- and 100-point scales also
  // decimals. nullopt when no scale holds them, or a tenth of the values are
  // not numbers.
  std::optional<value_scale> scale_up_to(double top, bool seven_point = false) const;

  // Numbers outside `scale`, with their counts ("11" x 159).
  std::vector<std::pair<double, size_t>> outside(const value_scale &scale) const {
    std::vector<std::pair<double, size_t>> out;
    for (const auto &[v, n] : number_counts)
      if (!scale.contains(v)) out.emplace_back(v, n);
    return out;
  }
};

inline std::optional<value_scale> value_profile::scale_up_to(double top, bool seven_point) const {
  if (numbers == 0 || numbers * 10 < non_blank * 9) return std::nullopt;
  for (double max : {5.0, 7.0, 10.0, 100.0}) {
    if (max > top) break;
    if (max == 7 && !seven_point) continue;
    size_t inside = 0, inside_whole = 0, inside_halves = 0, outside_kinds = 0;
    double low = max;
    for (const auto &[v, n] : number_counts) {
      if (v < 0 || v > max) {
        ++outside_kinds;
        continue;
      }
      inside += n;
      low = std::min(low, v);
      if (v == std::floor(v)) inside_whole += n;
      if (v * 2 == std::floor(v * 2)) inside_halves += n;
    }
    if (inside == 0 || outside_kinds > 2 || (numbers - inside) * 10 > numbers) continue;
    value_scale s;
    s.max = max;
    s.min = low < 1 || max == 100 ? 0 : 1; // percent-like scores start at 0
    if (inside_whole == inside)
      s.step = value_scale::steps::whole;
    else if (inside_halves == inside && max == 5)
      s.step = value_scale::steps::halves;
    else if (max >= 10)
      s.step = value_scale::steps::decimals;
    else
      return std::nullopt; // 4.3 of 5: a computed average, not an answer
    return s;
  }
  return std::nullopt;
}

} // namespace rebuy

#endif // REBUY_COLUMN_VALUES_HPP
