#pragma once
// Key drivers, step one: which of a source's attribute columns rate one aspect each (the seat,
// the staff, the price) rather than code a category (an age band, a weekday). Values alone
// cannot tell a 1-5 rating from a 1-5 code, so a column is an item when its numbers sit on a
// rating scale and either
//   - it is one of three or more columns of one question on one scale ("Q7ART", "Q7FOOD", ...;
//     "Rate us [Food]", "Rate us [Staff]"), or
//   - its header asks for a rating or names an aspect ("How would you rate the service?",
//     "SeatComfort").
// Items that sum the others up ("Q7ALL", "Overall satisfaction") and intentions ("How likely
// are you to ...") are left out: they are outcomes, not drivers.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::core {

struct item_scale {
  double min = 1, max = 5;
  // Numbers outside the scale that questionnaires use for "no answer" (0 below a scale that
  // starts at 1, the number after its top, 9, 99, negative codes): read as missing.
  std::vector<double> codes;

  // The value as a rating, or NaN for a code, a blank or anything off the scale.
  double read(std::string_view value) const;
};

// The scale a column's values sit on: 1-5, 1-7, 0-10 or 1-10 in whole steps, with at most two
// codes outside it; nullopt when the values are not such ratings (fewer than nine in ten
// numbers, fewer than three different ratings, or more codes than ratings).
std::optional<item_scale> rating_item_scale(const std::vector<std::string_view> &values);

// "1-5"; with codes "1-5 (0, 6 = no answer)".
std::string describe_item_scale(const item_scale &scale);

struct sampled_column {
  std::string name;
  std::vector<std::string> values; // as stored, blanks included
};

struct driver_item_spec {
  std::string column;
  item_scale scale;
};

struct driver_group {
  std::string question; // the question the items share ("Q7"), or "" for rated questions
  std::vector<driver_item_spec> items;
  std::vector<std::string> summaries; // items summing the others up, left out
};

// The groups of items among a source's columns, in column order: one per question with three or
// more items, then one of the other rated columns; only groups of two items or more.
std::vector<driver_group> find_driver_groups(const std::vector<sampled_column> &columns);

} // namespace rebuy::core
