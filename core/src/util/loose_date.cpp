#include "util/loose_date.hpp"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace rebuy::core {
namespace {

using namespace std::chrono;

struct token {
  enum kind_t { number, word, punct } kind;
  std::string_view text;
  int value = 0; // of a number (at most 9 digits are read)
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// Into `out`, reused: dates are parsed once per row of every import.
void tokenize(std::string_view s, std::vector<token> &out) {
  out.clear();
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    size_t j = i + 1;
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    if (is_digit(c)) {
      while (j < s.size() && is_digit(s[j]))
        ++j;
      token t{token::number, s.substr(i, j - i)};
      for (size_t k = i; k < j && k < i + 9; ++k)
        t.value = t.value * 10 + (s[k] - '0');
      if (j - i > 9) t.value = -1; // too long to be any part of a date
      out.push_back(t);
    } else if (is_alpha(c)) {
      while (j < s.size() && is_alpha(s[j]))
        ++j;
      out.push_back({token::word, s.substr(i, j - i)});
    } else {
      out.push_back({token::punct, s.substr(i, 1)});
    }
    i = j;
  }
}

// 1-12 for an English month name or its three-letter abbreviation.
int month_number(std::string_view word) {
  static constexpr std::array<std::string_view, 12> names = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (size_t m = 0; m < names.size(); ++m)
    if (iequals(word, names[m]) || (word.size() == 3 && iequals(word, names[m].substr(0, 3))) ||
        (word.size() == 4 && m == 8 && iequals(word, "sept")))
      return static_cast<int>(m) + 1;
  return 0;
}

bool is_noise_word(std::string_view w) {
  static constexpr std::array<std::string_view, 19> words = {
      "mon",    "tue",     "wed",       "thu",      "fri",    "sat",      "sun",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "st",     "nd",      "rd",        "th",       "at"};
  for (auto n : words)
    if (iequals(w, n)) return true;
  return false;
}

// The offset of an IANA zone at a local time, through ICU's zone database.
std::optional<seconds> zone_offset(std::string_view id, sys_seconds local) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<icu::TimeZone>, std::less<>> zones;
  std::shared_ptr<icu::TimeZone> zone;
  {
    std::lock_guard lock(mutex);
    auto it = zones.find(id);
    if (it == zones.end()) {
      std::shared_ptr<icu::TimeZone> created(
          icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
              icu::StringPiece(id.data(), static_cast<int32_t>(id.size())))));
      icu::UnicodeString got;
      created->getID(got);
      if (got == icu::UnicodeString(u"Etc/Unknown")) created.reset();
      it = zones.emplace(std::string(id), std::move(created)).first;
    }
    zone = it->second;
  }
  if (!zone) return std::nullopt;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  const UDate ms = static_cast<UDate>(local.time_since_epoch().count()) * 1000.0;
  zone->getOffset(ms, /*local=*/true, raw, dst, status);
  if (U_FAILURE(status)) return std::nullopt;
  return seconds((raw + dst) / 1000);
}

struct parsed_time {
  seconds since_midnight{0};
  std::optional<seconds> offset;      // east of UTC
  std::string_view zone_id;           // an IANA id still to be resolved
  size_t at = std::string_view::npos; // token index where the time was; a numeric offset follows it
  bool ok = true;
};

// Finds "H:MM[:SS[.fff]] [AM|PM] [Z|UTC|GMT|±hh[:]mm|Area/City]" and removes it from `t`.
parsed_time take_time(std::vector<token> &t) {
  parsed_time out;
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if (t[i].kind != token::number || t[i + 1].text != ":" || t[i + 2].kind != token::number)
      continue;
    size_t end = i + 3;
    int h = t[i].value, m = t[i + 2].value, s = 0;
    if (end + 1 < t.size() && t[end].text == ":" && t[end + 1].kind == token::number) {
      s = t[end + 1].value;
      end += 2;
      if (end + 1 < t.size() && (t[end].text == "." || t[end].text == ",") &&
          t[end + 1].kind == token::number)
        end += 2; // fractions of a second are dropped
    }
    if (end < t.size() && t[end].kind == token::word &&
        (iequals(t[end].text, "am") || iequals(t[end].text, "pm"))) {
      if (h < 1 || h > 12) out.ok = false;
      h = h % 12 + (iequals(t[end].text, "pm") ? 12 : 0);
      ++end;
    }
    if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 60 || t[i + 2].text.size() != 2)
      out.ok = false;
    out.since_midnight = hours(h) + minutes(m) + seconds(s);
    out.at = i;
    t.erase(t.begin() + static_cast<std::ptrdiff_t>(i),
            t.begin() + static_cast<std::ptrdiff_t>(end));
    return out;
  }
  return out;
}

