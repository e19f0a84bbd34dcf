#include "intent_answer.hpp"

#include "intent_phrases.hpp"
#include "text_fold.hpp"

#include <rebuy/text_util.hpp>

#include <charconv>
#include <string>
#include <system_error>
#include <vector>

namespace rebuy::buy_again {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_number(std::string_view word) {
  return !word.empty() && word.find_first_not_of("0123456789") == std::string_view::npos;
}

// A number's label after a separator: "5 - Definitely would", "9: Almost
// sure", "0 (No chance)". Returns the label, or nullopt when the rest is not a
// label (nothing, or "5-6", "9/10", "5 stars").
std::optional<std::string_view> label_after_number(std::string_view rest) {
  rest = trim_ascii(rest);
  bool separated = false;
  // UTF-8 en and em dashes: tools that typeset their labels use them.
  for (std::string_view sep : {"-", ":", "=", "(", "\xE2\x80\x93", "\xE2\x80\x94"})
    if (rest.substr(0, sep.size()) == sep) {
      rest.remove_prefix(sep.size());
      separated = true;
      break;
    }
  rest = trim_ascii(rest);
  if (!separated || rest.empty() || is_digit(rest.front()) || rest.front() == '-' ||
      rest.front() == '+' || rest.front() == '.')
    return std::nullopt;
  return rest;
}

struct number {
  std::optional<int> value;
  std::optional<std::string_view> label;
  std::string_view problem;
};

number read_number(std::string_view s) {
  int value = 0;
  const char *const end = s.data() + s.size();
  const auto [next, error] = std::from_chars(s.data(), end, value);
  std::string_view rest(next, static_cast<size_t>(end - next));
  // A fraction only when it is zero ("4.0"); a decimal comma is not read.
  if (rest.size() > 1 && rest.front() == '.' && is_digit(rest[1])) {
    size_t digits = 1;
    bool whole = true;
    for (; digits < rest.size() && is_digit(rest[digits]); ++digits)
      if (rest[digits] != '0') whole = false;
    if (!whole) return {std::nullopt, std::nullopt, "is not a whole number"};
    rest.remove_prefix(digits);
  }
  std::optional<std::string_view> label;
  if (!trim_ascii(rest).empty()) {
    label = label_after_number(rest);
    if (!label) return {std::nullopt, std::nullopt, "has unexpected text after the number"};
  }
  if (error == std::errc::result_out_of_range) return {std::nullopt, label, "is out of range"};
  return {value, label, {}};
}

scale agreement_scale(scale_choice choice, std::optional<scale> name_scale) {
  return choice == scale_choice::seven ||
                 (choice == scale_choice::automatic && name_scale == scale::agree7)
             ? scale::agree7
             : scale::agree5;
}

// 7-point vocabulary rank → rank on the 1-5 scale: "somewhat" joins its side.
int five_point_rank(int seven_rank) {
  static constexpr int ranks[] = {0, 1, 1, 2, 3, 3, 4};
  return ranks[seven_rank];
}

// The level a phrase names; nullopt for a don't-know answer.
std::optional<level> level_of(const phrase &p, scale agreement) {
  switch (p.family) {
  case phrase_family::intent5:
    return level{scale::intent5, p.rank};
  case phrase_family::yes_no:
    return level{scale::yes_no, p.rank};
  case phrase_family::agreement:
    return level{agreement, agreement == scale::agree7 ? p.rank : five_point_rank(p.rank)};
  case phrase_family::dont_know:
    break;
  }
  return std::nullopt;
}

// Reads folded words: a phrase, or a Juster label with its odds (or with
// `number` equal to its rank). No answer and no problem: unknown words.
reading read_words(const std::string &folded, std::optional<int> number, scale_choice choice,
                   std::optional<scale> name_scale) {
  if (const auto juster = juster_label(folded);
      juster && ((number && *number == *juster) || strip_odds(folded).second))
    return {level{scale::juster, *juster}, {}};
  const std::optional<phrase> p = lookup_phrase(folded);
  if (!p) return {};
  if (const auto l = level_of(*p, agreement_scale(choice, name_scale))) return {l, {}};
  return {std::nullopt, "is a don't-know answer"};
}

reading read_bare_number(int value, scale_choice choice, std::optional<scale> name_scale) {
  std::optional<scale> on;
  switch (choice) {
  case scale_choice::juster:
    on = scale::juster;
    break;
  case scale_choice::five:
    on = scale::agree5;
    break;
  case scale_choice::seven:
    on = scale::agree7;
    break;
  case scale_choice::yes_no:
    on = scale::yes_no;
    break;
  case scale_choice::labels:
    return {std::nullopt, "is a number, and scale=labels reads labels only"};
  case scale_choice::automatic:
    on = name_scale;
    break;
  }
  if (!on)
    return {std::nullopt, "is a number on an unknown scale (set scale= or name the range in "
                          "the column, e.g. \"(1-5)\")"};
  switch (*on) {
  case scale::juster:
    if (value < 0 || value > 10) return {std::nullopt, "is out of range 0-10"};
    return {level{scale::juster, value}, {}, true};
  case scale::yes_no:
    if (value != 0 && value != 1) return {std::nullopt, "is not 0 or 1 (no or yes)"};
    return {level{scale::yes_no, value}, {}, true};
  case scale::agree5:
    if (value < 1 || value > 5) return {std::nullopt, "is out of range 1-5"};
    return {level{scale::agree5, value - 1}, {}, true};
  case scale::agree7:
  case scale::intent5:
    break;
  }
  if (value < 1 || value > 7) return {std::nullopt, "is out of range 1-7"};
  return {level{scale::agree7, value - 1}, {}, true};
}

// The scale a range "lo hi" in a folded name stands for.
std::optional<scale> range_scale(std::string_view lo, std::string_view hi) {
  if (lo == "0" && hi == "10") return scale::juster;
  if (lo == "1" && hi == "5") return scale::agree5;
  if (lo == "1" && hi == "7") return scale::agree7;
  return std::nullopt;
}

bool is_yes_no_pair(std::string_view yes, std::string_view no) {
  static constexpr std::pair<std::string_view, std::string_view> pairs[] = {
      {"yes", "no"}, {"y", "n"}, {"sim", "nao"}, {"si", "no"}, {"ja", "nein"}, {"oui", "non"}};
  for (const auto &[y, n] : pairs)
    if (yes == y && no == n) return true;
  return false;
}

} // namespace

