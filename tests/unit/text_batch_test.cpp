#include "text/ascii_sentences.hpp"
#include "text/ascii_words.hpp"
#include "text/text_batch.hpp"

#include <doctest/doctest.h>
#include <unicode/brkiter.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>

#include <array>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using rebuy::core::for_each_ascii_sentence_end;
using rebuy::core::for_each_ascii_word;
using rebuy::core::text_batch;

namespace {

std::string_view view(rebuy_str s) { return {s.data, s.size}; }

std::vector<std::string> words(const rebuy_text &t) {
  std::vector<std::string> out;
  for (size_t i = 0; i < t.token_count; ++i)
    out.emplace_back(view(t.tokens[i].text));
  return out;
}

std::vector<std::string> keys(const rebuy_text &t) {
  std::vector<std::string> out;
  for (size_t i = 0; i < t.token_count; ++i)
    out.emplace_back(view(t.tokens[i].key));
  return out;
}

// What every prepared text must satisfy, whatever its content.
void check_consistent(const rebuy_text &t) {
  const std::string_view text = view(t.text);
  uint32_t next_token = 0;
  for (size_t s = 0; s < t.sentence_count; ++s) {
    const rebuy_sentence &sentence = t.sentences[s];
    REQUIRE(sentence.text.data >= text.data());
    REQUIRE(sentence.text.data + sentence.text.size <= text.data() + text.size());
    CHECK(sentence.text.size > 0);
    CHECK(sentence.first_token == next_token);
    next_token += sentence.token_count;
  }
  CHECK(next_token == t.token_count);
  for (size_t i = 0; i < t.token_count; ++i) {
    const rebuy_token &token = t.tokens[i];
    REQUIRE(token.offset + token.text.size <= text.size());
    CHECK(token.text.data == text.data() + token.offset);
    CHECK(token.text.size > 0);
    CHECK(token.rule_status >= 100);
    REQUIRE(token.sentence < t.sentence_count);
    const rebuy_sentence &sentence = t.sentences[token.sentence];
    CHECK(i >= sentence.first_token);
    CHECK(i < sentence.first_token + sentence.token_count);
    CHECK(token.text.data >= sentence.text.data);
    CHECK(token.text.data + token.text.size <= sentence.text.data + sentence.text.size);
  }
}

} // namespace

TEST_CASE("text_batch: English sentences, tokens and offsets") {
  text_batch batch;
  const std::string text = "Great shoes! I'd buy them again, 10 out of 10.\n\nShipping was slow.";
  CHECK(batch.add(text, REBUY_ROLE_TEXT, "body") == 0);
  const auto texts = batch.texts();
  REQUIRE(texts.size() == 1);
  const rebuy_text &t = texts[0];
  check_consistent(t);
  CHECK(t.role == REBUY_ROLE_TEXT);
  CHECK(view(t.name) == "body");
  CHECK(view(t.text) == text);

  REQUIRE(t.sentence_count == 3);
  CHECK(view(t.sentences[0].text) == "Great shoes!");
  CHECK(view(t.sentences[1].text) == "I'd buy them again, 10 out of 10.");
  CHECK(view(t.sentences[2].text) == "Shipping was slow.");

  CHECK(words(t) == std::vector<std::string>{"Great", "shoes", "I'd", "buy", "them", "again", "10",
                                             "out", "of", "10", "Shipping", "was", "slow"});
  CHECK(keys(t)[0] == "great");
  CHECK(keys(t)[2] == "i'd");
  CHECK(t.tokens[0].offset == 0);
  CHECK(t.tokens[1].offset == 6);
  CHECK(t.tokens[2].offset == 13);
  CHECK(t.tokens[10].offset == text.find("Shipping"));
  CHECK(t.tokens[6].rule_status >= 100);
  CHECK(t.tokens[6].rule_status < 200); // a number
  CHECK(t.tokens[0].rule_status >= 200);
  CHECK(t.tokens[0].rule_status < 300); // a letter word

  CHECK(t.sentences[0].first_token == 0);
  CHECK(t.sentences[0].token_count == 2);
  CHECK(t.sentences[1].first_token == 2);
  CHECK(t.sentences[1].token_count == 8);
  CHECK(t.sentences[2].first_token == 10);
  CHECK(t.sentences[2].token_count == 3);
  CHECK(t.tokens[1].sentence == 0);
  CHECK(t.tokens[2].sentence == 1);
  CHECK(t.tokens[12].sentence == 2);
}

