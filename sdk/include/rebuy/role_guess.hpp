// rebuy plugin SDK: guesses which role each column of a table plays, from its
// header text and a sample of its values.
//
// A header alone is not enough ("Recommend" may hold 0-10 scores or yes/no;
// "Date" may hold a sentence), and values alone are not either (a 0-10 column
// is NPS only if its question is about recommending), so every rule pairs a
// header pattern with a test on the sampled values. Survey exports name a
// column twice, by a short tag ("Q3") and by its question ("How likely are you
// to recommend us?"); a rule may match either.
//
//   std::vector<rebuy::column_sample> columns = ...; // header, label, values
//   std::vector<rebuy_role> roles = rebuy::guess_roles(columns);
//   rebuy::apply_role_overrides(names, roles, options); // <rebuy/column_mapping.hpp>
#ifndef REBUY_ROLE_GUESS_HPP
#define REBUY_ROLE_GUESS_HPP

#include <rebuy/date_words.hpp>
#include <rebuy/plugin_abi.h>
#include <rebuy/text_util.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace rebuy {

// One column: its header, the question it asks if the format names it apart
// from the header, and up to a few hundred sampled values (views into the
// caller's storage).
struct column_sample {
  std::string_view header;
  std::string_view label; // e.g. Qualtrics' question text under the tag "Q3"; may be empty
  std::vector<std::string_view> values;
  // A role the format fixes (a vendor's response id column): not guessed, and
  // no other column may take it.
  std::optional<rebuy_role> known;
};

// The role of each column, in order. Known roles come first; then, column by
// column, the first rule whose header pattern matches the header or the label
// and whose value test holds decides. Roles a record can hold only once go to
// the first column that qualifies; text may go to several.
inline std::vector<rebuy_role> guess_roles(const std::vector<column_sample> &columns);

// The spelling header rules are written in: ASCII lower case, words split at
// punctuation and camelCase, single spaces ("Likely-To-Recommend" ->
// "likely to recommend", "ResponseId" -> "response id"). '#' is kept as a
// word because Typeform names its id column "#".
inline std::string normalize_header(std::string_view header);

namespace detail::guess {

inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return is_upper(c) || is_lower(c); }

// What the sampled values of one column look like.
struct column_stats {
  size_t non_blank = 0;
  size_t distinct = 0;
  size_t integers_0_10 = 0; // "0" .. "10"
  size_t numbers = 0;       // any decimal number
  size_t half_steps = 0;    // numbers that are multiples of 0.5, as star ratings are
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  size_t dates = 0;
  size_t yes_no = 0;
  size_t wordy = 0; // contains a space, or is written in a script without spaces
  size_t total_bytes = 0;
};

inline bool is_yes_no(std::string_view v) {
  while (!v.empty() && (v.back() == '.' || v.back() == '!'))
    v.remove_suffix(1);
  std::string lower = ascii_lower(v);
  static constexpr std::array<std::string_view, 17> answers = {
      "yes", "no", "y",  "n",   "true", "false", "ja", "nein", "oui",
      "non", "si", "sí", "sim", "não",  "nao",   "1",  "0"};
  return std::find(answers.begin(), answers.end(), lower) != answers.end();
}

inline bool parse_number(std::string_view v, double &out) {
  if (!v.empty() && v.front() == '+') v.remove_prefix(1);
  if (v.empty()) return false;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  return ec == std::errc() && end == v.data() + v.size() && std::isfinite(out);
}

// Several non-ASCII bytes: Chinese or Japanese prose has no spaces but is text.
inline bool is_wordy(std::string_view v) {
  if (v.find(' ') != std::string_view::npos) return true;
  return std::count_if(v.begin(), v.end(), [](char c) { return (c & 0x80) != 0; }) >= 6;
}

