#include "lexicon.hpp"

#include "key_variants.hpp"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <map>
#include <stdexcept>
#include <unordered_set>

namespace rebuy::text_signals {
namespace {

constexpr const language_data *languages[language_count] = {&english, &portuguese, &spanish,
                                                            &german,  &french,     &chinese};

std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t end = s.find(separator, start);
    const std::string_view part = s.substr(start, end - start);
    if (!part.empty()) parts.push_back(part);
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

[[noreturn]] void bad_pattern(const phrase_def &def, const language_data &data,
                              std::string_view why) {
  throw std::logic_error(std::string("text_signals: ") + data.code + " phrase \"" + def.pattern +
                         "\": " + std::string(why));
}

} // namespace

uint64_t lexicon_fingerprint() {
  uint64_t h = 0xcbf29ce484222325ull; // FNV-1a
  auto bytes = [&](const void *data, size_t size) {
    for (size_t i = 0; i < size; ++i)
      h = (h ^ static_cast<const unsigned char *>(data)[i]) * 0x100000001b3ull;
  };
  auto text = [&](const char *s) { bytes(s, std::char_traits<char>::length(s) + 1); };
  auto number = [&](float f) { // the same on every platform: no float bytes
    const long long v = std::isnan(f) ? LLONG_MIN : std::llround(static_cast<double>(f) * 1e4);
    for (int shift = 0; shift < 64; shift += 8) {
      const auto byte = static_cast<unsigned char>(static_cast<unsigned long long>(v) >> shift);
      bytes(&byte, 1);
    }
  };
  for (const language_data *data : languages) {
    text(data->code);
    for (const auto &v : data->valences)
      text(v.word), number(v.valence), number(v.negated);
    for (const auto &b : data->boosters)
      text(b.word), number(b.amount);
    for (auto list : {data->negators, data->post_negators, data->contrasts, data->function_words}) {
      for (const char *w : list)
        text(w);
      text("");
    }
    for (const auto &c : data->cues) {
      const auto kind = static_cast<unsigned char>(c.kind);
      bytes(&kind, 1);
      text(c.words);
    }
    for (const auto &p : data->phrases) {
      text(p.pattern);
      number(p.value);
      const unsigned char kinds[] = {static_cast<unsigned char>(p.target),
                                     static_cast<unsigned char>(p.negation)};
      bytes(kinds, sizeof kinds);
    }
  }
  return h;
}

bool pattern_element::accepts(uint32_t id) const noexcept {
  return std::binary_search(words.begin(), words.end(), id);
}

lexicon::lexicon() {
  for (size_t l = 0; l < language_count; ++l) {
    add_language(*languages[l], static_cast<language>(l));
    index_rules(static_cast<language>(l));
  }
  for (word &w : words_)
    for (size_t l = 0; l < language_count; ++l)
      w.votes[l] = w.senses[l].has(sense::function_word) ? 2 : w.senses[l].known() ? 1 : 0;
}

const lexicon &lexicon::shared() {
  static const lexicon tables;
  return tables;
}

const word *lexicon::find(std::string_view key) const noexcept {
  const uint32_t *id = index_.find(key);
  return id ? &words_[*id] : nullptr;
}

uint32_t lexicon::intern(const std::string &key) {
  const auto [id_of_key, added] = index_.try_emplace(key, static_cast<uint32_t>(words_.size()));
  if (!added) return *id_of_key;
  const uint32_t id = *id_of_key;
  words_.push_back({id, {}});
  return id;
}

void lexicon::add_language(const language_data &data, language lang) {
  const auto l = static_cast<size_t>(lang);
  // Spellings written in this language's tables: a folded variant of another word never takes
  // one of them over ("schön" must not make "schon", already, a compliment).
  std::unordered_set<std::string> written;
  auto note = [&](const char *w) { written.insert(fold_case(w)); };
  for (const auto &v : data.valences)
    note(v.word);
  for (const auto &b : data.boosters)
    note(b.word);
  for (auto list : {data.negators, data.post_negators, data.contrasts, data.function_words})
    for (const char *w : list)
      note(w);
  for (const auto &c : data.cues)
    for (std::string_view w : split(c.words, ' '))
      written.insert(fold_case(w));

  // Pass 0 sets the spellings as written, pass 1 their variants where nothing was written.
  for (int pass = 0; pass < 2; ++pass) {
    auto for_each_key = [&](const char *w, auto &&apply) {
      const std::vector<std::string> keys = key_variants(w, lang);
      for (size_t k = pass == 0 ? 0 : 1; k < (pass == 0 ? 1 : keys.size()); ++k)
        if (pass == 0 || !written.count(keys[k])) apply(words_[intern(keys[k])].senses[l]);
    };
    for (const auto &v : data.valences)
      for_each_key(v.word, [&](sense &s) {
        if (pass == 0 && s.has_valence())
          throw std::logic_error(std::string("text_signals: ") + data.code + " valence of \"" +
                                 v.word + "\" is defined twice");
        if (pass == 0 || !s.has_valence()) s.valence = v.valence, s.negated = v.negated;
      });
    for (const auto &b : data.boosters)
      for_each_key(b.word, [&](sense &s) {
        if (pass == 0 || s.booster == 0) s.booster = b.amount;
      });
    auto flag_all = [&](std::span<const char *const> list, sense::flag f) {
      for (const char *w : list)
        for_each_key(w, [&](sense &s) { s.flags |= f; });
    };
    flag_all(data.negators, sense::negator);
    flag_all(data.post_negators, sense::post_negator);
    flag_all(data.contrasts, sense::contrast);
    flag_all(data.function_words, sense::function_word);
    for (const auto &c : data.cues)
      for (std::string_view w : split(c.words, ' ')) {
        const std::string word(w); // key_variants wants its own copy
        for_each_key(word.c_str(),
                     [&](sense &s) { s.cues |= static_cast<uint16_t>(1u << unsigned(c.kind)); });
      }
  }

  for (const auto &def : data.phrases)
    rules_[l].push_back(compile(def, lang));
}

phrase_rule lexicon::compile(const phrase_def &def, language lang) {
  const language_data &data = *languages[static_cast<size_t>(lang)];
  phrase_rule rule{{}, def.target, def.value, def.negation};
  for (std::string_view item : split(def.pattern, ' ')) {
    pattern_element e;
    if (item.front() == '~') {
      unsigned gap = 0;
      const auto [end, error] = std::from_chars(item.data() + 1, item.data() + item.size(), gap);
      if (error != std::errc() || end != item.data() + item.size() || gap < 1 || gap > 9)
        bad_pattern(def, data, "a gap is ~1 to ~9");
      e.max_gap = static_cast<uint8_t>(gap);
    } else {
      if (item.front() == '[') {
        if (item.size() < 3 || item.back() != ']') bad_pattern(def, data, "unclosed [");
        e.optional = true;
        item = item.substr(1, item.size() - 2);
      }
      for (std::string_view alternative : split(item, '|'))
        for (const auto &key : key_variants(alternative, lang))
          e.words.push_back(intern(key));
      if (e.words.empty()) bad_pattern(def, data, "an element has no word");
      std::sort(e.words.begin(), e.words.end());
      e.words.erase(std::unique(e.words.begin(), e.words.end()), e.words.end());
    }
    rule.elements.push_back(std::move(e));
  }
  if (rule.elements.empty() || rule.elements.front().is_gap() || rule.elements.front().optional)
    bad_pattern(def, data, "the first element must be a required word");
  if (rule.elements.back().is_gap()) bad_pattern(def, data, "a pattern cannot end with a gap");
  // A rule of value 0 is a blocker: what it covers is no signal ("recommended size").
  const float limit = def.target == signal::sentiment ? 4.0f : 1.0f;
  if (!(def.value >= -limit && def.value <= limit))
    bad_pattern(def, data, "the value is out of range");
  return rule;
}

void lexicon::index_rules(language lang) {
  const auto l = static_cast<size_t>(lang);
  std::map<uint32_t, std::vector<uint32_t>> by_first_word; // ordered: a deterministic layout
  for (uint32_t r = 0; r < rules_[l].size(); ++r)
    for (uint32_t id : rules_[l][r].elements.front().words)
      by_first_word[id].push_back(r);
  for (const auto &[id, rules] : by_first_word) {
    sense &s = words_[id].senses[l];
    s.first_rule = static_cast<uint32_t>(rule_refs_[l].size());
    s.rule_count = static_cast<uint32_t>(rules.size());
    rule_refs_[l].insert(rule_refs_[l].end(), rules.begin(), rules.end());
  }
}

} // namespace rebuy::text_signals
