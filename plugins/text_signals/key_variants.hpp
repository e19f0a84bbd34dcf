#pragma once
// The spellings under which a lexicon word is looked up. Tokens arrive with NFKC_Casefold keys,
// so the lexicon's words are folded the same way once, when the tables are built, instead of
// folding every token: people write "nao" for "não", "fuer" for "für", "don’t" for "don't".
#include "language_data.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace rebuy::text_signals {

// The case-folded form of `written` (ASCII lower case, ß as "ss", as NFKC_Casefold does).
std::string fold_case(std::string_view written);

// The folded form first, then each distinct variant: without accents, with a typographic
// apostrophe, and for German with ä/ö/ü spelled ae/oe/ue. Lexicon words are Latin-1 lower
// case; other characters are kept as they are.
std::vector<std::string> key_variants(std::string_view written, language lang);

} // namespace rebuy::text_signals
