#include "report/driver_items.hpp"

#include <rebuy/column_values.hpp>
#include <rebuy/header_words.hpp>
#include <rebuy/text_util.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace rebuy::core {
namespace {

bool read_number(std::string_view v, double &out) {
  v = trim_ascii(v);
  if (v.empty()) return false;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  return ec == std::errc() && end == v.data() + v.size() && std::isfinite(out);
}

// Whether a number outside a scale is one of the codes questionnaires give to "no answer":
// 0 below a scale that starts at 1, the number after the top ("6 = not applicable" on 1-5),
// 9, 99, 999 (and 98, 998) above it, or a negative code.
bool is_code(double v, double min, double max) {
  if (v != std::floor(v)) return false;
  if (v < 0) return true;
  if (v == 0) return min >= 1;
  if (v == max + 1) return true;
  for (double nines = 9; nines <= 9999; nines = nines * 10 + 9)
    if (v == nines || v == nines - 1) return v > max;
  return false;
}

// A question with several items: "Q7ART" -> ("Q7", "ART"), "Q5_1" -> ("Q5", "1"),
// "Rate us [Food]" -> ("Rate us", "Food"), "Satisfaction - Staff" -> ("Satisfaction", "Staff").
// ("", "") when the header names no such part.
std::pair<std::string_view, std::string_view> question_and_item(std::string_view header) {
  header = trim_ascii(header);
  if (header.size() > 2 && header.back() == ']') {
    auto open = header.rfind('[');
    if (open != std::string_view::npos && open > 0)
      return {trim_ascii(header.substr(0, open)),
              trim_ascii(header.substr(open + 1, header.size() - open - 2))};
  }
  if (auto dash = header.rfind(" - "); dash != std::string_view::npos && dash > 0)
    return {trim_ascii(header.substr(0, dash)), trim_ascii(header.substr(dash + 3))};
  // A question code: a few letters and a number, then the item.
  size_t i = 0;
  while (i < header.size() && i < 4 && std::isalpha(static_cast<unsigned char>(header[i])))
    ++i;
  const size_t digits = i;
  while (i < header.size() && std::isdigit(static_cast<unsigned char>(header[i])))
    ++i;
  if (i == digits || i == header.size()) return {};
  const std::string_view code = header.substr(0, i);
  if (header[i] == '_' || header[i] == '-' || header[i] == '.') ++i;
  // "12. How would you rate ..." is a numbered question, not item 12 of a grid.
  if (i < header.size() && header[i] == ' ') return {};
  return {code, header.substr(i)};
}

// An item that sums the others up: "Q7ALL", "Overall satisfaction".
constexpr std::string_view summary_phrases =
    "overall|in general|gesamt*|insgesamt|geral|en general|global|globale|generale";

bool is_summary_item(std::string_view item) {
  const header_words words(item);
  return words.is("all|total|general") || words.matches(summary_phrases);
}

// Headers that ask for a rating or name an aspect of a product, a stay or a trip, in the five
// languages rebuy reads.
constexpr std::string_view rating_phrases =
    "rat*|score*|satisf*|quality|qualit*|importan*|agree*|disagree*|evaluat*|grade|star|stars|"
    "avalia*|nota|calific*|valora*|puntua*|bewert*|zufrieden*|note|noter|evalu*|"
    "service|servic*|staff|food|value|value for money|price*|pricing|comfort*|clean*|location|"
    "room|rooms|seat|seats|wifi|wi fi|ambian*|atmospher*|deliver*|support|speed|friendl*|"
    "cabin|entertainment|beverage*|facilit*|sleep|parking|shipping|packag*|check in|ease|"
    "atendimento|entrega|preco|limpeza|precio|servicio|limpieza|atencion|preis|sauberkeit|"
    "personal|lage|essen|prix|proprete|accueil|personnel|emplacement";
// Intentions and overall verdicts: what drivers explain, not drivers.
constexpr std::string_view outcome_phrases =
    "likely|likelihood|probab*|intend*|intention|again|continue|recommend*|nps|overall|"
    "in general|wahrscheinlich|empfehl*|recomend*|recommand*|volver*|voltar*|wieder*|"
    "gesamt*|insgesamt|geral|en general|global|globale";

// How often each number occurs among a column's (or a question's columns') answers.
struct value_counts {
  std::map<double, size_t> counts;
  size_t present = 0, numbers = 0;