inline column_stats measure(const std::vector<std::string_view> &values) {
  column_stats s;
  std::unordered_set<std::string_view> seen;
  for (std::string_view raw : values) {
    std::string_view v = trim_ascii(raw);
    if (v.empty()) continue;
    ++s.non_blank;
    s.total_bytes += v.size();
    seen.insert(v);
    if (v.size() <= 2 && std::all_of(v.begin(), v.end(), is_digit) && (v.size() == 1 || v == "10"))
      ++s.integers_0_10;
    double d = 0;
    if (parse_number(v, d)) {
      ++s.numbers;
      if (d * 2 == std::floor(d * 2)) ++s.half_steps;
      s.min = std::min(s.min, d);
      s.max = std::max(s.max, d);
    }
    if (looks_like_date(v)) ++s.dates;
    if (is_yes_no(v)) ++s.yes_no;
    if (is_wordy(v)) ++s.wordy;
  }
  s.distinct = seen.size();
  return s;
}

// ---- tests on the values, used by the rule table ------------------------

inline bool any_values(const column_stats &) { return true; }

inline bool unique_values(const column_stats &s) {
  return s.non_blank > 0 && s.distinct == s.non_blank;
}

inline bool zero_to_ten(const column_stats &s) {
  return s.non_blank > 0 && s.integers_0_10 == s.non_blank;
}

// Stars: 1-5 or 1-10, halves allowed (Amazon writes 5.0, some sites 4.5).
inline bool rating_values(const column_stats &s) {
  return s.non_blank > 0 && s.half_steps == s.non_blank && s.min >= 0 && s.max <= 10 && s.max >= 1;
}

inline bool numeric_values(const column_stats &s) {
  return s.non_blank > 0 && s.numbers == s.non_blank;
}

// A handful of distinct answers, most of them a plain yes or no.
inline bool yes_no_values(const column_stats &s) {
  return s.non_blank > 0 && s.distinct <= 6 && s.yes_no * 2 >= s.non_blank;
}

inline bool date_values(const column_stats &s) {
  return s.non_blank > 0 && s.dates * 5 >= s.non_blank * 4;
}

// Sentences: long on average, mostly with spaces, and mostly different from
// each other (a checkbox column repeats one long label, which is not text).
inline bool free_text_values(const column_stats &s) {
  return s.non_blank > 0 && s.total_bytes > 40 * s.non_blank && s.wordy * 2 >= s.non_blank &&
         s.distinct * 2 >= s.non_blank;
}

inline bool short_values(const column_stats &s) { return !free_text_values(s); }

// The header already says "text": accept anything but numbers, dates, and a
// checkbox column that repeats one label ("Content": "Cloud Computing").
inline bool textual_values(const column_stats &s) {
  if (s.non_blank == 0) return true;
  bool one_label = s.non_blank >= 5 && s.distinct == 1;
  return !one_label && s.numbers < s.non_blank && s.dates * 5 < s.non_blank * 4;
}

// ---- the rule table --------------------------------------------------------

enum class match {
  exact, // the whole normalised header is one of the phrases
  words, // one of the phrases occurs in the header as whole words
  any,   // every header: the values alone decide
};

struct rule {
  rebuy_role role;
  match how;
  std::string_view
      phrases; // '|'-separated, spelled as normalize_header() spells; see words_match()
  bool (*values)(const column_stats &);
};