// A zone written after the date and time: removed from `t`.
void take_zone(std::vector<token> &t, std::string_view text, parsed_time &time) {
  if (t.empty()) return;
  // ±hh:mm or ±hhmm
  size_t n = t.size();
  if (n >= 4 && n - 4 >= time.at && (t[n - 4].text == "+" || t[n - 4].text == "-") &&
      t[n - 3].kind == token::number && t[n - 2].text == ":" && t[n - 1].kind == token::number) {
    int sign = t[n - 4].text == "+" ? 1 : -1;
    time.offset = seconds(sign * (t[n - 3].value * 3600 + t[n - 1].value * 60));
    t.resize(n - 4);
    return;
  }
  if (n >= 2 && n - 2 >= time.at && (t[n - 2].text == "+" || t[n - 2].text == "-") &&
      t[n - 1].kind == token::number && t[n - 1].text.size() == 4) {
    int sign = t[n - 2].text == "+" ? 1 : -1;
    time.offset = seconds(sign * (t[n - 1].value / 100 * 3600 + t[n - 1].value % 100 * 60));
    t.resize(n - 2);
    return;
  }
  if (t.back().kind == token::word &&
      (iequals(t.back().text, "utc") || iequals(t.back().text, "gmt") ||
       iequals(t.back().text, "z"))) {
    time.offset = seconds(0);
    t.pop_back();
    return;
  }
  // An IANA id: the last space-separated word, with a '/' ("America/Denver").
  size_t space = text.find_last_of(' ');
  std::string_view last = space == std::string_view::npos ? text : text.substr(space + 1);
  if (last.find('/') != std::string_view::npos && !last.empty() && is_alpha(last.front())) {
    time.zone_id = last;
    while (!t.empty() && t.back().text.data() >= last.data())
      t.pop_back();
  }
}

int full_year(const token &t) {
  if (t.text.size() == 2) return t.value < 70 ? 2000 + t.value : 1900 + t.value;
  return t.text.size() == 4 ? t.value : -1;
}

std::optional<year_month_day> make_date(int y, int m, int d) {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  year_month_day ymd{year(y), month(static_cast<unsigned>(m)), day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::optional<year_month_day> take_date(const std::vector<token> &all, date_order order) {
  std::array<token, 3> nums;
  size_t count = 0;
  int month_word = 0;
  char separator = 0;
  for (const auto &t : all) {
    if (t.kind == token::number) {
      if (count == nums.size()) return std::nullopt; // no date has four numbers
      nums[count++] = t;
    } else if (t.kind == token::word) {
      if (int m = month_number(t.text)) {
        if (month_word) return std::nullopt;
        month_word = m;
      } else if (!is_noise_word(t.text)) {
        return std::nullopt;
      }
    } else if (t.text == "/" || t.text == "-" || t.text == ".") {
      if (separator && separator != t.text[0] && !month_word) return std::nullopt;
      separator = t.text[0];
    } else if (t.text != ",") {
      return std::nullopt;
    }
  }
  if (month_word) {
    if (count != 2) return std::nullopt;
    // "19 November 2023", "November 19, 2023", "2023 Nov 19"
    if (nums[0].text.size() == 4) return make_date(nums[0].value, month_word, nums[1].value);
    return make_date(full_year(nums[1]), month_word, nums[0].value);
  }
  if (count != 3) return std::nullopt;
  if (nums[0].text.size() == 4) return make_date(nums[0].value, nums[1].value, nums[2].value);
  int y = full_year(nums[2]);
  if (separator == '.') return make_date(y, nums[1].value, nums[0].value);
  return order == date_order::month_first ? make_date(y, nums[0].value, nums[1].value)
                                          : make_date(y, nums[1].value, nums[0].value);
}

} // namespace

std::optional<sys_seconds> parse_loose_date(std::string_view text, date_order order) {
  if (text.size() > 80) return std::nullopt;
  thread_local std::vector<token> tokens;
  tokenize(text, tokens);
  parsed_time time = take_time(tokens);
  if (!time.ok) return std::nullopt;
  take_zone(tokens, text, time);
  auto date = take_date(tokens, order);
  if (!date) return std::nullopt;
  sys_seconds local = sys_days(*date) + time.since_midnight;
  if (!time.zone_id.empty()) {
    auto offset = zone_offset(time.zone_id, local);
    if (!offset) return std::nullopt;
    return local - *offset;
  }
  return time.offset ? local - *time.offset : local;
}

std::optional<date_order> date_order_evidence(std::string_view text) {
  thread_local std::vector<token> tokens;
  tokenize(text.substr(0, 80), tokens);
  take_time(tokens);
  int nums[3];
  size_t count = 0;
  for (const auto &t : tokens) {
    if (t.kind == token::word) return std::nullopt; // a month name leaves no doubt
    if (t.kind == token::punct && t.text == ".") return std::nullopt;
    if (t.kind == token::number) {
      if (count == 0 && t.text.size() == 4) return std::nullopt; // year first
      if (count == 3) return std::nullopt;
      nums[count++] = t.value;
    }
  }
  if (count != 3) return std::nullopt;
  if (nums[0] > 12 && nums[0] <= 31 && nums[1] >= 1 && nums[1] <= 12) return date_order::day_first;
  if (nums[1] > 12 && nums[1] <= 31 && nums[0] >= 1 && nums[0] <= 12)
    return date_order::month_first;
  return std::nullopt;
}

} // namespace rebuy::core