  void add(std::string_view raw) {
    auto v = trim_ascii(raw);
    if (v.empty() || is_missing_marker(v)) return;
    ++present;
    double x;
    if (read_number(v, x)) ++numbers, ++counts[x];
  }
  bool mostly_numbers() const { return numbers > 0 && numbers * 10 >= present * 9; }
  // Whole numbers up to 11 or "no answer" codes only: a grid item, not a count or a code list.
  bool could_be_item() const {
    return mostly_numbers() && std::all_of(counts.begin(), counts.end(), [](const auto &c) {
             const double v = c.first;
             return v == std::floor(v) && ((v >= 0 && v <= 11) || is_code(v, 1, 10));
           });
  }
};

std::optional<item_scale> scale_of(const value_counts &values) {
  if (!values.mostly_numbers()) return std::nullopt;
  constexpr std::pair<double, double> scales[] = {{1, 5}, {1, 7}, {0, 10}};
  for (auto [min, max] : scales) {
    item_scale scale{min, max, {}};
    size_t inside = 0, ratings = 0;
    double top = min;
    bool fits = true;
    for (const auto &[v, n] : values.counts) {
      if (v >= min && v <= max) {
        if (v != std::floor(v)) fits = false; // 3.7: an average, not a rating
        inside += n, ++ratings, top = v;
      } else if (is_code(v, min, max)) {
        scale.codes.push_back(v);
      } else {
        fits = false;
      }
    }
    // A rating scale is used up to its top or next to it: 1, 2, 3 on "1-5" are codes.
    if (!fits || scale.codes.size() > 2 || ratings < 3 || top < max - 1 ||
        inside * 2 < values.numbers)
      continue;
    if (min == 0 && !values.counts.count(0)) scale.min = 1; // 1-10
    return scale;
  }
  return std::nullopt;
}

} // namespace

double item_scale::read(std::string_view value) const {
  double v;
  if (!read_number(value, v) || v < min || v > max || v != std::floor(v)) return NAN;
  return v;
}

std::optional<item_scale> rating_item_scale(const std::vector<std::string_view> &values) {
  value_counts counts;
  for (auto v : values)
    counts.add(v);
  return scale_of(counts);
}

std::string describe_item_scale(const item_scale &scale) {
  std::string out = short_number(scale.min) + "-" + short_number(scale.max);
  if (scale.codes.empty()) return out;
  out += " (";
  for (size_t i = 0; i < scale.codes.size(); ++i)
    out += (i ? ", " : "") + short_number(scale.codes[i]);
  return out + " = no answer)";
}

std::vector<driver_group> find_driver_groups(const std::vector<sampled_column> &columns) {
  struct column_facts {
    std::string_view name, question, item;
    value_counts values;
  };
  std::vector<column_facts> facts;
  for (const auto &c : columns) {
    auto [question, item] = question_and_item(c.name);
    auto &f = facts.emplace_back(column_facts{c.name, question, item, {}});
    for (const auto &v : c.values)
      f.values.add(v);
  }

  // Questions of several columns: a grid shares one scale, read off all its answers together
  // (an item most passengers skip has more "not applicable" codes than ratings).
  std::vector<driver_group> out;
  std::vector<bool> taken(facts.size());
  for (size_t i = 0; i < facts.size(); ++i) {
    if (taken[i] || facts[i].question.empty() || !facts[i].values.could_be_item()) continue;
    std::vector<size_t> members;
    value_counts pooled;
    for (size_t j = i; j < facts.size(); ++j) {
      if (taken[j] || facts[j].question != facts[i].question || !facts[j].values.could_be_item())
        continue;
      members.push_back(j);
      for (const auto &[v, n] : facts[j].values.counts)
        pooled.counts[v] += n;
      pooled.present += facts[j].values.present;
      pooled.numbers += facts[j].values.numbers;
    }
    if (members.size() < 3) continue;
    const auto scale = scale_of(pooled);
    if (!scale) continue;
    driver_group g;
    g.question = std::string(facts[i].question);
    for (size_t j : members) {
      if (is_summary_item(facts[j].item))
        g.summaries.emplace_back(facts[j].name);
      else
        g.items.push_back({std::string(facts[j].name), *scale});
    }
    if (g.items.size() < 2) continue;
    for (size_t j : members)
      taken[j] = true;
    out.push_back(std::move(g));
  }

  // Single questions whose header asks for a rating of an aspect.
  driver_group asked;
  for (size_t i = 0; i < facts.size(); ++i) {
    if (taken[i]) continue;
    const auto scale = scale_of(facts[i].values);
    if (!scale) continue;
    const header_words words(facts[i].name);
    if (!words.matches(rating_phrases)) continue;
    if (words.matches(outcome_phrases)) {
      if (words.matches(summary_phrases)) asked.summaries.emplace_back(facts[i].name);
      continue;
    }
    asked.items.push_back({std::string(facts[i].name), *scale});
  }
  if (asked.items.size() >= 2) out.push_back(std::move(asked));
  return out;
}

} // namespace rebuy::core
