// Folding lexicon words into the keys tokens are looked up by, and the compiled tables.
#include "key_variants.hpp"
#include "lexicon.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

using rebuy::text_signals::fold_case;
using rebuy::text_signals::key_variants;
using rebuy::text_signals::language;
using rebuy::text_signals::lexicon;
using rebuy::text_signals::sense;

namespace {

using keys = std::vector<std::string>;

const sense *meaning(std::string_view key, language lang) {
  const auto *w = lexicon::shared().find(key);
  return w ? &w->senses[static_cast<size_t>(lang)] : nullptr;
}

} // namespace

TEST_CASE("words fold to lower case as NFKC_Casefold does for Latin-1") {
  CHECK(fold_case("GOOD") == "good");
  CHECK(fold_case("\xC3\x93TIMO") == "\xC3\xB3timo"); // ÓTIMO -> ótimo
  CHECK(fold_case("Gro\xC3\x9F") == "gross");         // ß -> ss
  CHECK(fold_case("\xC3\x97") == "\xC3\x97");         // × has no small letter
  CHECK(fold_case("") == "");
}

TEST_CASE("lexicon words are also found without accents and with typographic apostrophes") {
  CHECK(key_variants("não", language::pt) == keys{"não", "nao"});
  CHECK(key_variants("péssimo", language::pt) == keys{"péssimo", "pessimo"});
  CHECK(key_variants("für", language::de) == keys{"für", "fur", "fuer"});
  CHECK(key_variants("don't", language::en) == keys{"don't", "don’t"});
  CHECK(key_variants("cœur", language::fr) == keys{"cœur", "coeur"});
  CHECK(key_variants("good", language::en) == keys{"good"});
}

TEST_CASE("a folded variant never takes over a word written in the same language") {
  // "schön" (beautiful) folds to "schon" (already), a word of its own.
  REQUIRE(meaning("schön", language::de));
  CHECK(meaning("schön", language::de)->valence > 0);
  REQUIRE(meaning("schoen", language::de));
  CHECK(meaning("schoen", language::de)->valence > 0);
  REQUIRE(meaning("schon", language::de));
  CHECK(meaning("schon", language::de)->valence == 0);
  // Spanish "más" (more) folds to "mas", which is "but" in Portuguese: languages never mix.
  CHECK(meaning("mas", language::pt)->has(sense::contrast));
  CHECK_FALSE(meaning("mas", language::en)->known());
}

TEST_CASE("the tables are built and accent-insensitive") {
  const lexicon &lex = lexicon::shared();
  CHECK(lex.key_count() > 1500);
  for (size_t l = 0; l < rebuy::text_signals::language_count; ++l)
    CHECK(lex.rule_count(static_cast<language>(l)) > 10);
  REQUIRE(meaning("nao", language::pt));
  CHECK(meaning("nao", language::pt)->has(sense::negator));
  CHECK(meaning("pessimo", language::pt)->valence < -2);
  CHECK(meaning("don’t", language::en)->has(sense::negator));
  CHECK(lex.find("zzzz-not-a-word") == nullptr);
  CHECK(lex.find("") == nullptr);
}

TEST_CASE("every word of every table is written as a token key can be, and found") {
  using rebuy::text_signals::language_data;
  const language_data *languages[] = {
      &rebuy::text_signals::english, &rebuy::text_signals::portuguese,
      &rebuy::text_signals::spanish, &rebuy::text_signals::german, &rebuy::text_signals::french};
  for (size_t l = 0; l < std::size(languages); ++l) {
    const language_data &data = *languages[l];
    const auto lang = static_cast<language>(l);
    auto check_word = [&](std::string_view w) {
      CAPTURE(std::string(data.code));
      CAPTURE(std::string(w));
      CHECK_FALSE(w.empty());
      CHECK(w.find(' ') == std::string_view::npos); // a token never holds a space
      CHECK(std::none_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
      REQUIRE(meaning(fold_case(w), lang));
    };
    for (const auto &v : data.valences) {
      check_word(v.word);
      CHECK(meaning(fold_case(v.word), lang)->valence == v.valence);
      CHECK(v.valence >= -4.0f);
      CHECK(v.valence <= 4.0f);
    }
    for (const auto &b : data.boosters) {
      check_word(b.word);
      CHECK(meaning(fold_case(b.word), lang)->booster == b.amount);
      CHECK(b.amount != 0);
    }
    for (auto list : {data.negators, data.post_negators, data.contrasts, data.function_words})
      for (const char *w : list)
        check_word(w);
  }
}
