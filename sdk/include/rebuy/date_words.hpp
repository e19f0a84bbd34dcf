// rebuy plugin SDK: dates as people write them in English, Portuguese, Spanish,
// German and French, and the relative dates that name no day at all.
//
//   "19th November 2023"  "November 19, 2023 5:04 PM"  "7. Januar 2026"  "7. Jan. 2026"
//   "3 de março de 2024"  "10 de diciembre de 2024"    "1er mars 2024"   "8/3/2017"
//   "2025-06-21T19:13:29.000Z"  "2019/10/01 12:38:43 PM GMT+8"
//
// The host reads every submitted_at value with read_date() and the column-role
// guesser asks looks_like_date(), so both know the same words: a column guessed
// to hold dates is one the host can store. "3 days ago" depends on when the
// page was saved, which no file says: looks_like_relative_date() recognises it
// so it can be kept as written, and read_date() never reads it.
#ifndef REBUY_DATE_WORDS_HPP
#define REBUY_DATE_WORDS_HPP

#include <rebuy/text_util.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace rebuy {

// Which of the first two numbers of an all-numeric date is the month.
enum class date_order { month_first, day_first };

// A date and time as written, before its zone is applied.
struct date_parts {
  int year = 0, month = 0, day = 0; // a calendar date from 1900 to 2200
  int seconds = 0;                  // since midnight; 0 when no time is written
  std::optional<int> utc_offset;    // seconds east of UTC: "+01:00", "GMT+8", "Z", "CET"
  std::string_view zone;            // an IANA id still to resolve ("Europe/Berlin"), or ""
};

// `text` read as a date, or nullopt. Reads:
// - ISO 8601, a fraction of a second dropped, and the compact 20190131;
// - D/M/Y and M/D/Y in `order`, except dotted dates (18.07.2017), which are
//   day first everywhere; Y/M/D;
// - month names and abbreviations in the five languages, with or without a
//   dot, accents or capitals, with a plain or ordinal day ("19th", "1er",
//   "1º", "7."); weekday names and joining words ("de", "of", "um", "à") are
//   passed over;
// - a time H:MM[:SS[.f]] with AM/PM, 10h30 or "10 Uhr", and after it a zone:
//   ±hh:mm, ±hhmm, ±hh, UTC/GMT±h, Z, an abbreviation with one meaning (CET,
//   MESZ, EST...) or an IANA id; a closing "(Central European Standard Time)"
//   is passed over.
// Texts over 80 bytes are no date.
inline std::optional<date_parts> read_date(std::string_view text, date_order order) noexcept;

// Whether the host stores `value` as a date: what read_date() reads in either
// order, a Unix time of 10 digits (seconds, 2001-2286) or 13 (milliseconds),
// or a compact 20190131. (The host also reads 9- and 12-digit Unix times, but
// a column of such numbers is more often ids than dates.)
inline bool looks_like_date(std::string_view value) noexcept;

// Whether `value` is a relative date: "3 days ago", "0 days", "an hour ago",
// "3d", "yesterday", "last week", "hace 3 días", "vor 3 Tagen", "il y a 3
// jours", "há 3 dias", "3 dias atrás", "gestern um 10:00"...
inline bool looks_like_relative_date(std::string_view value) noexcept;