TEST_CASE("text_batch: punctuation and spaces are not tokens") {
  text_batch batch;
  batch.add("  -- ... !!! ?? \"\" (...) ,,, ", REBUY_ROLE_TEXT, "");
  batch.add("(wow) -- \"nice\"...", REBUY_ROLE_TITLE, "title");
  const auto texts = batch.texts();
  check_consistent(texts[0]);
  check_consistent(texts[1]);
  CHECK(texts[0].token_count == 0);
  CHECK(words(texts[1]) == std::vector<std::string>{"wow", "nice"});
  CHECK(texts[1].role == REBUY_ROLE_TITLE);
}

TEST_CASE("text_batch: NFKC_Casefold keys") {
  text_batch batch;
  batch.add("Straße ＡＢＣ Ǆemal ﬁne CAFÉ café", REBUY_ROLE_TEXT, "");
  const rebuy_text &t = batch.texts()[0];
  check_consistent(t);
  CHECK(words(t) == std::vector<std::string>{"Straße", "ＡＢＣ", "Ǆemal", "ﬁne", "CAFÉ", "café"});
  CHECK(keys(t) == std::vector<std::string>{"strasse", "abc", "džemal", "fine", "café", "café"});
}

TEST_CASE("text_batch: upper-case flag") {
  text_batch batch;
  batch.add("GREAT I Great 123 MP3 ÉTÉ A1 Été ＯＫ 結帳 don't DON'T", REBUY_ROLE_TEXT, "");
  const rebuy_text &t = batch.texts()[0];
  check_consistent(t);
  REQUIRE(t.token_count == 12);
  const bool expected[] = {true,  false, false, false, true,  true,
                           false, false, true,  false, false, true};
  for (size_t i = 0; i < t.token_count; ++i) {
    CAPTURE(view(t.tokens[i].text));
    CHECK(((t.tokens[i].flags & REBUY_TOKEN_UPPER) != 0) == expected[i]);
  }
}

TEST_CASE("text_batch: Traditional Chinese splits into words") {
  text_batch batch;
  const std::string text = "結帳系統不好用，搜尋也不聰明";
  batch.add(text, REBUY_ROLE_TEXT, "");
  const rebuy_text &t = batch.texts()[0];
  check_consistent(t);
  CHECK(t.token_count >= 5);
  size_t covered = 0;
  for (size_t i = 0; i < t.token_count; ++i) {
    CHECK(t.tokens[i].rule_status >= 400); // ideographs
    CHECK(t.tokens[i].text.size < text.size() / 2);
    covered += t.tokens[i].text.size;
  }
  CHECK(covered == text.size() - std::string_view("，").size()); // all but the comma
  CHECK(view(t.tokens[0].text) == "結帳");
}

TEST_CASE("text_batch: emoji and mixed scripts") {
  text_batch batch;
  const std::string text = "Love it 😍👍🏽 très bien! Отличный товар. "
                           "東京で買った👨‍👩‍👧 "
                           "ok";
  batch.add(text, REBUY_ROLE_TEXT, "");
  const rebuy_text &t = batch.texts()[0];
  check_consistent(t);
  const auto w = words(t);
  REQUIRE(w.size() >= 9);
  CHECK(w[0] == "Love");
  CHECK(w[1] == "it");
  CHECK(w[2] == "très");
  CHECK(w[3] == "bien");
  CHECK(w[4] == "Отличный");
  CHECK(w[5] == "товар");
  CHECK(keys(t)[4] == "отличный");
  CHECK(w.back() == "ok");
  for (size_t i = 0; i < t.token_count; ++i)
    CHECK(view(t.tokens[i].text) ==
          std::string_view(text).substr(t.tokens[i].offset, t.tokens[i].text.size));
  CHECK(t.tokens[2].offset == text.find("très"));
  CHECK(t.tokens[t.token_count - 1].offset == text.size() - 2);
  CHECK(t.sentence_count == 3);
}

TEST_CASE("text_batch: invalid UTF-8 in the middle") {
  text_batch batch;
  // A stray continuation byte, a truncated 3-byte sequence, an overlong '/', a surrogate and 0xFF.
  const std::string text =
      "good \x80 value\xE2\x82 here \xC0\xAF and \xED\xA0\x80 \xFF end. Next one.";
  batch.add(text, REBUY_ROLE_TEXT, "");
  const rebuy_text &t = batch.texts()[0];
  check_consistent(t);
  CHECK(words(t) == std::vector<std::string>{"good", "value", "here", "and", "end", "Next", "one"});
  CHECK(t.tokens[1].offset == text.find("value"));
  CHECK(t.tokens[3].offset == text.find("and"));
  CHECK(t.tokens[4].offset == text.find("end"));
  CHECK(t.sentence_count == 2);
  CHECK(view(t.sentences[1].text) == "Next one.");

  const std::string only_bad = "\xFF\xFE\xC3";
  batch.add(only_bad, REBUY_ROLE_TEXT, "");
  check_consistent(batch.texts()[1]);
  CHECK(batch.texts()[1].token_count == 0);
}

