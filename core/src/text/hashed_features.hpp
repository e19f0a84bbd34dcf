#pragma once
// Words and word pairs of a text as hashed feature indices, for a text model: fast, no
// dictionary, the same indices on every machine. A word is a run of ASCII letters and digits
// (lower-cased) or of non-ASCII bytes; a pair is two words in a row within a sentence.
#include "stats/logistic.hpp"

#include <string_view>

namespace rebuy::core {

// The distinct features of `text` in [0, 2^bits), each valued 1/sqrt(count), so that every text
// has length 1 whatever its size.
stats::sparse_row hashed_features(std::string_view text, unsigned bits);

} // namespace rebuy::core