namespace detail::dates {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A word in ASCII lower case without accents ("März" -> "marz", "AOÛT" ->
// "aout"), in `out`. A word longer than `out` or with a letter outside
// Latin-1 folds to "", which matches nothing.
inline std::string_view fold(std::string_view word, std::array<char, 16> &out) noexcept {
  // U+00C0-U+00DF and U+00E0-U+00FF by their low five bits; '_' matches nothing.
  constexpr std::string_view latin1 = "aaaaaa_ceeeeiiii_nooooo_ouuuuy__";
  size_t n = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    auto c = static_cast<unsigned char>(word[i]);
    char f = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (c >= 0x80) {
      if (c != 0xC3 || i + 1 == word.size()) return {};
      f = latin1[static_cast<unsigned char>(word[++i]) & 0x1F];
      if (f == '_') return {};
    }
    if (n == out.size()) return {};
    out[n++] = f;
  }
  return {out.data(), n};
}

// Month names, January first; any unambiguous prefix of three letters or more
// is an abbreviation ("Sept", "janv.", "Dez.", "mar"), but "jui" is not (juin
// or juillet).
inline constexpr std::string_view month_names[][12] = {
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"},
    {"janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto", "setembro",
     "outubro", "novembro", "dezembro"},
    {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
     "octubre", "noviembre", "diciembre"},
    {"januar", "februar", "marz", "april", "mai", "juni", "juli", "august", "september", "oktober",
     "november", "dezember"},
    {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
     "octobre", "novembre", "decembre"},
    // Austria's Jänner and Feber, März without its umlaut or as Mrz, Spanish setiembre
    {"janner", "feber", "maerz", "", "", "", "", "", "setiembre", "", "", ""},
    {"", "", "mrz", "", "", "", "", "", "", "", "", ""}};

// Full names; prefixes of three letters or more, and German's two-letter
// abbreviations, are abbreviations. Spanish and French "mar" is also March.
inline constexpr std::string_view weekday_names[] = {
    "monday",   "tuesday",  "wednesday",  "thursday",  "friday",   "saturday",  "sunday",
    "segunda",  "terca",    "quarta",     "quinta",    "sexta",    "sabado",    "domingo",
    "feira",    "lunes",    "martes",     "miercoles", "jueves",   "viernes",   "montag",
    "dienstag", "mittwoch", "donnerstag", "freitag",   "samstag",  "sonnabend", "sonntag",
    "lundi",    "mardi",    "mercredi",   "jeudi",     "vendredi", "samedi",    "dimanche"};
inline constexpr std::string_view german_weekday_abbreviations[] = {"mo", "di", "mi", "do",
                                                                    "fr", "sa", "so"};

// Words that join a date's parts ("3 de março de 2024", "19th of November",
// "am 7. Januar um 10:00 Uhr", "le 3 mars à 10h", "T" of ISO 8601).
inline constexpr std::string_view joining_words[] = {"de", "del", "el",  "em", "of",  "the",
                                                     "on", "at",  "am",  "um", "uhr", "den",
                                                     "a",  "as",  "las", "la", "le",  "t"};

// Written right after a day's number: "19th", "1er", and "1º" (U+00BA).
inline constexpr std::string_view ordinal_suffixes[] = {"st", "nd", "rd", "th", "er"};

// Zone names with one meaning, in minutes east of UTC. Ambiguous ones (CST,
// IST, BST) are not read.
struct named_zone {
  std::string_view name; // folded
  int minutes;
};
inline constexpr named_zone zone_names[] = {
    {"z", 0},      {"utc", 0},    {"gmt", 0},    {"ut", 0},     {"wet", 0},
    {"west", 60},  {"cet", 60},   {"cest", 120}, {"mez", 60},   {"mesz", 120},
    {"eet", 120},  {"eest", 180}, {"est", -300}, {"edt", -240}, {"cdt", -300},
    {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"brt", -180}};

template <size_t N>
inline bool one_of(std::string_view folded, const std::string_view (&words)[N]) noexcept {
  return !folded.empty() && std::find(words, words + N, folded) != words + N;
}

inline bool is_ordinal_suffix(std::string_view word) noexcept {
  std::array<char, 16> buffer;
  return word == "\xC2\xBA" || one_of(fold(word, buffer), ordinal_suffixes);
}

// 1-12 for a month's name or abbreviation, folded; else 0.
inline int month_of(std::string_view folded) noexcept {
  if (folded.size() < 3) return 0;
  int found = 0;
  for (const auto &language : month_names)
    for (int m = 0; m < 12; ++m) {
      std::string_view name = language[m];
      if (name.empty() || name[0] != folded[0] || name.substr(0, folded.size()) != folded) continue;
      if (found && found != m + 1) return 0;
      found = m + 1;
    }
  return found;
}

inline bool is_weekday(std::string_view folded) noexcept {
  if (one_of(folded, german_weekday_abbreviations)) return true;
  if (folded.size() < 3) return false;
  for (std::string_view w : weekday_names)
    if (w.substr(0, folded.size()) == folded) return true;
  return false;
}

inline std::optional<int> zone_minutes(std::string_view folded) noexcept {
  for (const auto &z : zone_names)
    if (z.name == folded) return z.minutes;
  return std::nullopt;
}

struct token {
  enum kind_t : unsigned char { number, word, punct } kind;
  bool ordinal;          // a number written with an ordinal suffix
  int value;             // of a number; -1 when it has more than 9 digits
  std::string_view text; // without the suffix
};

// A date's tokens, on the stack: dates are read once per row of every import.
struct token_list {
  std::array<token, 32> items; // left uninitialised: only [0, size) is ever read
  size_t size = 0;
  token &operator[](size_t i) noexcept { return items[i]; }
  const token &operator[](size_t i) const noexcept { return items[i]; }
  void erase(size_t from, size_t to) noexcept {
    std::copy(items.begin() + to, items.begin() + size, items.begin() + from);
    size -= to - from;
  }
};

// The bytes of a space at `i`: ASCII, no-break (U+00A0), thin or narrow
// no-break (U+2009, U+202F, which newer locales put before AM/PM); else 0.
inline size_t space_at(std::string_view s, size_t i) noexcept {
  auto at = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  unsigned c = at(i);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
  if (c == 0xC2 && at(i + 1) == 0xA0) return 2;
  if (c == 0xE2 && at(i + 1) == 0x80 && (at(i + 2) == 0x89 || at(i + 2) == 0xAF)) return 3;
  return 0;
}

inline bool is_word_byte(std::string_view s, size_t i) noexcept {
  char c = s[i];
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (static_cast<unsigned char>(c) >= 0x80 && !space_at(s, i));
}

// Numbers, words and single punctuation characters; false when there are too many.
inline bool tokenize(std::string_view s, token_list &out) noexcept {
  out.size = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (size_t n = space_at(s, i)) {
      i += n;
      continue;
    }
    token t{token::punct, false, 0, {}};
    size_t j = i + 1;
    if (is_digit(s[i])) {
      t.kind = token::number;
      while (j < s.size() && is_digit(s[j]))
        ++j;
      for (size_t k = i; k < j && j - i <= 9; ++k)
        t.value = t.value * 10 + (s[k] - '0');
      if (j - i > 9) t.value = -1; // too long to be any part of a date
    } else if (is_word_byte(s, i)) {
      t.kind = token::word;
      while (j < s.size() && is_word_byte(s, j))
        ++j;
      std::string_view word = s.substr(i, j - i);
      token *before = out.size ? &out[out.size - 1] : nullptr;
      if (before && before->kind == token::number &&
          before->text.data() + before->text.size() == word.data() && is_ordinal_suffix(word)) {
        before->ordinal = true;
        i = j;
        continue;
      }
    }
    t.text = s.substr(i, j - i);
    if (out.size == out.items.size()) return false;
    out[out.size++] = t;
    i = j;
  }
  return true;
}