TEST_CASE("text_batch: empty text") {
  text_batch batch;
  CHECK(batch.add("", REBUY_ROLE_TEXT, "body") == 0);
  CHECK(batch.add("   \n\t ", REBUY_ROLE_TEXT, "") == 1);
  const auto texts = batch.texts();
  REQUIRE(texts.size() == 2);
  for (const rebuy_text &t : texts) {
    CHECK(t.sentence_count == 0);
    CHECK(t.token_count == 0);
  }
  CHECK(view(texts[0].name) == "body");
}

TEST_CASE("text_batch: clear then reuse") {
  text_batch batch;
  batch.add("First batch text. With two sentences.", REBUY_ROLE_TEXT, "a");
  batch.add("Another one", REBUY_ROLE_TITLE, "b");
  CHECK(batch.texts().size() == 2);
  batch.clear();
  CHECK(batch.texts().empty());

  const std::string text = "Reused: the ICU iterators work again. ÜBER gut";
  CHECK(batch.add(text, REBUY_ROLE_TEXT, "c") == 0);
  CHECK(batch.add("more", REBUY_ROLE_TEXT, "d") == 1);
  const auto texts = batch.texts();
  REQUIRE(texts.size() == 2);
  check_consistent(texts[0]);
  CHECK(view(texts[0].name) == "c");
  CHECK(texts[0].sentence_count == 2);
  CHECK(words(texts[0]).front() == "Reused");
  CHECK(keys(texts[0])[6] == "über");
  CHECK((texts[0].tokens[6].flags & REBUY_TOKEN_UPPER) != 0);
  CHECK(words(texts[1]) == std::vector<std::string>{"more"});
}

TEST_CASE("text_batch: views stay put until the next add") {
  text_batch batch;
  std::vector<std::string> texts;
  for (int i = 0; i < 200; ++i)
    texts.push_back("Review number " + std::to_string(i) + " says WOW, naïve café.");
  for (const std::string &text : texts)
    batch.add(text, REBUY_ROLE_TEXT, "body");
  const auto out = batch.texts();
  REQUIRE(out.size() == texts.size());
  for (size_t i = 0; i < out.size(); ++i) {
    check_consistent(out[i]);
    CHECK(keys(out[i]) == std::vector<std::string>{"review", "number", std::to_string(i), "says",
                                                   "wow", "naïve", "café"});
  }
}

TEST_CASE("text_batch: a text of 1 MB") {
  const std::string sentence = "The delivery was FAST and the fit is perfect, größe 42 passt. ";
  const std::string emoji = "Would buy again 😀 — 好用! ";
  std::string text;
  size_t sentences = 0;
  while (text.size() < (1u << 20)) {
    text += sentence;
    text += emoji;
    sentences += 2;
  }
  text += "\xF0\x9F"; // and a truncated emoji at the very end
  text_batch batch;
  batch.add(text, REBUY_ROLE_TEXT, "");
  const rebuy_text &t = batch.texts()[0];
  check_consistent(t);
  CHECK(t.sentence_count == sentences + 1); // the U+FFFD at the end is a sentence of its own
  const size_t per_pair = 12 + 4;           // "The ... passt" and "Would buy again 好用"
  CHECK(t.token_count == (sentences / 2) * per_pair);
  const rebuy_token &last = t.tokens[t.token_count - 1];
  CHECK(view(last.text) == "好用");
  CHECK(last.offset == text.rfind("好用"));
  CHECK(view(t.tokens[3].key) == "fast");
  CHECK((t.tokens[3].flags & REBUY_TOKEN_UPPER) != 0);
}

TEST_CASE("text_batch: random bytes keep offsets valid") {
  std::mt19937 rng(7);
  const std::string_view pieces[] = {"a",
                                     "Z",
                                     " ",
                                     ".",
                                     "é",
                                     "😀",
                                     "結",
                                     "\x80",
                                     "\xC3",
                                     "\xE2\x82",
                                     "\xF0\x9F\x98",
                                     "\xFF",
                                     "\xED\xA0\x80",
                                     "1",
                                     "'",
                                     "\n"};
  text_batch batch;
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) {
    std::string text;
    const size_t length = rng() % 60;
    for (size_t j = 0; j < length; ++j)
      text += pieces[rng() % std::size(pieces)];
    texts.push_back(std::move(text));
  }
  for (const std::string &text : texts)
    batch.add(text, REBUY_ROLE_TEXT, "");
  for (const rebuy_text &t : batch.texts())
    check_consistent(t);
}

