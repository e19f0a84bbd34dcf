// Portuguese, Spanish, German, French and Chinese: the seed phrases, negation in each language's
// word order, accent-insensitive matching, and how a response's language is chosen.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace text_signals_test;
using rebuy::text_signals::field_language;
using rebuy::text_signals::language;
using rebuy::text_signals::language_of_field;

namespace {

struct seed {
  const char *text;
  language lang;
  int repurchase, referral; // expected sign, 0: no signal
  const char *evidence;     // of the signal expected
};

void check(const seed &c) {
  const std::string text(c.text);
  CAPTURE(text);
  const auto s = read(c.text);
  REQUIRE(s.covered);
  CHECK(s.lang == c.lang);
  const auto &expected = c.repurchase ? s.repurchase : s.referral;
  const int sign = c.repurchase ? c.repurchase : c.referral;
  REQUIRE(expected.present);
  CHECK((expected.value > 0 ? 1 : -1) == sign);
  CHECK(expected.evidence == c.evidence);
  CHECK((s.probability > 0.5) == (sign > 0));
}

} // namespace

TEST_CASE("Portuguese seeds") {
  const seed cases[] = {
      {"Produto ótimo, recomendo!", language::pt, 0, 1, "recomendo"},
      {"Não recomendo essa loja.", language::pt, 0, -1, "Não recomendo"},
      {"nao recomendo o produto", language::pt, 0, -1, "nao recomendo"},
      {"Comprarei novamente com certeza", language::pt, 1, 0, "Comprarei novamente"},
      {"Nunca mais compro nessa loja", language::pt, -1, 0, "Nunca mais"},
      {"Super recomendo a loja", language::pt, 0, 1, "Super recomendo"},
      {"Quero a devolução do meu dinheiro", language::pt, -1, 0, "devolução"},
  };
  for (const auto &c : cases)
    check(c);
}

TEST_CASE("Spanish seeds") {
  const seed cases[] = {
      {"Muy buen producto, lo recomiendo.", language::es, 0, 1, "lo recomiendo"},
      {"No lo recomiendo para nada.", language::es, 0, -1, "No lo recomiendo"},
      {"Volveré a comprar en esta tienda", language::es, 1, 0, "Volveré a comprar"},
      {"volvere a comprar sin duda", language::es, 1, 0, "volvere a comprar"},
      {"Nunca más compro aquí", language::es, -1, 0, "Nunca más"},
  };
  for (const auto &c : cases)
    check(c);
}

TEST_CASE("Spanish and Portuguese nada negates what follows, as nothing and rien do") {
  CHECK(read("Un seguro nada recomendable").referral.value < 0);
  CHECK(sentiment_of("La comida, nada mal") > 0);
  CHECK(sentiment_of("Atendimento nada bom") < 0);
}

TEST_CASE("German seeds, with nicht before or after the verb") {
  const seed cases[] = {
      {"Ich empfehle den Shop gerne weiter", language::de, 0, 1, "empfehle den Shop gerne weiter"},
      {"Kann ich nicht empfehlen.", language::de, 0, -1, "nicht empfehlen"},
      {"Ich empfehle es nicht", language::de, 0, -1, "empfehle es nicht [negated by \"nicht\"]"},
      {"Würde ich jederzeit wieder kaufen", language::de, 1, 0, "jederzeit wieder kaufen"},
      {"Nie wieder bei diesem Händler!", language::de, -1, 0, "Nie wieder"},
      {"Ich empfehle diesen Shop.", language::de, 0, 1, "empfehle"},
      {"Ich würde es wieder kaufen", language::de, 1, 0, "wieder kaufen"},
  };
  for (const auto &c : cases)
    check(c);
  CHECK(sentiment_of("Das gefällt mir nicht.") < 0);
  CHECK(sentiment_of("Die Schuhe sind gut und nicht teuer.") > 0);
  CHECK(sentiment_of("Die Lieferung war schon da") == 0.0f); // schon: already
  CHECK(sentiment_of("Sehr schoen und bequem") > 0);         // schön without umlaut
}

TEST_CASE("French seeds, with elision and ne ... pas") {
  const seed cases[] = {
      {"Je recommande ce vendeur", language::fr, 0, 1, "Je recommande"},
      {"Je ne recommande pas ce vendeur.", language::fr, 0, -1,
       "Je ne recommande pas [negated by \"ne\"]"},
      {"Je rachèterai sans hésiter", language::fr, 1, 0, "rachèterai"},
      {"Je racheterai ce produit", language::fr, 1, 0, "racheterai"},
      {"Plus jamais chez eux.", language::fr, -1, 0, "Plus jamais"},
  };
  for (const auto &c : cases)
    check(c);
  CHECK(sentiment_of("Je n'aime pas du tout ce produit") < 0);
  CHECK(sentiment_of("J'adore ce produit, il est très bon") > 0);
  CHECK(sentiment_of("Ce n'est pas bon") < 0);
}