std::optional<scale_choice> parse_scale_choice(std::string_view option) {
  if (option == "auto") return scale_choice::automatic;
  if (option == "juster") return scale_choice::juster;
  if (option == "5") return scale_choice::five;
  if (option == "7") return scale_choice::seven;
  if (option == "yesno") return scale_choice::yes_no;
  if (option == "labels") return scale_choice::labels;
  return std::nullopt;
}

std::optional<scale> scale_from_name(std::string_view field_name) {
  const std::string folded = fold_words(field_name);
  const std::vector<std::string_view> words = split_words(folded);
  std::optional<scale> found;
  bool conflict = false;
  const auto note = [&](std::optional<scale> s) {
    if (!s) return;
    if (found && *found != *s) conflict = true;
    found = s;
  };
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (w == "juster") note(scale::juster);
    if (i + 1 < words.size()) {
      const std::string_view next = words[i + 1];
      if (is_number(w)) {
        if (next == "point" || next == "punkte")
          note(w == "5"    ? std::optional(scale::agree5)
               : w == "7"  ? std::optional(scale::agree7)
               : w == "11" ? std::optional(scale::juster)
                           : std::nullopt);
        if (is_number(next)) note(range_scale(w, next));
        if (i + 2 < words.size() && (next == "to" || next == "a" || next == "bis"))
          note(range_scale(w, words[i + 2]));
      }
      if (is_yes_no_pair(w, next)) note(scale::yes_no);
    }
  }
  return conflict ? std::nullopt : found;
}

reading read_answer(std::string_view text, scale_choice choice, std::optional<scale> name_scale) {
  const std::string_view s = trim_ascii(text);
  if (s.empty()) return {};
  const bool numeric = is_digit(s.front()) || (s.size() > 1 && s[0] == '-' && is_digit(s[1]));
  if (!numeric) {
    const std::string folded = fold_words(s);
    if (folded.empty()) return {std::nullopt, "has no letters or digits"};
    reading r = read_words(folded, std::nullopt, choice, name_scale);
    if (!r.answer && r.problem.empty()) r.problem = "is not a known answer";
    return r;
  }
  const number n = read_number(s);
  if (n.label) {
    const reading r = read_words(fold_words(*n.label), n.value, choice, name_scale);
    if (r.answer || !r.problem.empty()) return r; // the label decides
  }
  if (!n.value) return {std::nullopt, n.problem};
  return read_bare_number(*n.value, choice, name_scale);
}

} // namespace rebuy::buy_again
