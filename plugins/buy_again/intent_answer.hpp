#pragma once
// Reading one "would you buy from us again?" answer.
//
// Words are read by their meaning, whatever the column (see intent_phrases):
// 5-point intent labels, yes/no, agreement labels, Juster labels with their
// number or odds. A number alone is ambiguous: "4" is a different answer on
// a 1-5, a 1-7 and a 0-10 scale. Its scale comes from the analyzer's option
// scale=, or else from the column name ("… (0-10)", "1 to 5", "7-point",
// "Juster", "yes/no"); with neither, the number is not read. Nothing is ever
// guessed from the value itself, so one column is read one way throughout.
#include "intent_scale.hpp"

#include <optional>
#include <string_view>

namespace rebuy::buy_again {

// The analyzer's scale= option.
enum class scale_choice {
  automatic, // "auto", the default: numbers need a scale in the column name
  juster,    // "juster": numbers are 0-10 purchase probabilities
  five,      // "5": numbers are 1-5 agreement
  seven,     // "7": numbers are 1-7 agreement, agreement labels 7-point
  yes_no,    // "yesno": 1 and 0 are yes and no
  labels,    // "labels": numbers are never read
};

std::optional<scale_choice> parse_scale_choice(std::string_view option);

// The numeric scale a column name announces, if exactly one: a range 0-10 or
// Juster (juster), 1-5 or 5-point (agree5), 1-7 or 7-point (agree7), or a
// "yes/no" pair in one of the five languages (yes_no). Ranges may be written
// 0-10, 0 – 10, 0 to 10, 0 a 10, 0 bis 10, 0 à 10.
std::optional<scale> scale_from_name(std::string_view field_name);

struct reading {
  std::optional<level> answer;
  // Why there is no answer, a static string for the log. Empty when there is
  // an answer, and for a blank one: a skipped question is not a bad answer.
  std::string_view problem;
  bool numeric = false; // the level came from a bare number
};

// Agreement labels are read on the 1-7 scale when the choice is `seven` or
// the column name says 1-7, else on the 1-5 scale ("somewhat agree" then
// counts as "agree"). A number followed by a label ("5 - Definitely would")
// is read by its label; the number decides only when the label is unknown.
reading read_answer(std::string_view text, scale_choice choice, std::optional<scale> name_scale);

} // namespace rebuy::buy_again