TEST_CASE("Chinese seeds") {
  // Words separated by spaces, as ICU's dictionary breaker cuts them.
  const seed cases[] = {
      {"強力 推薦 這個 app", language::zh, 0, 1, "強力 推薦"},
      {"我 不 推薦", language::zh, 0, -1, "不 推薦 [negated by \"不\"]"},
      {"不推薦 ， 客服 很差", language::zh, 0, -1, "不推薦"},
      {"下次 還 會 再 來", language::zh, 1, 0, "下次 還 會 再"},
      {"我 不會 再 買 了", language::zh, -1, 0, "不會 再 買 [negated by \"不會\"]"},
  };
  for (const auto &c : cases)
    check(c);
  CHECK(sentiment_of("這個 app 很 好用") > 0);
  CHECK(sentiment_of("結帳 一直 失敗 ， 很爛") < 0);
  CHECK(sentiment_of("沒有 問題") > 0); // a negated complaint
  CHECK(sentiment_of("不 方便") < 0);
  // Words none of the lexicons knows: the ideographs say Chinese, and the text is neutral.
  const auto unknown = read("貨物 運送 宅配");
  CHECK(unknown.lang == language::zh);
  CHECK(unknown.sentiment.present);
  CHECK(unknown.sentiment.value == 0);
}

TEST_CASE("the language field decides when it names a language") {
  CHECK(language_of_field("pt-BR").kind == field_language::ours);
  CHECK(language_of_field("pt-BR").lang == language::pt);
  CHECK(language_of_field(" EN ").lang == language::en);
  CHECK(language_of_field("en_US").lang == language::en);
  CHECK(language_of_field("Deutsch").lang == language::de);
  CHECK(language_of_field("PORTUGUÊS").lang == language::pt);
  CHECK(language_of_field("zh-TW").lang == language::zh);
  CHECK(language_of_field("ja").kind == field_language::other);
  CHECK(language_of_field("ru-RU").kind == field_language::other);
  CHECK(language_of_field("unknown").kind == field_language::unusable);
  CHECK(language_of_field("").kind == field_language::unusable);

  // "Excelente" is Portuguese and Spanish; the field says which.
  const prepared_response es({{REBUY_ROLE_TEXT, "Excelente"}}, {{REBUY_ROLE_LANGUAGE, "es"}});
  CHECK(read(es).lang == language::es);
  // A language without lexicons is not read at all, whatever its words look like.
  const prepared_response ja({{REBUY_ROLE_TEXT, "good good good"}}, {{REBUY_ROLE_LANGUAGE, "ja"}});
  CHECK_FALSE(read(ja).covered);
  // A language without a word of text is nothing to read.
  const prepared_response silent({}, {{REBUY_ROLE_LANGUAGE, "en"}});
  CHECK_FALSE(read(silent).covered);
  // A field that names nothing leaves the choice to the words.
  const prepared_response unknown({{REBUY_ROLE_TEXT, "Muito bom, recomendo"}},
                                  {{REBUY_ROLE_LANGUAGE, "unknown"}});
  CHECK(read(unknown).lang == language::pt);
}

TEST_CASE("the words choose the language, and text in no known language gets no scores") {
  CHECK(read("The shoes are great and I love them").lang == language::en);
  CHECK(read("O produto chegou antes do prazo e é muito bom").lang == language::pt);
  CHECK(read("El pedido llegó muy rápido y es de buena calidad").lang == language::es);
  CHECK(read("Die Lieferung war schnell und das Produkt ist gut").lang == language::de);
  CHECK(read("La livraison est rapide et le produit est très bien").lang == language::fr);
  const auto chinese = read("結帳系統不好用，搜尋也不聰明");
  CHECK_FALSE(chinese.covered);
  CHECK_FALSE(chinese.sentiment.present);
  CHECK_FALSE(read("").covered);
}

TEST_CASE("Portuguese delivery complaints and praise") {
  CHECK(sentiment_of("Ainda não recebi o produto") < -0.4f);
  CHECK(sentiment_of("Produto não foi entregue") < -0.4f);
  CHECK(sentiment_of("Chegou antes do prazo") > 0.4f);
  CHECK(sentiment_of("Veio errado e quebrado") < -0.4f);
  CHECK(sentiment_of("Recebi somente um dos dois") < 0);
  CHECK(sentiment_of("PRODUTO PÉSSIMO") < -0.5f);
  CHECK(sentiment_of("produto pessimo") < -0.5f);
}