struct clock_time {
  int seconds = 0;
  size_t at = std::string_view::npos; // where the time was; an offset may follow it
  bool ok = true;
};

// Whether `b` follows `a` with no space between them.
inline bool touching(const token &a, const token &b) noexcept {
  return a.text.data() + a.text.size() == b.text.data();
}

inline bool is_word(const token &t, std::string_view lower) noexcept {
  return t.kind == token::word && ascii_iequals(t.text, lower);
}

// Finds "H:MM[:SS[.fff]]", "10h30", "10h" or "10 Uhr", with AM/PM, and removes it from `t`.
inline clock_time take_time(token_list &t) noexcept {
  clock_time out;
  for (size_t i = 0; i + 1 < t.size; ++i) {
    if (t[i].kind != token::number) continue;
    int h = t[i].value, m = 0, s = 0;
    size_t end = i + 1;
    if (t[end].text == ":" && end + 1 < t.size && t[end + 1].kind == token::number) {
      if (t[end + 1].text.size() != 2) out.ok = false;
      m = t[end + 1].value;
      end += 2;
      if (end + 1 < t.size && t[end].text == ":" && t[end + 1].kind == token::number) {
        if (t[end + 1].text.size() != 2) out.ok = false;
        s = t[end + 1].value;
        end += 2;
        if (end + 1 < t.size && (t[end].text == "." || t[end].text == ",") &&
            t[end + 1].kind == token::number && touching(t[end - 1], t[end]) &&
            touching(t[end], t[end + 1]))
          end += 2; // fractions of a second are dropped
      }
    } else if (is_word(t[end], "h") || is_word(t[end], "uhr")) {
      ++end;
      if (end < t.size && t[end].kind == token::number && t[end].text.size() == 2)
        m = t[end++].value;
    } else {
      continue;
    }
    if (end < t.size && (is_word(t[end], "am") || is_word(t[end], "pm"))) {
      if (h < 1 || h > 12) out.ok = false;
      h = h % 12 + (is_word(t[end], "pm") ? 12 : 0);
      ++end;
    }
    if (t[i].text.size() > 2 || h > 23 || m > 59 || s > 60) out.ok = false;
    if (out.ok) out.seconds = h * 3600 + m * 60 + s;
    out.at = i;
    t.erase(i, end);
    return out;
  }
  return out;
}

