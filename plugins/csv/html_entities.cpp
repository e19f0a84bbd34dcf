#include "html_entities.hpp"

#include <array>
#include <cstdint>
#include <utility>

namespace rebuy_csv {

namespace {

void append_utf8(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The code point of "#39" or "#x27" (without & and ;), or 0 if it is not a
// valid one. NUL, surrogates and values beyond Unicode are refused so the
// output stays valid UTF-8.
uint32_t numeric_reference(std::string_view body) {
  if (body.size() < 2 || body[0] != '#') return 0;
  bool hex = body[1] == 'x' || body[1] == 'X';
  std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 7) return 0;
  uint32_t cp = 0;
  for (char c : digits) {
    uint32_t d;
    if (c >= '0' && c <= '9')
      d = static_cast<uint32_t>(c - '0');
    else if (hex && c >= 'a' && c <= 'f')
      d = static_cast<uint32_t>(c - 'a' + 10);
    else if (hex && c >= 'A' && c <= 'F')
      d = static_cast<uint32_t>(c - 'A' + 10);
    else
      return 0;
    cp = cp * (hex ? 16 : 10) + d;
  }
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return cp;
}

uint32_t named_reference(std::string_view body) {
  static constexpr std::array<std::pair<std::string_view, uint32_t>, 6> names = {{
      {"amp", '&'},
      {"lt", '<'},
      {"gt", '>'},
      {"quot", '"'},
      {"apos", '\''},
      {"nbsp", 0xA0},
  }};
  for (const auto &[name, cp] : names)
    if (body == name) return cp;
  return 0;
}

} // namespace

std::string_view decode_html_entities(std::string_view text, std::string &scratch) {
  size_t amp = text.find('&');
  if (amp == std::string_view::npos) return text;
  scratch.assign(text.data(), amp);
  size_t i = amp;
  while (i < text.size()) {
    if (text[i] != '&') {
      size_t next = text.find('&', i);
      if (next == std::string_view::npos) next = text.size();
      scratch.append(text.data() + i, next - i);
      i = next;
      continue;
    }
    // The longest reference we decode is "&#x10FFFF;" (10 bytes).
    size_t semi = text.substr(i, 11).find(';');
    uint32_t cp = 0;
    if (semi != std::string_view::npos) {
      std::string_view body = text.substr(i + 1, semi - 1);
      cp = body.size() && body[0] == '#' ? numeric_reference(body) : named_reference(body);
    }
    if (cp) {
      append_utf8(scratch, cp);
      i += semi + 1;
    } else {
      scratch.push_back('&');
      ++i;
    }
  }
  return scratch;
}

} // namespace rebuy_csv
