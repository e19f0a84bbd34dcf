// rebuy plugin SDK: guesses which role each column of a table plays, from its
// header and a sample of its values, and says why.
//
// A header alone is not enough ("Recommend" may hold 0-10 scores or yes/no;
// "Date" may hold a sentence), and values alone are not either (a 0-10 column
// is NPS only if its question is about recommending), so every rule pairs
// header words with a test on the sampled values, and values that contradict
// a header keep the column an attribute. Survey exports name a column twice,
// by a short tag ("Q3") and by its question ("How likely are you to recommend
// us?"); a rule may match either. A file without a header row has only its
// values: then dates, a 1-5 or 1-10 rating and texts are taken from them.
//
//   std::vector<rebuy::column_sample> columns = ...; // header, label, values
//   std::vector<rebuy::column_guess> guesses = rebuy::guess_columns(columns);
//   // guesses[i].role, .scale ("1-10"), .reason ("header ... ; values ..."),
//   // .suggested (for an attribute that looks like a role: the roles --map
//   // could give it)
//   rebuy::apply_role_overrides(names, roles, options); // <rebuy/column_mapping.hpp>
#ifndef REBUY_ROLE_GUESS_HPP
#define REBUY_ROLE_GUESS_HPP

#include <rebuy/column_values.hpp>
#include <rebuy/date_words.hpp>
#include <rebuy/header_words.hpp>
#include <rebuy/plugin.hpp>
#include <rebuy/text_util.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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

// What the guess says of one column.
struct column_guess {
  rebuy_role role = REBUY_ROLE_ATTRIBUTE;
  // The scale its numbers are read on: ratings, NPS (0-10), CSAT and CES.
  std::optional<value_scale> scale;
  // Why the column has its role: the header words and the values that
  // decided ("header \"NETPRO\" says \"netpro*\"; values: whole numbers
  // 0-10"); for an attribute that looks like a role, what it looks like.
  std::string reason;
  // For such an attribute, the roles --map could give it.
  std::vector<rebuy_role> suggested;
  // Values that stand for an empty text in this column ("No Negative" under
  // "Negative_Review"): missing, like NA.
  std::vector<std::string> placeholders;
};

// Whether the table has a header row; without one the values alone decide.
enum class header_row { present, absent };

// The guess for each column, in order. Known roles come first; then each
// column gets the role of the first rule its header and values both satisfy;
// a role a record holds once goes to the first column that has it, and the
// others stay attributes saying so. Text may go to several columns.
inline std::vector<column_guess> guess_columns(const std::vector<column_sample> &columns,
                                               header_row header = header_row::present);

// guess_columns() without the reasons: the role of each column.
inline std::vector<rebuy_role> guess_roles(const std::vector<column_sample> &columns);

// Measures a sample of a column's values (<rebuy/column_values.hpp>).
inline value_profile profile_values(const std::vector<std::string_view> &values);

// Whether the first record of a file is data rather than a header: some of
// its cells are dates or numbers where the rows below have them too, and none
// reads like a column name above values of another kind (a header "Rating"
// over numbers, "Date" over dates). `first` is that record, `columns` the
// sampled values of the rows after it.
inline bool first_row_is_data(const std::vector<std::string_view> &first,
                              const std::vector<std::vector<std::string_view>> &columns);

