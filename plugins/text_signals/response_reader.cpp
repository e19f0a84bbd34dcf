#include "response_reader.hpp"

#include "buy_again_model.hpp"
#include "key_variants.hpp"
#include "sentiment.hpp"

#include <rebuy/text_util.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace rebuy::text_signals {
namespace {

constexpr std::string_view apostrophes[] = {"'", "\xE2\x80\x99"};

// French articles, pronouns and particles written with an elided vowel.
bool is_elision(std::string_view prefix) {
  static constexpr std::string_view elisions[] = {"c", "d", "j",  "l",     "m",      "n",
                                                  "s", "t", "qu", "jusqu", "lorsqu", "puisqu"};
  return std::find(std::begin(elisions), std::end(elisions), prefix) != std::end(elisions);
}

bool is_letter_token(const rebuy_token &t) { return t.rule_status >= 200 && t.rule_status < 300; }
// A word: letters, kana or ideographs (ICU's rule statuses 200-499), not a number.
bool is_word_token(const rebuy_token &t) { return t.rule_status >= 200 && t.rule_status < 500; }

// The punctuation between two tokens: the prepared tokens keep only words, so a comma is seen
// in the text between them. A full stop the sentence breaker passed over ("these. the
// pictures", lower case after it) still ends a sentence for the phrase rules.
boundary punctuation_between(std::string_view text, const rebuy_token &before,
                             const rebuy_token &at) {
  const size_t from = static_cast<size_t>(before.offset) + before.text.size;
  if (from >= at.offset || at.offset > text.size()) return boundary::none;
  const std::string_view between = text.substr(from, at.offset - from);
  if (between.find_first_of(".!?") != std::string_view::npos) return boundary::sentence;
  const bool clause = between.find_first_of(",;:()") != std::string_view::npos ||
                      between.find(" - ") != std::string_view::npos ||
                      between.find("\xE2\x80\x93") != std::string_view::npos || // en dash
                      between.find("\xE2\x80\x94") != std::string_view::npos;   // em dash
  return clause ? boundary::clause : boundary::none;
}

size_t sign_index(float v) { return v > 0 ? 1 : 0; }

// The language of a text none of whose words is in a lexicon, from its letters: the diacritics
// that tell the Latin-script languages apart ("ã" Portuguese, "ñ" Spanish, "ß" German, "è"
// French), English when there are none; Chinese for ideographs without kana. None when a letter
// is of another script (Japanese kana, Cyrillic, Greek).
std::optional<language> language_of_letters(const rebuy_response &response) {
  std::array<unsigned, language_count> votes{};
  bool ideographs = false;
  for (size_t i = 0; i < response.text_count; ++i) {
    const rebuy_text &text = response.texts[i];
    for (size_t k = 0; k < text.token_count; ++k) {
      const rebuy_token &t = text.tokens[k];
      if (t.rule_status >= 300 && t.rule_status < 400) return std::nullopt; // kana
      if (t.rule_status >= 400) {
        ideographs = true;
        continue;
      }
      const std::string_view w(t.text.data, t.text.size);
      for (size_t b = 0; b < w.size(); ++b) {
        const auto c = static_cast<unsigned char>(w[b]);
        if (c < 0x80) continue;
        if (c < 0xC3 || c > 0xC5 || b + 1 >= w.size()) return std::nullopt;
        const auto next = static_cast<unsigned char>(w[++b]);
        if (c != 0xC3) continue; // Latin Extended-A ("œ", "ł"): Latin, no vote
        const unsigned char lower =
            next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next;
        switch (lower) {
        case 0xA3:
        case 0xB5:
          ++votes[static_cast<size_t>(language::pt)];
          break; // ã õ
        case 0xB1:
          ++votes[static_cast<size_t>(language::es)];
          break; // ñ
        case 0xA4:
        case 0xB6:
        case 0xBC:
        case 0x9F: // ä ö ü ß
          ++votes[static_cast<size_t>(language::de)];
          break;
        case 0xA0:
        case 0xA2:
        case 0xA8:
        case 0xAA:
        case 0xAB:
        case 0xAE: // à â è ê ë î
        case 0xAF:
        case 0xB4:
        case 0xB9:
        case 0xBB: // ï ô ù û
          ++votes[static_cast<size_t>(language::fr)];
          break;
        default:
          break;
        }
      }
    }
  }
  if (ideographs) return language::zh;
  const auto best = std::max_element(votes.begin(), votes.end());
  return *best == 0 ? language::en : static_cast<language>(best - votes.begin());
}

} // namespace

