#pragma once
// Turns a survey answer or a column name into a lookup key: lower-case ASCII
// words separated by single spaces. Accented Latin letters lose their accents
// ("Não" → "nao", "Würde" → "wurde", "ß" → "ss"), English contractions are
// spelled out ("wouldn't" → "would not"), and everything else that is not a
// letter or digit separates words. The plugin only has the SDK, no ICU; the
// Latin-1 range is what the five supported languages need.
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::buy_again {

std::string fold_words(std::string_view text);

// The words of a folded key.
std::vector<std::string_view> split_words(std::string_view folded);

} // namespace rebuy::buy_again