namespace detail::guess {

// How the sampled values bear on a role: whether they fit it, how that reads
// in a reason, and the scale they sit on.
struct fit {
  bool ok = false;
  std::string says; // "whole numbers 0-10", "yes/no answers (True, False)"; may be empty
  std::optional<value_scale> scale;
};

inline std::string count_text(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// "11 x159, 99 x2": numbers outside a scale, which the host refuses.
inline std::string outside_text(const value_profile &p, const value_scale &s) {
  std::string out;
  for (const auto &[v, n] : p.outside(s))
    out += (out.empty() ? "" : ", ") + short_number(v) + " x" + count_text(n);
  return out;
}

inline std::string scale_says(const value_profile &p, const value_scale &s, std::string what) {
  what += " " + describe_scale(s);
  std::string outside = outside_text(p, s);
  if (!outside.empty()) what += ", and outside it (refused) " + outside;
  return what;
}

inline fit any_values(const value_profile &) { return {true, {}, {}}; }

inline fit unique_values(const value_profile &p) {
  return {p.non_blank > 0 && p.distinct == p.non_blank, "every value different", {}};
}

// 0-10 likelihood answers: whole numbers that reach above 5 (a 1-5 question is
// not NPS), a few codes outside allowed.
inline fit nps_values(const value_profile &p) {
  auto s = p.scale_up_to(10);
  if (!s || s->max != 10 || s->step != value_scale::steps::whole) return {};
  double high = 0;
  for (const auto &[v, n] : p.number_counts)
    if (s->contains(v)) high = std::max(high, v);
  if (high <= 5 && p.numbers >= 10) return {};
  value_scale nps{0, 10, value_scale::steps::whole};
  return {true, scale_says(p, nps, "whole numbers"), nps};
}

// Ratings: numbers on a 5-, 10- or 100-point scale, not all alike (a hotel's
// average score repeats on every row of its reviews).
inline fit rating_values(const value_profile &p) {
  auto s = p.scale_up_to(100);
  if (!s || p.negative || (p.non_blank >= 10 && p.distinct < 2)) return {};
  return {true, scale_says(p, *s, "numbers on"), s};
}

// Satisfaction and effort: labels or numbers; numbers get a scale, 7-point too.
inline fit scored_values(const value_profile &p) {
  if (p.free_text()) return {};
  auto s = p.scale_up_to(100, true);
  if (s) return {true, scale_says(p, *s, "numbers on"), s};
  return {true, {}, {}};
}

// The first few answers, for a reason: "Yes, No".
inline std::string binary_examples(const value_profile &p) {
  std::string out;
  for (std::string_view v : p.examples)
    out += (out.empty() ? "" : ", ") + std::string(v);
  return out;
}

inline fit binary_values(const value_profile &p) {
  return {p.binary_values(), "yes/no answers (" + binary_examples(p) + ")", {}};
}

inline fit short_values(const value_profile &p) { return {!p.free_text(), {}, {}}; }

// Repurchase answers: yes/no, labels ("Definitely would"), or numbers.
inline fit intent_values(const value_profile &p) {
  if (p.free_text()) return {};
  if (p.binary_values()) return binary_values(p);
  if (auto s = p.scale_up_to(10, true); s && p.all_numbers())
    return {true, scale_says(p, *s, "numbers on"), s};
  return {true, "short answers (" + binary_examples(p) + ")", {}};
}

inline fit numeric_values(const value_profile &p) { return {p.all_numbers(), "numbers", {}}; }

inline fit date_values(const value_profile &p) { return {p.mostly_dates(), "dates", {}}; }

// Words, not codes: a country or a language written as a number is a code
// only its survey's codebook can read.
inline fit categorical_values(const value_profile &p) {
  return {!p.free_text() && !p.all_numbers(), {}, {}};
}

// The header already says "text": anything but numbers, dates, and a checkbox
// column that repeats one label ("Content": "Cloud Computing").
inline fit textual_values(const value_profile &p) {
  if (p.non_blank == 0) return {true, {}, {}};
  bool one_label = p.non_blank >= 5 && p.distinct == 1;
  return {!one_label && p.numbers < p.non_blank && !p.mostly_dates(),
          p.free_text() ? "long varied text" : "",
          {}};
}

// Titles differ from review to review; a column that repeats a few names
// ("game_title": the game) names a product.
inline fit title_values(const value_profile &p) {
  fit f = textual_values(p);
  f.ok = f.ok && (p.non_blank < 10 || p.distinct * 2 >= p.non_blank);
  if (f.ok) f.says = "short varied text";
  return f;
}

inline fit free_text_values(const value_profile &p) {
  return {p.free_text(), "long varied text", {}};
}

// ---- the rule table --------------------------------------------------------

enum class match {
  exact,   // the whole normalised header is one of the phrases
  words,   // one of the phrases occurs in the header (header_words::matches)
  label,   // words, in a header of at most three words: a column's name, not a
           // question about one aspect ("How would you rate the price?")
  product, // every word a product noun or an id/name word, one a product noun
  any,     // every header: the values alone decide
};

struct rule {
  rebuy_role role;
  match how;
  std::string_view phrases; // '|'-separated, spelled as normalize_header() spells
  fit (*values)(const value_profile &);
};

// The recommend stem in the five languages: recommend, recommended,
// recommendation; recomendaria, recomendação; recommander; empfehlen.
#define REBUY_RECOMMEND_WORDS "recomm*|recomend*|recommand*|empfehl*|weiterempf*"

// Read top to bottom: the first rule whose header pattern and value test both
// hold decides the column. Order matters where headers overlap: "product
// title" is a product before it is a title, "review comment title" a title
// before it is a comment, and "Review ID" an id before it is a review.
inline constexpr rule rules[] = {
    // Words the business wrote (replies) are not the customer's voice, a
    // survey's start time is not when the answer was given, an average or a
    // count over many reviews is no one's answer, and a tool's sentiment
    // label is not the customer's words.
    {REBUY_ROLE_ATTRIBUTE, match::words,
     "reply|replied|replies|developer response|company response|owner response|"
     "seller response|merchant response|business response|start date|started at|start time|"
     "stage date|job title|sentiment|polarity|subjectivity|average|avg|mean|median|number of|"
     "word count*|days since|how many|tags|helpful*|votes|birth|dob",
     any_values},
    // "Have you recommended us?" asks about a past act: reported referral,
    // which the report reads from the attribute.
    {REBUY_ROLE_ATTRIBUTE, match::words,
     "have you * recomm*|did you * recomm*|have * recommended|has * recommended", any_values},

    {REBUY_ROLE_ID, match::exact,
     "id|#|response id|respondent id|review id|submission id|record id|feedback id|comment id|"
     "survey response id|answer id|response token|token|uuid|guid",
     unique_values},

    {REBUY_ROLE_BUY_AGAIN, match::words,
     "buy * again|purchase * again|repurchase*|re purchase|order * again|come back|would buy|"
     "shop * again|visit * again|continue * buy*|continue * purchas*|continue * shop*|"
     "continue * order*|keep * buying|rebuy|stay * again|use * again|book * again|fly * again|"
     "volver* a comprar|comprar* * de nuevo|comprar* * novamente|comprar* * de novo|"
     "wieder * kaufen|erneut * kaufen|rachet*",
     intent_values},

    {REBUY_ROLE_NPS, match::words,
     "nps|net promoter|netpro*|ltr|promoter score|" REBUY_RECOMMEND_WORDS, nps_values},
    // "Would you recommend us?" and a review's "Recommended" flag; in a
    // survey that also asks the 0-10 question, a bare "Recommended" records
    // a past act instead (see guess_columns).
    {REBUY_ROLE_RECOMMEND, match::words,
     REBUY_RECOMMEND_WORDS "|voted up|thumbs up|refer * friend*|would * refer", binary_values},

    {REBUY_ROLE_CSAT, match::words, "csat|satisfaction|satisfied|satisfac*|zufrieden*",
     scored_values},
    {REBUY_ROLE_CES, match::words, "ces|customer effort|effort score", scored_values},

    {REBUY_ROLE_RATING, match::exact,
     "rating|ratings|stars|star|star rating|review rating|review score|review stars|score|"
     "overall|overall rating|rate|product rating|customer rating|user rating|grade|note|nota|"
     "bewertung|sterne|puntuacion|calificacion|valoracion|avaliacao",
     rating_values},
    {REBUY_ROLE_RATING, match::label, "rating|ratings|rated|stars|star|score|overall|grade",
     rating_values},
    {REBUY_ROLE_RATING, match::words, "overall * rat*|rat* * overall", rating_values},

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
     "date|timestamp|time|datetime|submitted|created|inserted at|completed|recorded|fecha|datum|"
     "data",
     date_values},
    {REBUY_ROLE_SUBMITTED_AT, match::exact, "at|when|submitted on", date_values},

    {REBUY_ROLE_PRODUCT, match::exact,
     "product|product id|product name|product title|product sku|sku|asin|parent asin|item|"
     "item id|item name|product handle|app|app name|app id|package name|business id|listing id",
     short_values},
    {REBUY_ROLE_PRODUCT, match::product, "", short_values},

    {REBUY_ROLE_TITLE, match::words,
     "title|summary|headline|subject|header|heading|titel|titulo|titre", title_values},

    {REBUY_ROLE_JOURNEY_STAGE, match::exact,
     "journey stage|stage|lifecycle stage|customer journey stage|journey|touchpoint|"
     "touch point",
     short_values},

    {REBUY_ROLE_COUNTRY, match::words, "country|nationality|pais|pays", categorical_values},
    {REBUY_ROLE_COUNTRY, match::exact, "territory|nation|marketplace|land", categorical_values},
    {REBUY_ROLE_LANGUAGE, match::words, "language|lang|locale|idioma|sprache|langue",
     categorical_values},
    {REBUY_ROLE_CHANNEL, match::words, "channel", categorical_values},
    {REBUY_ROLE_CHANNEL, match::exact,
     "platform|source|source of review|review source|medium|utm source|utm medium|collector",
     categorical_values},

    {REBUY_ROLE_TEXT, match::exact,
     "text|comment|comments|review|reviews|review text|review body|review content|feedback|"
     "body|message|content|verbatim|open ended response|response|answer|reason|description|"
     "remarks|opinion|why|suggestion|suggestions",
     textual_values},
    {REBUY_ROLE_TEXT, match::words,
     "comment|comments|feedback|message|review text|review body|review content|open ended|"
     "verbatim|free text|suggestion|suggestions|kommentar|comentario*|commentaire*",
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

#undef REBUY_RECOMMEND_WORDS

// A product's own name or id: "Hotel_Name", "game_title", "App", "book id".
inline bool names_a_product(const header_words &h) {
  static constexpr std::array<std::string_view, 18> nouns = {
      "product",  "item",       "app",   "application", "game",    "hotel",
      "book",     "movie",      "film",  "course",      "listing", "model",
      "property", "restaurant", "venue", "brand",       "sku",     "asin"};
  static constexpr std::array<std::string_view, 8> names = {"name", "title",  "id",     "sku",
                                                            "code", "handle", "number", "no"};
  bool noun = false;
  for (std::string_view w : h.words()) {
    bool is_noun = std::find(nouns.begin(), nouns.end(), w) != nouns.end();
    bool is_name = std::find(names.begin(), names.end(), w) != names.end();
    if (!is_noun && !is_name) return false;
    noun = noun || is_noun;
  }
  return noun;
}

// The phrase of `r` that `h` matches, or empty; for match::product and
// match::any a description of the match.
inline std::string_view header_match(const rule &r, const header_words &h) {
  switch (r.how) {
  case match::any:
    return "any header";
  case match::product:
    return names_a_product(h) ? std::string_view("a product's name") : std::string_view();
  case match::exact:
    if (h.is(r.phrases)) return h.text();
    return {};
  case match::label:
    if (h.size() > 3) return {};
    return h.first_match(r.phrases);
  case match::words:
    return h.first_match(r.phrases);
  }
  return {};
}

// Placeholders a source writes for an empty text: "No Negative" under
// "Negative_Review", "No comment". A candidate is a short value that repeats
// in the column and says "no" followed by the header's own words, or is a
// stock no-comment phrase.
inline bool is_placeholder(std::string_view value, const header_words &header) {
  static constexpr std::array<std::string_view, 9> stock = {
      "no comment",     "no comments",  "sin comentarios",  "sem comentarios",   "sem comentários",
      "kein kommentar", "keine angabe", "sans commentaire", "pas de commentaire"};
  std::string lower = ascii_lower(trim_ascii(value));
  if (std::find(stock.begin(), stock.end(), lower) != stock.end()) return true;
  header_words words(lower);
  if (words.size() < 2 || words.size() > 3 || words.words()[0] != "no") return false;
  for (size_t i = 1; i < words.size(); ++i) {
    std::string_view w = words.words()[i];
    bool in_header = std::any_of(header.words().begin(), header.words().end(),
                                 [&](std::string_view h) { return h == w; });
    if (!in_header) return false;
  }
  return true;
}

// The column's values without the placeholders found in them (filled in).
inline std::vector<std::string_view> without_placeholders(std::vector<std::string_view> values,
                                                          const header_words &header,
                                                          std::vector<std::string> &found) {
  for (int round = 0; round < 3; ++round) {
    value_profile p = profile_values(values);
    if (p.most_common_count < 3 || p.most_common_count * 50 < p.non_blank ||
        !is_placeholder(p.most_common, header))
      break;
    std::string placeholder(trim_ascii(p.most_common));
    values.erase(std::remove_if(values.begin(), values.end(),
                                [&](std::string_view v) { return trim_ascii(v) == placeholder; }),
                 values.end());
    found.push_back(std::move(placeholder));
  }
  return values;
}

inline bool single_valued(rebuy_role r) {
  return r != REBUY_ROLE_TEXT && r != REBUY_ROLE_ATTRIBUTE;
}

inline std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// "header \"NETPRO\" says \"netpro*\"; sampled values: whole numbers 0-10"; the
// source is the header, or the question a survey states apart from it.
inline std::string reason_text(std::string_view what, std::string_view source,
                               std::string_view phrase, const fit &values) {
  std::string out;
  if (!source.empty()) out = std::string(what) + " " + quoted(source) + " says " + quoted(phrase);
  if (!values.says.empty())
    out += (out.empty() ? "sampled values: " : "; sampled values: ") + values.says;
  return out;
}

// What an attribute's values look like, when that is a role, and the roles
// --map could give it. A 0-10 question has promoters: answers of 9 or 10.
inline void suggest_from_values(const value_profile &p, column_guess &g) {
  fit rating = rating_values(p);
  if (fit f = nps_values(p);
      f.ok && p.min_number() == 0 && p.number_counts.count(10) && p.number_counts.count(9)) {
    g.reason = "looks like answers to a 0-10 question: " + f.says;
    g.suggested = {REBUY_ROLE_NPS};
  } else if (rating.ok && rating.scale->max <= 10 &&
             rating.scale->step != value_scale::steps::decimals && p.distinct >= 3) {
    g.reason = "looks like ratings: " + rating.says;
    g.suggested = {REBUY_ROLE_RATING};
  } else if (p.binary_values() && p.binary_words) {
    g.reason = "looks like yes/no answers (" + binary_examples(p) + ")";
    g.suggested = {REBUY_ROLE_RECOMMEND, REBUY_ROLE_BUY_AGAIN};
  } else if (p.mostly_dates()) {
    g.reason = "looks like dates";
    g.suggested = {REBUY_ROLE_SUBMITTED_AT};
  }
}

} // namespace detail::guess

inline value_profile profile_values(const std::vector<std::string_view> &values) {
  using namespace detail::values;
  value_profile p;
  std::unordered_map<std::string_view, size_t> seen;
  for (std::string_view raw : values) {
    std::string_view v = trim_ascii(raw);
    if (v.empty()) {
      ++p.blank;
      continue;
    }
    if (is_missing_marker(v)) {
      ++p.markers;
      continue;
    }
    ++p.non_blank;
    p.total_bytes += v.size();
    size_t &count = seen[v];
    if (count == 0 && p.examples.size() < 3) p.examples.push_back(v);
    if (++count > p.most_common_count) {
      p.most_common_count = count;
      p.most_common = v;
    }
    double d = 0;
    if (parse_number(v, d)) {
      ++p.numbers;
      if (d == std::floor(d)) ++p.whole;
      if (d < 0) ++p.negative;
      ++p.number_counts[d];
    }
    if (looks_like_date(v)) {
      ++p.dates;
      if (detail::values::year_before_1970(v)) ++p.old_dates;
    }
    switch (binary_answer(v)) {
    case binary::word:
      ++p.binary_words;
      break;
    case binary::digit:
      ++p.binary_digits;
      break;
    case binary::none:
      break;
    }
    if (is_wordy(v)) ++p.wordy;
  }
  p.distinct = seen.size();
  return p;
}

inline std::vector<column_guess> guess_columns(const std::vector<column_sample> &columns,
                                               header_row header) {
  using namespace detail::guess;
  std::vector<column_guess> out(columns.size());
  std::vector<value_profile> profiles(columns.size());
  std::vector<bool> taken(REBUY_ROLE_COUNT_V1_0, false);
  auto take = [&](size_t c, rebuy_role role, std::string reason, std::optional<value_scale> scale) {
    out[c].role = role;
    out[c].reason = std::move(reason);
    out[c].scale = scale;
    if (role >= 0 && role < REBUY_ROLE_COUNT_V1_0) taken[role] = true;
  };
  for (size_t c = 0; c < columns.size(); ++c)
    if (columns[c].known) take(c, *columns[c].known, "fixed by the format", std::nullopt);

  // First the header's rules, column by column: the first column that
  // qualifies for a single-valued role takes it; later look-alikes stay
  // attributes, saying which column has it.
  std::vector<rebuy_role> wanted(columns.size(), REBUY_ROLE_ATTRIBUTE);
  for (size_t c = 0; c < columns.size(); ++c) {
    header_words name(columns[c].header), label(columns[c].label);
    std::vector<std::string_view> values = columns[c].values;
    if (header == header_row::present)
      values = without_placeholders(std::move(values), name, out[c].placeholders);
    profiles[c] = profile_values(values);
    if (columns[c].known) continue;
    const value_profile &p = profiles[c];
    for (const rule &r : rules) {
      if (header == header_row::absent && r.how != match::any) continue;
      std::string_view phrase = header_match(r, name);
      std::string_view source = columns[c].header, what = "header";
      if (phrase.empty() && !label.empty()) {
        phrase = header_match(r, label);
        source = columns[c].label;
        what = "question";
      }
      if (phrase.empty()) continue;
      fit f = r.values(p);
      if (!f.ok) continue;
      wanted[c] = r.role;
      if (r.role == REBUY_ROLE_ATTRIBUTE) {
        out[c].reason = reason_text(what, source, phrase, {});
        break;
      }
      if (single_valued(r.role) && taken[r.role]) {
        auto holder = std::find_if(out.begin(), out.end(),
                                   [&](const column_guess &g) { return g.role == r.role; });
        out[c].reason = std::string("reads as ") + role_name(r.role) + " too, but " +
                        quoted(columns[size_t(holder - out.begin())].header) +
                        " has that role (the first column that reads as it)";
        out[c].suggested = {r.role};
        break;
      }
      take(c, r.role, reason_text(what, r.how == match::any ? "" : source, phrase, f), f.scale);
      break;
    }
  }

  // "Recommended" beside a 0-10 recommend question records whether the
  // respondent did recommend: reported referral, not a stated intent.
  if (taken[REBUY_ROLE_NPS])
    for (size_t c = 0; c < columns.size(); ++c) {
      header_words name(columns[c].header);
      if (out[c].role != REBUY_ROLE_RECOMMEND || columns[c].known ||
          name.matches("would|will|likely|likelihood|recommend"))
        continue;
      out[c] = column_guess{};
      out[c].reason = "a past act (\"recommended\") beside the 0-10 question: kept for the "
                      "report's reported referral";
      taken[REBUY_ROLE_RECOMMEND] = false;
    }

  // Then the values alone, for what no header named: the one column of dates
  // is when the answer was given; a file without a header row also has its
  // rating and its title read off the values.
  auto only = [&](auto &&qualifies) -> std::optional<size_t> {
    std::optional<size_t> found;
    for (size_t c = 0; c < columns.size(); ++c) {
      if (out[c].role != REBUY_ROLE_ATTRIBUTE || columns[c].known || !out[c].reason.empty() ||
          !qualifies(c))
        continue;
      if (found) return std::nullopt;
      found = c;
    }
    return found;
  };
  if (!taken[REBUY_ROLE_SUBMITTED_AT])
    if (auto c = only([&](size_t i) { return profiles[i].mostly_dates(); }))
      take(*c, REBUY_ROLE_SUBMITTED_AT, "sampled values: dates, the file's only column of them",
           std::nullopt);
  if (header == header_row::absent) {
    if (!taken[REBUY_ROLE_RATING])
      if (auto c = only([&](size_t i) {
            fit f = rating_values(profiles[i]);
            return f.ok && f.scale->max <= 10 && profiles[i].distinct >= 2;
          }))
        take(*c, REBUY_ROLE_RATING, "sampled values: " + rating_values(profiles[*c]).says,
             rating_values(profiles[*c]).scale);
    bool texts = std::any_of(out.begin(), out.end(),
                             [](const column_guess &g) { return g.role == REBUY_ROLE_TEXT; });
    if (texts && !taken[REBUY_ROLE_TITLE])
      if (auto c = only([&](size_t i) {
            const value_profile &p = profiles[i];
            return p.non_blank > 0 && !p.all_numbers() && !p.mostly_dates() &&
                   p.wordy * 2 >= p.non_blank && p.distinct * 2 >= p.non_blank;
          }))
        take(*c, REBUY_ROLE_TITLE, "sampled values: short varied text beside a longer text",
             std::nullopt);
  }

  for (size_t c = 0; c < columns.size(); ++c)
    if (out[c].role == REBUY_ROLE_ATTRIBUTE && out[c].reason.empty() && !columns[c].known)
      suggest_from_values(profiles[c], out[c]);
  return out;
}

inline std::vector<rebuy_role> guess_roles(const std::vector<column_sample> &columns) {
  std::vector<rebuy_role> roles;
  for (const column_guess &g : guess_columns(columns))
    roles.push_back(g.role);
  return roles;
}

inline bool first_row_is_data(const std::vector<std::string_view> &first,
                              const std::vector<std::vector<std::string_view>> &columns) {
  size_t typed = 0;
  for (size_t c = 0; c < first.size() && c < columns.size(); ++c) {
    std::string_view cell = trim_ascii(first[c]);
    if (cell.empty()) continue;
    value_profile below = profile_values(columns[c]);
    if (below.non_blank == 0) continue;
    double number = 0;
    bool is_number = detail::values::parse_number(cell, number);
    bool is_date = looks_like_date(cell);
    if (is_date && below.mostly_dates()) {
      ++typed;
    } else if (is_number && below.all_numbers()) {
      ++typed;
    } else if (is_number || is_date) {
      return false; // a number over words: a data row of another table, or a codebook
    } else if (below.all_numbers() || below.mostly_dates() ||
               (below.free_text() && cell.size() < 20)) {
      return false; // "Rating" over numbers, "Date" over dates, "Review" over sentences
    }
  }
  return typed > 0;
}

} // namespace rebuy

#endif // REBUY_ROLE_GUESS_HPP