// A zone written after the date and time, removed from `t`; false when one is
// written but impossible (+25:00).
inline bool take_zone(token_list &t, std::string_view text, const clock_time &time,
                      date_parts &out) noexcept {
  const bool timed = time.at != std::string_view::npos;
  // "GMT+0100 (Central European Standard Time)": the name in brackets repeats the offset.
  if (timed && t.size > time.at && t[t.size - 1].text == ")") {
    size_t open = t.size - 1;
    while (open > time.at && t[open].text != "(")
      --open;
    if (t[open].text != "(") return false;
    t.size = open;
  }
  if (t.size == 0) return true;
  const size_t n = t.size;
  auto is_sign = [&](size_t k) { return t[k].text == "+" || t[k].text == "-"; };
  // ±hh:mm, ±hhmm, ±hh or ±h, after the time or after UTC/GMT ("GMT+8")
  size_t sign = std::string_view::npos;
  int hours = 0, minutes = 0;
  if (n >= 4 && is_sign(n - 4) && t[n - 3].kind == token::number && t[n - 2].text == ":" &&
      t[n - 1].kind == token::number && t[n - 3].text.size() <= 2 && t[n - 1].text.size() == 2) {
    sign = n - 4;
    hours = t[n - 3].value;
    minutes = t[n - 1].value;
  } else if (n >= 2 && is_sign(n - 2) && t[n - 1].kind == token::number &&
             (t[n - 1].text.size() <= 2 || t[n - 1].text.size() == 4)) {
    sign = n - 2;
    hours = t[n - 1].text.size() == 4 ? t[n - 1].value / 100 : t[n - 1].value;
    minutes = t[n - 1].text.size() == 4 ? t[n - 1].value % 100 : 0;
  }
  if (sign != std::string_view::npos) {
    std::array<char, 16> buffer;
    const bool after_utc = sign > 0 && t[sign - 1].kind == token::word &&
                           zone_minutes(fold(t[sign - 1].text, buffer)) == 0;
    // Only right after the time or UTC: "-05" also ends a date (10:00 2024-01-05).
    if (after_utc || (timed && sign == time.at)) {
      if (hours > 14 || minutes > 59) return false;
      int offset = (hours * 60 + minutes) * 60;
      out.utc_offset = t[sign].text == "+" ? offset : -offset;
      t.size = after_utc ? sign - 1 : sign;
      return true;
    }
  }
  if (t[n - 1].kind == token::word) {
    std::array<char, 16> buffer;
    if (auto z = zone_minutes(fold(t[n - 1].text, buffer))) {
      out.utc_offset = *z * 60;
      t.size = n - 1;
      return true;
    }
  }
  // An IANA id after the time: the last space-separated word, with a '/' ("America/Denver").
  size_t space = text.find_last_of(' ');
  std::string_view last = space == std::string_view::npos ? text : text.substr(space + 1);
  if (timed && last.find('/') != std::string_view::npos &&
      ((last[0] >= 'A' && last[0] <= 'Z') || (last[0] >= 'a' && last[0] <= 'z'))) {
    out.zone = last;
    while (t.size && t[t.size - 1].text.data() >= last.data())
      --t.size;
  }
  return true;
}

