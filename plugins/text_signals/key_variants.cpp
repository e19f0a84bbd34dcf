#include "key_variants.hpp"

#include <algorithm>

namespace rebuy::text_signals {
namespace {

constexpr std::string_view apostrophe = "'", typographic_apostrophe = "\xE2\x80\x99";

// Base letters of U+00E0..U+00FF ("" for ÷ and þ, which have none).
constexpr std::string_view latin1_bases[32] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "",  "y"};

// Rewrites every Latin-1 letter (and œ) of `s`: `spell` returns its replacement, or an empty
// view to keep it.
template <class Spell> std::string respell(std::string_view s, Spell spell) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (i + 1 < s.size() && (lead == 0xC3 || lead == 0xC5)) {
      const unsigned cp = ((lead & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      if (const std::string_view r = spell(cp); !r.empty()) {
        out += r;
        ++i;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string_view strip_accent(unsigned cp) {
  if (cp >= 0xE0 && cp <= 0xFF) return latin1_bases[cp - 0xE0];
  if (cp == 0x153) return "oe";
  return {};
}

std::string_view german_transliteration(unsigned cp) {
  switch (cp) {
  case 0xE4:
    return "ae";
  case 0xF6:
    return "oe";
  case 0xFC:
    return "ue";
  default:
    return {};
  }
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

void add_unique(std::vector<std::string> &keys, std::string key) {
  if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
}

} // namespace

std::string fold_case(std::string_view written) {
  std::string out = respell(written, [](unsigned cp) -> std::string_view {
    return cp == 0xDF ? "ss" : std::string_view();
  });
  for (size_t i = 0; i < out.size(); ++i) {
    char &c = out[i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < out.size()) {
      // Latin-1 capitals U+00C0..U+00DE (but not ×, U+00D7) are their small letter - 0x20.
      auto &next = reinterpret_cast<unsigned char &>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97)
        next = static_cast<unsigned char>(next + 0x20);
    }
  }
  return out;
}

std::vector<std::string> key_variants(std::string_view written, language lang) {
  std::vector<std::string> keys{fold_case(written)};
  const std::string folded = keys.front();
  std::vector<std::string> spellings{folded, respell(folded, strip_accent)};
  if (lang == language::de) spellings.push_back(respell(folded, german_transliteration));
  for (const auto &s : spellings) {
    add_unique(keys, s);
    if (s.find(apostrophe) != std::string::npos)
      add_unique(keys, replace_all(s, apostrophe, typographic_apostrophe));
  }
  return keys;
}

} // namespace rebuy::text_signals