// Read top to bottom: the first rule whose header pattern and value test both
// hold decides the column. Order matters where headers overlap: "product
// title" is a product before it is a title, "review comment title" a title
// before it is a comment, and "Review ID" an id before it is a review.
inline constexpr rule rules[] = {
    // Words the business wrote (replies) are not the customer's voice, and a
    // survey's start time is not when the answer was given.
    {REBUY_ROLE_ATTRIBUTE, match::words,
     "reply|replied|replies|developer response|company response|owner response|"
     "seller response|merchant response|business response|start date|started at|start time|"
     "stage date|job title",
     any_values},

    {REBUY_ROLE_ID, match::exact,
     "id|#|response id|respondent id|review id|submission id|record id|feedback id|comment id|"
     "survey response id|answer id|response token|token|uuid|guid",
     unique_values},

    {REBUY_ROLE_BUY_AGAIN, match::words,
     "buy * again|purchase * again|repurchase|re purchase|order * again|come back|would buy|"
     "shop * again|visit * again",
     short_values},

    {REBUY_ROLE_NPS, match::words, "recommend|nps|likely|likelihood|net promoter", zero_to_ten},

    {REBUY_ROLE_RATING, match::exact,
     "rating|ratings|stars|star|star rating|review rating|review score|review stars|score|"
     "overall|overall rating|rate|product rating|customer rating|user rating",
     rating_values},
    {REBUY_ROLE_RATING, match::words, "rating|stars", rating_values},

    // "Would you recommend us?" asks; "Recommended" (past tense) records what
    // someone did and stays an attribute: whole-word matching keeps them apart.
    {REBUY_ROLE_RECOMMEND, match::words, "recommend", yes_no_values},

    {REBUY_ROLE_CSAT, match::words, "csat|satisfaction|satisfied", short_values},
    {REBUY_ROLE_CES, match::words, "ces|customer effort|effort score", short_values},

    {REBUY_ROLE_ORDER_COUNT, match::exact,
     "order count|orders|orders count|customer order count|number of orders|purchase count|"
     "total orders",
     numeric_values},
    {REBUY_ROLE_ORDER_ID, match::exact,
     "order id|order number|order no|order|order ref|order reference|transaction id|"
     "purchase id|invoice id|invoice number",
     short_values},
    {REBUY_ROLE_ORDER_VALUE, match::exact,
     "order value|order total|order amount|total|amount|revenue|price|total price|"
     "basket value|purchase amount|spend|subtotal",
     short_values},

    {REBUY_ROLE_SEGMENT, match::exact,
     "segment|customer segment|plan|plan type|tier|customer tier|customer type|user type|"
     "account type|membership|membership type|subscription|subscription type|cohort",
     short_values},

    {REBUY_ROLE_CUSTOMER, match::exact,
     "customer|customer id|customer unique id|customer number|customer email|client|client id|"
     "user id|userid|email|email address|e mail|respondent email|recipient email|reviewer id|"
     "reviewer email|author id|author email|contact id|member id|account id|person|person id|"
     "buyer id|shopper id",
     short_values},
    {REBUY_ROLE_CUSTOMER, match::words, "user id|customer id|consumer id|email|e mail",
     short_values},

    {REBUY_ROLE_SUBMITTED_AT, match::words,
     "date|timestamp|time|datetime|submitted|created|inserted at|completed|recorded", date_values},
    {REBUY_ROLE_SUBMITTED_AT, match::exact, "at|when|submitted on", date_values},

    {REBUY_ROLE_PRODUCT, match::exact,
     "product|product id|product name|product title|product sku|sku|asin|parent asin|item|"
     "item id|item name|product handle|app|app name|app id|package name|business id|listing id",
     short_values},

    {REBUY_ROLE_TITLE, match::words, "title|summary|headline|subject", textual_values},

    {REBUY_ROLE_JOURNEY_STAGE, match::exact,
     "journey stage|stage|lifecycle stage|customer journey stage|journey|touchpoint|"
     "touch point",
     short_values},

    {REBUY_ROLE_COUNTRY, match::words, "country", short_values},
    {REBUY_ROLE_COUNTRY, match::exact, "territory|nation|marketplace", short_values},
    {REBUY_ROLE_LANGUAGE, match::words, "language|lang|locale", short_values},
    {REBUY_ROLE_CHANNEL, match::words, "channel", short_values},
    {REBUY_ROLE_CHANNEL, match::exact,
     "platform|source|source of review|review source|medium|utm source|utm medium|collector",
     short_values},

    {REBUY_ROLE_TEXT, match::exact,
     "text|comment|comments|review|reviews|review text|review body|review content|feedback|"
     "body|message|content|verbatim|open ended response|response|answer|reason|description|"
     "remarks|opinion|why|suggestion|suggestions",
     textual_values},
    {REBUY_ROLE_TEXT, match::words,
     "comment|comments|feedback|message|review text|review body|review content|open ended|"
     "verbatim|free text|suggestion|suggestions",
     textual_values},
    // Survey questions that ask for words: "What is the main reason for your
    // score?", "Why?", "Anything else you would like to tell us?".
    {REBUY_ROLE_TEXT, match::words,
     "reason for your|why|tell us|anything else|in your own words|please explain|"
     "what could we|how could we|how can we",
     textual_values},
    // Whatever the header, sentences are text.
    {REBUY_ROLE_TEXT, match::any, "", free_text_values},
};