inline int full_year(const token &t) noexcept {
  if (t.text.size() == 2) return t.value < 70 ? 2000 + t.value : 1900 + t.value;
  return t.text.size() == 4 ? t.value : -1;
}

inline bool set_date(int y, int m, int d, date_parts &out) noexcept {
  static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return false;
  out.year = y, out.month = m, out.day = d;
  return true;
}

// What is left once the time and zone are taken: the day, month and year.
inline bool take_date(const token_list &t, date_order order, date_parts &out) noexcept {
  const token *nums[3];
  size_t count = 0;
  int month = 0;
  bool month_may_be_weekday = false; // Spanish and French "mar": Tuesday or March
  char separator = 0;
  bool mixed = false;
  for (size_t i = 0; i < t.size; ++i) {
    const token &k = t[i];
    if (k.kind == token::number) {
      if (count == 3) return false; // no date has four numbers
      nums[count++] = &k;
    } else if (k.kind == token::word) {
      std::array<char, 16> buffer;
      std::string_view w = fold(k.text, buffer);
      if (int m = month_of(w)) {
        const bool weekday = w == "mar"; // the only month abbreviation that is also a weekday's
        if (month && !month_may_be_weekday && !weekday) return false; // two months
        if (!month || month_may_be_weekday) month = m, month_may_be_weekday = weekday;
      } else if (!is_weekday(w) && !one_of(w, joining_words)) {
        return false;
      }
    } else if (k.text == "/" || k.text == "-" || k.text == ".") {
      mixed = mixed || (separator && separator != k.text[0]);
      separator = k.text[0];
    } else if (k.text != ",") {
      return false;
    }
  }
  if (month) {
    // "19 November 2023", "November 19, 2023", "2023 Nov 19"
    if (count != 2) return false;
    const token *day = nums[0], *year = nums[1];
    if (nums[0]->text.size() == 4) std::swap(day, year);
    if (year->ordinal || day->text.size() > 2) return false;
    return set_date(full_year(*year), month, day->value, out);
  }
  // ISO 8601's compact 20190131
  if (count == 1 && nums[0]->text.size() == 8 && !nums[0]->ordinal &&
      (nums[0]->text.substr(0, 2) == "19" || nums[0]->text.substr(0, 2) == "20")) {
    const int v = nums[0]->value;
    return set_date(v / 10000, v / 100 % 100, v % 100, out);
  }
  if (count != 3 || mixed) return false;
  for (size_t i = 0; i < 3; ++i)
    if (nums[i]->ordinal) return false;
  if (nums[0]->text.size() == 4)
    return nums[1]->text.size() <= 2 && nums[2]->text.size() <= 2 &&
           set_date(nums[0]->value, nums[1]->value, nums[2]->value, out);
  if (nums[0]->text.size() > 2 || nums[1]->text.size() > 2) return false;
  const int year = full_year(*nums[2]);
  if (separator == '.' || order == date_order::day_first)
    return set_date(year, nums[1]->value, nums[0]->value, out);
  return set_date(year, nums[0]->value, nums[1]->value, out);
}

// ---- relative dates ---------------------------------------------------------

// The folded words of a text ("Hace 3 días" -> hace, 3, dias), split at
// anything but letters and digits and between digits and letters ("3d").
struct word_list {
  std::array<char, 96> chars;
  std::array<std::string_view, 16> items;
  size_t size = 0;
};