namespace {

// ICU's word segments of status 100 or more, as (start, end, status) triples.
std::vector<std::array<int32_t, 3>> icu_words(icu::BreakIterator &it, const std::string &text) {
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(text);
  it.setText(s);
  std::vector<std::array<int32_t, 3>> out;
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next())
    if (it.getRuleStatus() >= UBRK_WORD_NUMBER) out.push_back({start, end, it.getRuleStatus()});
  return out;
}

std::vector<std::array<int32_t, 3>> ascii_words(const std::string &text) {
  std::vector<std::array<int32_t, 3>> out;
  for_each_ascii_word(text, [&](size_t start, size_t end, int32_t status) {
    out.push_back({static_cast<int32_t>(start), static_cast<int32_t>(end), status});
  });
  return out;
}

// Holds `same` (ours against ICU) to every string of 1 to `max_length` characters of `classes`,
// then to 20,000 random strings of up to `random_length` characters (two in three of `classes`,
// the others any ASCII character). Stops at the first difference; returns how many strings of
// `classes` it checked.
size_t compare_with_icu(const std::string &classes, size_t max_length, size_t random_length,
                        unsigned seed, const std::function<bool(const std::string &)> &same) {
  std::string text;
  size_t checked = 0;
  for (size_t length = 1; length <= max_length; ++length) {
    std::vector<size_t> at(length, 0);
    for (bool more = true; more;) {
      text.clear();
      for (size_t i : at)
        text += classes[i];
      if (!same(text)) return checked;
      ++checked;
      // The next string: the last character counts up, carrying into those before it.
      size_t i = length;
      while (i > 0 && ++at[i - 1] == classes.size())
        at[--i] = 0;
      more = i > 0;
    }
  }
  std::mt19937 random(seed);
  for (int i = 0; i < 20000; ++i) {
    text.assign(random() % random_length, ' ');
    for (char &c : text)
      c = random() % 3 ? classes[random() % classes.size()] : static_cast<char>(1 + random() % 127);
    if (!same(text)) break;
  }
  return checked;
}

} // namespace

// The ASCII path must give ICU's tokens to the byte: every string of up to four characters of the
// classes the rules tell apart, every ASCII character beside letters and digits, and random text.
TEST_CASE("ascii words: the same segments and statuses as ICU's word break iterator") {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  REQUIRE(U_SUCCESS(status));
  auto same = [&](const std::string &text) {
    const auto icu = icu_words(*it, text), ours = ascii_words(text);
    if (icu != ours) FAIL_CHECK("differs from ICU on \"" << text << "\"");
    return icu == ours;
  };
  const size_t checked = compare_with_icu("aZ@19_.',;: \r\n\t-", 4, 40, 7, same);
  for (int c = 1; c < 128; ++c)
    for (const char *around : {"a", "1", "_"}) {
      const std::string mid(1, static_cast<char>(c));
      CHECK(same(around + mid + around));
      CHECK(same(mid + around + mid));
    }
  CHECK(checked == 69904); // 16 + 16^2 + 16^3 + 16^4
}

namespace {

std::vector<int32_t> icu_sentence_ends(icu::BreakIterator &it, const std::string &text) {
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(text);
  it.setText(s);
  std::vector<int32_t> out;
  it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; end = it.next())
    out.push_back(end);
  return out;
}

std::vector<int32_t> ascii_sentence_ends(const std::string &text) {
  std::vector<int32_t> out;
  for_each_ascii_sentence_end(text, [&](size_t end) { out.push_back(static_cast<int32_t>(end)); });
  return out;
}

} // namespace

TEST_CASE("ascii sentences: the same boundaries as ICU's sentence break iterator") {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  REQUIRE(U_SUCCESS(status));
  auto same = [&](const std::string &text) {
    const auto icu = icu_sentence_ends(*it, text), ours = ascii_sentence_ends(text);
    if (icu != ours) FAIL_CHECK("differs from ICU on \"" << text << "\"");
    return icu == ours;
  };
  const size_t checked = compare_with_icu("aZ1.?!\") ,;: \r\n#", 5, 60, 11, same);
  for (int c = 1; c < 128; ++c)
    for (const char *around : {"a. ", "A.", ". a", "x", "? "}) {
      const std::string mid(1, static_cast<char>(c));
      CHECK(same(around + mid + around));
      CHECK(same(mid + around + mid + "b"));
    }
  CHECK(checked == 1118480); // 16 + 16^2 + ... + 16^5
}
