#include "fold.hpp"

#include <doctest/doctest.h>

#include <string>

using rebuy::themes::fold_key;

namespace {
std::string folded(std::string_view key) {
  std::string out = "left over";
  fold_key(key, out);
  return out;
}
} // namespace

TEST_CASE("accents fold to base letters so unaccented text matches the lexicon") {
  CHECK(folded("não") == "nao");
  CHECK(folded("preço") == "preco");
  CHECK(folded("envío") == "envio");
  CHECK(folded("qualité") == "qualite");
  CHECK(folded("abîmée") == "abimee");
  CHECK(folded("größe") == "grosse");
  CHECK(folded("grösse") == "grosse");
  CHECK(folded("œuf") == "oeuf");
  CHECK(folded("ÇA") == "ca"); // the lexicon is folded with the same function
  CHECK(folded("łódź") == "lodz");
}

TEST_CASE("curly apostrophes and French elision") {
  CHECK(folded("don’t") == "don't");
  CHECK(folded("l'emballage") == "emballage");
  CHECK(folded("l’emballage") == "emballage");
  CHECK(folded("qu'il") == "il");
  CHECK(folded("d'attente") == "attente");
  // English contractions are not elisions.
  CHECK(folded("i'll") == "i'll");
  CHECK(folded("it's") == "it's");
  CHECK(folded("l'") == "l'");
}

TEST_CASE("other characters and malformed bytes pass through unchanged") {
  CHECK(folded("") == "");
  CHECK(folded("straße") == "strasse");
  CHECK(folded("日本") == "日本");
  CHECK(folded("\xF0\x9F\x98\x80") == "\xF0\x9F\x98\x80");
  CHECK(folded("a\xC3") == "a\xC3");         // truncated sequence
  CHECK(folded("\x80x\xFF") == "\x80x\xFF"); // stray continuation and invalid lead bytes
}
