// rebuy plugin SDK: small text helpers importers and analyzers need.
#ifndef REBUY_TEXT_UTIL_HPP
#define REBUY_TEXT_UTIL_HPP

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace rebuy {

// Strips spaces, tabs, CR, LF, vertical tab and form feed at both ends. Only
// ASCII: the input is UTF-8 and a non-breaking space may be meaningful.
inline std::string_view trim_ascii(std::string_view s) noexcept {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
  };
  while (!s.empty() && space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && space(s.back()))
    s.remove_suffix(1);
  return s;
}

// At most `max_bytes` of `s`, never ending inside a UTF-8 character: for
// excerpts in messages, which must stay valid UTF-8.
inline std::string_view utf8_prefix(std::string_view s, size_t max_bytes) noexcept {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
    --cut;
  return s.substr(0, cut);
}

// At most `max_bytes` of `s` for a log line or an evidence string, with "..."
// after it when it was cut; never half a UTF-8 character.
inline std::string excerpt(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  return std::string(utf8_prefix(s, max_bytes)) + "...";
}

// A plain decimal number after trimming ASCII white space: digits with an
// optional fraction ("4", "4.5", ".5"); no sign, exponent or decimal comma
// ("4,5" could be a list as well). For ratings, maxima and counts.
inline std::optional<double> read_decimal(std::string_view s) {
  s = trim_ascii(s);
  if (s.empty() || s.find_first_not_of("0123456789.") != std::string_view::npos) return {};
  double value = 0;
  const auto [end, error] =
      std::from_chars(s.data(), s.data() + s.size(), value, std::chars_format::fixed);
  if (error != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) return {};
  return value;
}

// A star rating read with its maximum: `rating` a plain decimal 0..max, `max`
// the REBUY_ROLE_RATING_MAX field (5 when there is none), above 1.
struct rating_value {
  bool valid = false;
  double rating = 0, max = 0;
  std::string_view problem; // static; empty when valid and for a blank rating
};

inline rating_value read_rating_value(std::string_view rating,
                                      std::optional<std::string_view> max_text) {
  if (trim_ascii(rating).empty()) return {};
  const std::optional<double> value = read_decimal(rating);
  if (!value) return {false, 0, 0, "is not a number"};
  double max = 5;
  if (max_text && !trim_ascii(*max_text).empty()) {
    const std::optional<double> m = read_decimal(*max_text);
    if (!m || *m <= 1) return {false, *value, 0, "has a maximum that is not a number above 1"};
    max = *m;
  }
  if (*value > max) return {false, *value, max, "is above the rating's maximum"};
  return {true, *value, max, {}};
}

// A number with six significant digits, so 0.54 is not shown as
// 0.5400000000000001; to_chars never uses a locale's decimal comma.
inline std::string short_number(double value) {
  char buffer[32];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 6);
  return std::string(buffer, result.ptr);
}

// Lower-cases ASCII letters and leaves every other byte alone.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char &c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Case-insensitive comparison for ASCII letters.
inline bool ascii_iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

namespace detail {

inline void append_utf8(std::string &out, uint32_t cp) {
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
inline uint32_t numeric_reference(std::string_view body) {
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

inline uint32_t named_reference(std::string_view body) {
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

} // namespace detail

// Decodes HTML character references in review text: sites and scrapers often
// export text still escaped ("don&#39;t", "A &amp; B"), and analyzers should
// see the characters the customer typed. Decodes &amp; &lt; &gt; &quot;
// &apos; &nbsp; and numeric references (&#39; &#x27;) in one pass, so
// "&amp;lt;" becomes "&lt;", not "<". Anything else, including references to
// invalid code points, is kept as written. Returns `text` itself when it holds
// no '&'; otherwise a view of `scratch`.
inline std::string_view decode_html_entities(std::string_view text, std::string &scratch) {
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
      cp = body.size() && body[0] == '#' ? detail::numeric_reference(body)
                                         : detail::named_reference(body);
    }
    if (cp) {
      detail::append_utf8(scratch, cp);
      i += semi + 1;
    } else {
      scratch.push_back('&');
      ++i;
    }
  }
  return scratch;
}

} // namespace rebuy

#endif // REBUY_TEXT_UTIL_HPP