inline bool split_words(std::string_view s, word_list &out) noexcept {
  out.size = 0;
  size_t n = 0, start = 0;
  enum { none, letters, digits } run = none;
  auto close = [&] {
    if (run != none) {
      if (out.size == out.items.size()) return false;
      out.items[out.size++] = std::string_view(out.chars.data() + start, n - start);
    }
    run = none;
    return true;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    char f = 0;
    if (is_digit(s[i]) || (c >= 'a' && c <= 'z')) {
      f = s[i];
    } else if (c >= 'A' && c <= 'Z') {
      f = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < s.size()) {
      std::array<char, 16> buffer;
      std::string_view one = fold(s.substr(i++, 2), buffer);
      if (one.empty()) return false;
      f = one[0];
    } else if (c >= 0x80 && !(c == 0xC2 || c == 0xE2)) {
      return false; // another script or symbol: not a relative date we know
    } else if (c >= 0x80) {
      i += c == 0xC2 ? 1 : 2; // no-break spaces, quotes, dashes: a break
    }
    auto kind = f == 0 ? none : is_digit(f) ? digits : letters;
    if (kind != run && !close()) return false;
    if (kind == none) continue;
    if (run == none) start = n, run = kind;
    if (n == out.chars.size()) return false;
    out.chars[n++] = f;
  }
  return close();
}

// Phrases are folded words separated by single spaces.
struct phrase_matcher {
  const word_list &words;
  size_t at = 0;

  bool done() const noexcept { return at == words.size; }
  bool number() noexcept {
    if (done() || !is_digit(words.items[at][0])) return false;
    ++at;
    return true;
  }
  bool phrase(std::string_view p) noexcept {
    size_t k = at;
    while (!p.empty()) {
      size_t space = p.find(' ');
      if (k == words.size || words.items[k] != p.substr(0, space)) return false;
      ++k;
      p = space == std::string_view::npos ? std::string_view() : p.substr(space + 1);
    }
    at = k;
    return true;
  }
  template <size_t N> bool any(const std::string_view (&phrases)[N]) noexcept {
    for (std::string_view p : phrases)
      if (phrase(p)) return true;
    return false;
  }
};

// Words that are a day by themselves, longest first where one begins another.
inline constexpr std::string_view relative_days[] = {
    "just now",    "right now",  "yesterday", "today",      "tomorrow",   "now",    "gerade eben",
    "soeben",      "vorgestern", "gestern",   "heute",      "ubermorgen", "morgen", "jetzt",
    "ahora mismo", "anteayer",   "antier",    "ayer",       "hoy",        "manana", "ahora",
    "agora mesmo", "anteontem",  "ontem",     "hoje",       "amanha",     "agora",  "avant hier",
    "aujourd hui", "hier",       "demain",    "maintenant", "a l instant"};
// What may follow them: a time ("yesterday at 10:00", "gestern um 14:30 Uhr").
inline constexpr std::string_view relative_time_words[] = {"at",  "um", "uhr", "a",  "as",
                                                           "las", "la", "am",  "pm", "h"};
inline constexpr std::string_view relative_units[] = {
    "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr",
    "hrs", "hour", "hours", "d", "day", "days", "w", "wk", "wks", "week", "weeks", "mo", "mos",
    "mth", "mths", "month", "months", "y", "yr", "yrs", "year", "years",
    // Portuguese and Spanish
    "segundo", "segundos", "minuto", "minutos", "hora", "horas", "dia", "dias", "semana", "semanas",
    "mes", "meses", "ano", "anos",
    // German
    "sekunde", "sekunden", "minuten", "stunde", "stunden", "tag", "tage", "tagen", "woche",
    "wochen", "monat", "monate", "monaten", "jahr", "jahre", "jahren",
    // French
    "seconde", "secondes", "heure", "heures", "jour", "jours", "semaine", "semaines", "mois", "an",
    "ans", "annee", "annees"};
inline constexpr std::string_view relative_before[] = {"hace", "vor", "il y a", "ha", "faz"};
inline constexpr std::string_view relative_after[] = {"ago", "atras", "her"};
inline constexpr std::string_view relative_hedges[] = {
    "about",    "around",   "over",    "almost",   "nearly",  "less than", "more than",
    "etwa",     "ungefahr", "fast",    "knapp",    "uber",    "mehr als",  "weniger als",
    "environ",  "presque",  "plus de", "moins de", "pres de", "casi",      "mas de",
    "menos de", "cerca de", "quase",   "mais de"};