// Whether the words of `phrase` occur in the space-padded header as whole
// words; " * " in a phrase stands for any words between ("buy * again" holds
// for "would you buy from acme shoes again").
inline bool words_match(const std::string &padded, std::string_view phrase) {
  size_t from = 0;
  while (!phrase.empty()) {
    size_t gap = phrase.find(" * ");
    std::string part = " " + std::string(phrase.substr(0, gap)) + " ";
    phrase = gap == std::string_view::npos ? std::string_view() : phrase.substr(gap + 3);
    size_t at = padded.find(part, from);
    if (at == std::string::npos) return false;
    from = at + part.size() - 1; // the closing space may open the next part
  }
  return true;
}

inline bool header_matches(const rule &r, std::string_view header) {
  if (r.how == match::any) return true;
  // Pad with spaces so a phrase matches only whole words.
  std::string padded = " " + std::string(header) + " ";
  std::string_view phrases = r.phrases;
  while (!phrases.empty()) {
    size_t bar = phrases.find('|');
    std::string_view phrase = phrases.substr(0, bar);
    phrases = bar == std::string_view::npos ? std::string_view() : phrases.substr(bar + 1);
    if (r.how == match::exact ? header == phrase : words_match(padded, phrase)) return true;
  }
  return false;
}

} // namespace detail::guess

inline std::string normalize_header(std::string_view header) {
  std::string out;
  out.reserve(header.size() + 4);
  auto space = [&] {
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
  };
  for (size_t i = 0; i < header.size(); ++i) {
    char c = header[i];
    unsigned char u = static_cast<unsigned char>(c);
    if (detail::guess::is_upper(c)) {
      // camelCase and "IPAddress": a word starts at an upper-case letter after
      // a lower-case one, or before a lower-case one after an upper-case one.
      char prev = i ? header[i - 1] : '\0';
      char next = i + 1 < header.size() ? header[i + 1] : '\0';
      if (detail::guess::is_lower(prev) ||
          (detail::guess::is_upper(prev) && detail::guess::is_lower(next)))
        space();
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (detail::guess::is_lower(c) || detail::guess::is_digit(c) || u >= 0x80) {
      out.push_back(c); // bytes of non-ASCII letters stay part of their word
    } else if (c == '#') {
      space();
      out.push_back('#');
      out.push_back(' ');
    } else {
      space();
    }
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

inline std::vector<rebuy_role> guess_roles(const std::vector<column_sample> &columns) {
  using namespace detail::guess;
  std::vector<rebuy_role> roles(columns.size(), REBUY_ROLE_ATTRIBUTE);
  std::vector<bool> taken(REBUY_ROLE_COUNT_V1_0, false);
  auto single = [](rebuy_role r) { return r != REBUY_ROLE_TEXT && r != REBUY_ROLE_ATTRIBUTE; };
  for (size_t c = 0; c < columns.size(); ++c)
    if (columns[c].known) {
      roles[c] = *columns[c].known;
      if (roles[c] >= 0 && roles[c] < REBUY_ROLE_COUNT_V1_0) taken[roles[c]] = true;
    }
  for (size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].known) continue;
    std::string header = normalize_header(columns[c].header);
    std::string label = normalize_header(columns[c].label);
    column_stats stats = measure(columns[c].values);
    for (const rule &r : rules) {
      bool named = header_matches(r, header) || (!label.empty() && header_matches(r, label));
      if (!named || !r.values(stats)) continue;
      // A record holds one id, one NPS answer, one rating...: the first
      // column wins and later look-alikes stay attributes. Text may repeat.
      rebuy_role role = single(r.role) && taken[r.role] ? REBUY_ROLE_ATTRIBUTE : r.role;
      taken[role] = true;
      roles[c] = role;
      break;
    }
  }
  return roles;
}

} // namespace rebuy

#endif // REBUY_ROLE_GUESS_HPP
