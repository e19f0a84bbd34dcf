// Matching keys: the host's NFKC_Casefold token key, folded further so that
// accents, curly apostrophes and French elision do not matter.
#ifndef REBUY_THEMES_FOLD_HPP
#define REBUY_THEMES_FOLD_HPP

#include <string>
#include <string_view>

namespace rebuy::themes {

// Writes the folded form of `key` to `out` (replacing its contents):
//  - Latin letters with diacritics (Latin-1 Supplement, Latin Extended-A)
//    become their base letters, "ß" becomes "ss", "œ" "oe" and "æ" "ae";
//  - U+2019 and U+02BC become "'" so "don’t" and "don't" are one word;
//  - a French elision prefix (l' d' j' n' s' c' m' t' qu') is dropped.
// ASCII letters are lower-cased, so the lexicon may also be folded with it.
// Other characters are kept as they are. Cheap: one pass, no allocation once
// `out` has grown, and a plain copy for ASCII keys.
void fold_key(std::string_view key, std::string &out);

} // namespace rebuy::themes

#endif // REBUY_THEMES_FOLD_HPP
