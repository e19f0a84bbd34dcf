// Guesses which rebuy role each column of a delimited file plays, from its
// header text and a sample of its values.
//
// A header alone is not enough ("Recommend" may hold 0-10 scores or yes/no;
// "Date" may hold a sentence), and values alone are not either (a 0-10
// column is NPS only if its question is about recommending), so every rule
// pairs a header pattern with a test on the sampled values.
#ifndef REBUY_CSV_ROLE_GUESS_HPP
#define REBUY_CSV_ROLE_GUESS_HPP

#include <rebuy/plugin_abi.h>

#include <string>
#include <string_view>
#include <vector>

namespace rebuy_csv {

// One column: its header and up to a few hundred sampled values (views into
// the caller's storage).
struct column_sample {
  std::string_view header;
  std::vector<std::string_view> values;
};

// The role of each column, in order. Roles that a record can hold only once
// go to the first column that qualifies; text may go to several.
std::vector<rebuy_role> guess_roles(const std::vector<column_sample> &columns);

// The spelling header rules are written in: ASCII lower case, words split at
// punctuation and camelCase, single spaces ("Likely-To-Recommend" ->
// "likely to recommend", "ResponseId" -> "response id"). '#' is kept as a
// word because Typeform names its id column "#".
std::string normalize_header(std::string_view header);

// Whether a value reads as a date or time: ISO, D/M/Y, M/D/Y, "Sep 13, 2009",
// "09 13, 2009", or Unix seconds or milliseconds.
bool looks_like_date(std::string_view value);

} // namespace rebuy_csv

#endif // REBUY_CSV_ROLE_GUESS_HPP