field_language language_of_field(std::string_view value) {
  static constexpr std::pair<std::string_view, language> names[] = {
      {"en", language::en},         {"english", language::en},   {"pt", language::pt},
      {"portuguese", language::pt}, {"português", language::pt}, {"es", language::es},
      {"spanish", language::es},    {"español", language::es},   {"de", language::de},
      {"german", language::de},     {"deutsch", language::de},   {"fr", language::fr},
      {"french", language::fr},     {"français", language::fr},  {"zh", language::zh},
      {"chinese", language::zh},    {"中文", language::zh}};
  std::string v = fold_case(trim_ascii(value));
  // A tag such as "pt-BR" or "en_US" names its language first.
  const size_t tag_end = v.find_first_of("-_");
  const bool tagged = tag_end == 2 || tag_end == 3;
  if (tagged) v.resize(tag_end);
  for (const auto &[name, lang] : names)
    if (v == name) return {field_language::ours, lang};
  const bool code = (v.size() == 2 || (tagged && v.size() == 3)) &&
                    std::all_of(v.begin(), v.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return {code ? field_language::other : field_language::unusable, language::en};
}

response_reader::resolved response_reader::resolve(std::string_view key) const noexcept {
  if (const word *w = lex_.find(key)) return {w, false};
  // ICU keeps French elisions in one token: "l'article", "n'aime", "j’adore".
  for (std::string_view apostrophe : apostrophes) {
    const size_t at = key.find(apostrophe);
    if (at == std::string_view::npos || at == 0 || at > 6) continue;
    const std::string_view prefix = key.substr(0, at);
    if (!is_elision(prefix)) continue;
    return {lex_.find(key.substr(at + apostrophe.size())), prefix == "n"};
  }
  return {nullptr, false};
}

bool response_reader::language_field_other(const rebuy_response &response) const {
  for (size_t i = 0; i < response.field_count; ++i) {
    const rebuy_field &f = response.fields[i];
    if (f.role == REBUY_ROLE_LANGUAGE &&
        language_of_field({f.value.data, f.value.size}).kind == field_language::other)
      return true;
  }
  return false;
}

std::optional<language> response_reader::choose_language(const rebuy_response &response) const {
  for (size_t i = 0; i < response.field_count; ++i) {
    const rebuy_field &f = response.fields[i];
    if (f.role != REBUY_ROLE_LANGUAGE) continue;
    const field_language named = language_of_field({f.value.data, f.value.size});
    if (named.kind == field_language::ours) return named.lang;
    if (named.kind == field_language::other) return std::nullopt;
  }
  // Frequent words are strong votes, lexicon words weak ones; ties go to the earlier language.
  std::array<unsigned, language_count> votes{};
  for (const resolved &r : resolved_)
    if (r.w)
      for (size_t l = 0; l < language_count; ++l)
        votes[l] += r.w->votes[l];
  const auto best = std::max_element(votes.begin(), votes.end());
  if (*best == 0) return std::nullopt;
  return static_cast<language>(best - votes.begin());
}

const response_signals &response_reader::read(const rebuy_response &response) {
  out_ = {};
  resolved_.clear();
  words_ = 0;
  size_t letter_words = 0, shouted = 0; // of two letters or more, for the caps rule
  for (size_t i = 0; i < response.text_count; ++i) {
    const rebuy_text &text = response.texts[i];
    for (size_t k = 0; k < text.token_count; ++k) {
      const rebuy_token &t = text.tokens[k];
      resolved_.push_back(resolve({t.key.data, t.key.size}));
      words_ += is_word_token(t);
      if (is_letter_token(t) && t.text.size >= 2) {
        ++letter_words;
        if (t.flags & REBUY_TOKEN_UPPER) ++shouted;
      }
    }
  }
  if (resolved_.empty()) return out_; // no words: nothing to read, whatever the language
  std::optional<language> lang = choose_language(response);
  // Two words or more of which none is known still say something: that it is neutral.
  if (!lang && words_ >= min_neutral_words && !language_field_other(response))
    lang = language_of_letters(response);
  if (!lang) return out_;
  out_.covered = true;
  out_.lang = *lang;

  const auto l = static_cast<size_t>(*lang);
  terms_.clear();
  size_t next = 0;
  for (size_t i = 0; i < response.text_count; ++i) {
    const rebuy_text &text = response.texts[i];
    const std::string_view whole(text.text.data, text.text.size);
    for (size_t k = 0; k < text.token_count; ++k, ++next) {
      const resolved &r = resolved_[next];
      terms_.push_back({r.w ? &r.w->senses[l] : nullptr, r.w ? r.w->id : lexicon::no_word,
                        (text.tokens[k].flags & REBUY_TOKEN_UPPER) != 0, r.elided_negation,
                        k > 0 ? punctuation_between(whole, text.tokens[k - 1], text.tokens[k])
                              : boundary::none});
    }
  }

  sentiment_sum_ = repurchase_sum_ = referral_sum_ = 0;
  sentiment_counted_ = repurchase_seen_ = referral_seen_ = false;
  for (auto *c : {sentence_, repurchase_, referral_})
    c[0] = c[1] = {};
  // Shouting is emphasis only against a background of normal case (VADER's rule).
  const bool mixed_caps = shouted > 0 && shouted < letter_words;
  size_t first_term = 0;
  for (size_t i = 0; i < response.text_count; ++i) {
    read_text(response.texts[i], i, first_term, mixed_caps);
    first_term += response.texts[i].token_count;
  }
  finish(response);
  return out_;
}

void response_reader::read_text(const rebuy_text &text, size_t index, size_t first_term,
                                bool mixed_caps) {
  const std::span<term> terms(terms_.data() + first_term, text.token_count);
  const float weight = text.role == REBUY_ROLE_TITLE ? title_weight : 1.0f;
  for (size_t n = 0; n < text.sentence_count; ++n) {
    const rebuy_sentence &sentence = text.sentences[n];
    // Never trust the boundaries blindly: a malformed batch must not read out of bounds.
    const uint32_t first = std::min<uint32_t>(sentence.first_token, text.token_count);
    const uint32_t end = first + std::min<uint32_t>(sentence.token_count, text.token_count - first);
    mask_journeys(terms, first, end);
    const sentence_span s{terms, first, end};
    matches_.clear();
    find_phrases(lex_, out_.lang, s, matches_);
    for (const phrase_match &m : matches_)
      if (m.target != signal::sentiment) add_phrase(text, index, m);

    const std::string_view sentence_text(sentence.text.data, sentence.text.size);
    const sentence_score score = score_sentence(s, sentence_text, matches_, mixed_caps);
    if (!score.counted) continue;
    sentiment_counted_ = true;
    const float sum = weight * score.sum * (score.sum < 0 ? negativity_weight : 1.0f);
    sentiment_sum_ += sum;
    candidate &best = sentence_[sign_index(sum)];
    if (std::fabs(sum) > best.strength && sentence.text.data >= text.text.data) {
      const auto begin = static_cast<uint32_t>(sentence.text.data - text.text.data);
      best = {
          std::fabs(sum), {index, begin, begin + static_cast<uint32_t>(sentence.text.size)}, {}};
    }
  }
}

void response_reader::add_phrase(const rebuy_text &text, size_t index, const phrase_match &m) {
  const rebuy_token &first = text.tokens[m.quote_begin], &last = text.tokens[m.quote_end - 1];
  const quote where{index, first.offset, static_cast<uint32_t>(last.offset + last.text.size)};
  const bool repurchase = m.target == signal::repurchase;
  (repurchase ? repurchase_sum_ : referral_sum_) += m.value;
  (repurchase ? repurchase_seen_ : referral_seen_) = true;
  candidate &best = (repurchase ? repurchase_ : referral_)[sign_index(m.value)];
  if (std::fabs(m.value) > best.strength) best = {std::fabs(m.value), where, m.notes};
}

std::string_view response_reader::quote_text(const rebuy_response &response, const quote &q,
                                             std::string &buffer) const {
  const rebuy_str text = response.texts[q.text].text;
  if (q.begin >= q.end || q.end > text.size) return {};
  const std::string_view whole(text.data + q.begin, q.end - q.begin);
  if (whole.size() <= max_evidence_bytes) return whole;
  // Cut after a word, or failing that at a character boundary, and say that it was cut.
  size_t cut = whole.rfind(' ', max_evidence_bytes);
  if (cut == std::string_view::npos || cut == 0) {
    cut = max_evidence_bytes;
    while (cut > 0 && (static_cast<unsigned char>(whole[cut]) & 0xC0) == 0x80)
      --cut;
  }
  buffer.assign(whole.substr(0, cut));
  buffer += "\xE2\x80\xA6"; // …
  return buffer;
}

std::string_view response_reader::evidence(const rebuy_response &response, const candidate &c,
                                           std::string &buffer) const {
  const std::string_view quoted = quote_text(response, c.where, buffer);
  if (c.notes.count == 0 || quoted.empty()) return quoted;
  const rebuy_text &text = response.texts[c.where.text];
  const std::string notes = describe(c.notes, [&](uint32_t i) {
    return i < text.token_count
               ? std::string_view(text.tokens[i].text.data, text.tokens[i].text.size)
               : std::string_view();
  });
  if (quoted.data() != buffer.data()) buffer.assign(quoted);
  buffer += notes;
  return buffer;
}

void response_reader::finish(const rebuy_response &response) {
  auto settle = [&](signal_value &out, bool seen, float value, const candidate(&best)[2],
                    std::string &buffer) {
    if (!seen) return;
    out.present = true;
    out.value = value;
    if (value != 0 && best[sign_index(value)].strength > 0)
      out.evidence = evidence(response, best[sign_index(value)], buffer);
  };
  settle(out_.sentiment, sentiment_counted_, compound(sentiment_sum_), sentence_, quotes_[0]);
  settle(out_.repurchase, repurchase_seen_, std::clamp(repurchase_sum_, -1.0f, 1.0f), repurchase_,
         quotes_[1]);
  settle(out_.referral, referral_seen_, std::clamp(referral_sum_, -1.0f, 1.0f), referral_,
         quotes_[2]);

  out_.has_probability = out_.sentiment.present || out_.repurchase.present || out_.referral.present;
  // A text of two words or more without a sentiment word is neutral, not unknown; it still
  // gets no probability, since it says nothing about buying again.
  if (!out_.sentiment.present && words_ >= min_neutral_words) {
    out_.sentiment.present = true;
    out_.sentiment.evidence = neutral_evidence;
  }
  if (!out_.has_probability) return;
  using model = buy_again_model;
  out_.buy_again_probability =
      model::probability(out_.sentiment.value, out_.repurchase.value, out_.referral.value);
  // The evidence of the signal that moved the probability most.
  const std::pair<double, const signal_value *> parts[] = {
      {model::sentiment * std::fabs(out_.sentiment.value), &out_.sentiment},
      {model::repurchase * std::fabs(out_.repurchase.value), &out_.repurchase},
      {model::referral * std::fabs(out_.referral.value), &out_.referral}};
  const auto strongest =
      std::max_element(std::begin(parts), std::end(parts),
                       [](const auto &a, const auto &b) { return a.first < b.first; });
  if (strongest->first > 0) out_.probability_evidence = strongest->second->evidence;
}

} // namespace rebuy::text_signals