inline constexpr std::string_view relative_quantities[] = {
    "a couple of", "a few",     "a",     "an",   "one",     "few",     "several",  "couple of",
    "unos",        "unas",      "una",   "un",   "algunos", "algunas", "varios",   "varias",
    "uns",         "umas",      "uma",   "um",   "alguns",  "algumas", "ein paar", "paar",
    "einem",       "einer",     "einen", "eine", "ein",     "einigen", "wenigen",  "mehreren",
    "quelques",    "plusieurs", "une",   "des"};
// "last week", "letzte Woche", "la semana pasada", "semana passada", "le mois dernier"
inline constexpr std::string_view relative_articles[] = {"the", "la", "el", "le", "o",
                                                         "a",   "na", "no", "im", "en"};
inline constexpr std::string_view relative_this_or_last[] = {
    "last",    "this",    "past",       "next",        "letzte",      "letzten",
    "letzter", "letztes", "vergangene", "vergangenen", "vergangener", "vergangenes",
    "diese",   "diesen",  "dieser",     "dieses",      "nachste",     "nachsten",
    "este",    "esta",    "cette",      "ce",          "cet"};
inline constexpr std::string_view relative_last_after[] = {
    "pasado", "pasada", "anterior", "passado", "passada", "dernier", "derniere", "passe", "passee"};

// "yesterday", "heute", "hoje às 10:00"
inline bool relative_day(const word_list &words) noexcept {
  phrase_matcher m{words};
  if (!m.any(relative_days)) return false;
  while (!m.done())
    if (!m.number() && !m.any(relative_time_words)) return false;
  return true;
}

// "last week", "letzte Woche", "la semana pasada", "le mois dernier"
inline bool relative_period(const word_list &words) noexcept {
  phrase_matcher m{words};
  m.any(relative_articles);
  const bool before = m.any(relative_this_or_last);
  return m.any(relative_units) && (before || m.any(relative_last_after)) && m.done();
}

// "3 days ago", "0 days", "3d", "an hour ago", "vor 3 Tagen", "há 3 dias", "0-6 months ago"
inline bool relative_count(const word_list &words) noexcept {
  phrase_matcher m{words};
  const bool before = m.any(relative_before);
  m.any(relative_hedges);
  const bool counted = m.number();
  if (counted) {
    m.number(); // a range: "0-6 months"
  } else {
    // "a day", "une heure": a quantity word only right before a unit
    phrase_matcher q = m;
    if (q.any(relative_quantities) && q.any(relative_units)) m.any(relative_quantities);
  }
  if (!m.any(relative_units)) return false;
  const bool after = m.any(relative_after);
  // "days" alone, or "a day", is no date of any kind
  return m.done() && (before || after || counted);
}

} // namespace detail::dates

inline std::optional<date_parts> read_date(std::string_view text, date_order order) noexcept {
  using namespace detail::dates;
  text = trim_ascii(text);
  if (text.empty() || text.size() > 80) return std::nullopt;
  token_list tokens;
  if (!tokenize(text, tokens)) return std::nullopt;
  date_parts out;
  clock_time time = take_time(tokens);
  if (!time.ok || !take_zone(tokens, text, time, out) || !take_date(tokens, order, out))
    return std::nullopt;
  out.seconds = time.seconds;
  return out;
}

inline bool looks_like_date(std::string_view value) noexcept {
  std::string_view v = trim_ascii(value);
  if (v.empty()) return false;
  if ((v.size() == 10 || v.size() == 13) &&
      std::all_of(v.begin(), v.end(), detail::dates::is_digit))
    return true;
  return read_date(v, date_order::month_first) || read_date(v, date_order::day_first);
}

inline bool looks_like_relative_date(std::string_view value) noexcept {
  using namespace detail::dates;
  std::string_view v = trim_ascii(value);
  word_list words;
  return v.size() <= 80 && split_words(v, words) && words.size > 0 &&
         (relative_day(words) || relative_period(words) || relative_count(words));
}

} // namespace rebuy

#endif // REBUY_DATE_WORDS_HPP
