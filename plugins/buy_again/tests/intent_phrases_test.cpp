// Folding answers into lookup keys, and the phrase tables themselves.
#include "intent_phrases.hpp"
#include "text_fold.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace rebuy::buy_again;

TEST_CASE("folding lower-cases, drops accents and punctuation, spells out contractions") {
  CHECK(fold_words("  Definitely would!! ") == "definitely would");
  CHECK(fold_words("N\xC3\xA3o") == "nao"); // Não
  CHECK(fold_words("Definitivamente comprar\xC3\xAD"
                   "a") == "definitivamente compraria");
  CHECK(fold_words("W\xC3\xBCrde auf jeden Fall") == "wurde auf jeden fall"); // Würde
  CHECK(fold_words("Wei\xC3\x9F nicht") == "weiss nicht");                    // Weiß
  CHECK(fold_words("\xC3\x89videmment") == "evidemment");                     // É
  CHECK(fold_words("C\xC5\x93ur") == "coeur");                                // œ
  CHECK(fold_words("Je n\xE2\x80\x99"
                   "ach\xC3\xA8terais pas") == "je n acheterais pas");
  CHECK(fold_words("Probably wouldn't") == "probably would not");
  CHECK(fold_words("Probably wouldn\xE2\x80\x99t") == "probably would not"); // ’
  CHECK(fold_words("I won't") == "i will not");
  CHECK(fold_words("can't say") == "can not say");
  CHECK(fold_words("I dont know") == "i do not know");
  CHECK(fold_words("\xC2\xBFS\xC3\xAD?") == "si"); // ¿Sí?
  CHECK(fold_words("0\xE2\x80\x93"
                   "10") == "0 10");                               // en dash
  CHECK(fold_words("\xE3\x81\x84\xE3\x81\x84\xE3\x81\x88") == ""); // いいえ: other scripts
  CHECK(fold_words("") == "");
}

TEST_CASE("every phrase key is already folded, unique, and found as itself") {
  std::set<std::string_view> seen;
  for (const phrase &p : all_phrases()) {
    CAPTURE(p.key);
    CHECK(fold_words(p.key) == p.key);
    CHECK(seen.insert(p.key).second);
    const auto found = lookup_phrase(p.key);
    REQUIRE(found);
    CHECK(found->family == p.family);
    CHECK(found->rank == p.rank);
    const int top = p.family == phrase_family::intent5     ? 4
                    : p.family == phrase_family::yes_no    ? 1
                    : p.family == phrase_family::agreement ? 6
                                                           : 0;
    CHECK(p.rank >= 0);
    CHECK(p.rank <= top);
  }
}

TEST_CASE("filler words are dropped only after the whole answer failed to match") {
  CHECK(lookup_phrase("i would definitely buy again")->rank == 4);
  CHECK(lookup_phrase("probably would not")->rank == 1);
  CHECK(lookup_phrase("ich wurde wahrscheinlich nicht wieder kaufen")->rank == 1);
  CHECK(lookup_phrase("je n acheterais certainement pas")->rank == 0);
  CHECK(lookup_phrase("probablemente no lo compraria")->rank == 1);
  // Negations survive: "would not" is a no, never a yes.
  const auto no = lookup_phrase("i would not buy again");
  REQUIRE(no);
  CHECK(no->family == phrase_family::yes_no);
  CHECK(no->rank == 0);
  // Nothing but filler is not an answer.
  CHECK_FALSE(lookup_phrase("i would buy again"));
  CHECK_FALSE(lookup_phrase("sometimes"));
}

TEST_CASE("Juster labels and their odds") {
  CHECK(juster_label("certain practically certain 99 in 100") == 10);
  CHECK(juster_label("almost sure 9 in 10") == 9);
  CHECK(juster_label("probable") == 7);
  CHECK(juster_label("no chance almost no chance 1 in 100") == 0);
  CHECK_FALSE(juster_label("definitely"));
  CHECK(strip_odds("almost sure 9 in 10") ==
        std::pair<std::string_view, bool>{"almost sure", true});
  CHECK(strip_odds("almost sure").second == false);
  CHECK(strip_odds("9 in 10").second == false); // odds need a label before them
}
