#include "fold.hpp"

#include <cstdint>

namespace rebuy::themes {
namespace {

// Base letters of U+00C0..U+017F; 0 keeps the character, '2' marks the
// two-letter foldings handled in two_letter().
constexpr char latin_base[] =
    // U+00C0..U+00FF
    "AAAAAA2CEEEEIIIIDNOOOOO\0OUUUUY\0"
    "2aaaaaa2ceeeeiiiidnooooo\0ouuuuy\0y"
    // U+0100..U+017F
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi\0\0JjKk\0LlLlLlLlLlNnNnNn\0\0\0Oo"
    "OoOo22RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz\0";
static_assert(sizeof(latin_base) - 1 == 0x180 - 0xC0, "one entry per code point");

const char *two_letter(uint32_t cp) {
  switch (cp) {
  case 0xC6:
    return "ae";
  case 0xE6:
    return "ae";
  case 0xDF:
    return "ss";
  case 0x152:
    return "oe";
  case 0x153:
    return "oe";
  default:
    return nullptr;
  }
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Decodes the UTF-8 sequence at key[i]; returns its length, 0 if malformed.
size_t decode(std::string_view key, size_t i, uint32_t &cp) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(key[i + k]); };
  const unsigned char lead = b(0);
  size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > key.size()) return 0;
  cp = lead & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  return n;
}

// The length of a French elision prefix ("l'", "qu'") at the start of a folded key.
size_t elision_length(std::string_view s) {
  if (s.size() > 2 && s[1] == '\'' && std::string_view("ldjnsctm").find(s[0]) != s.npos) return 2;
  if (s.size() > 3 && s.substr(0, 3) == "qu'") return 3;
  return 0;
}

bool lower_ascii(std::string_view key) {
  for (char c : key)
    if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'A' && c <= 'Z')) return false;
  return true;
}

} // namespace

void fold_key(std::string_view key, std::string &out) {
  if (lower_ascii(key)) { // most keys: the host's key is already lower case
    out.assign(key);
    if (const size_t cut = elision_length(out)) out.erase(0, cut);
    return;
  }
  out.clear();
  for (size_t i = 0; i < key.size();) {
    const unsigned char c = static_cast<unsigned char>(key[i]);
    if (c < 0x80) {
      out.push_back(ascii_lower(key[i]));
      ++i;
      continue;
    }
    uint32_t cp = 0;
    const size_t n = decode(key, i, cp);
    if (n == 0) { // not ours to repair: keep the byte
      out.push_back(key[i]);
      ++i;
      continue;
    }
    if (cp >= 0xC0 && cp < 0x180) {
      const char base = latin_base[cp - 0xC0];
      if (base == '2') {
        out.append(two_letter(cp));
      } else if (base != 0) {
        out.push_back(ascii_lower(base));
      } else {
        out.append(key.substr(i, n));
      }
    } else if (cp == 0x2019 || cp == 0x02BC) {
      out.push_back('\'');
    } else {
      out.append(key.substr(i, n));
    }
    i += n;
  }
  if (const size_t cut = elision_length(out)) out.erase(0, cut);
}

} // namespace rebuy::themes
