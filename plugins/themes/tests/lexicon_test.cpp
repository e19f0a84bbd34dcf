// The compiled-in taxonomy on real sentences, through the same tokeniser the host uses.
#include "lexicon_index.hpp"
#include "prepared_text.hpp"
#include "response_themes.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace rebuy::themes;
using rebuy::themes::testing::prepared_response;

namespace {

struct outcome {
  std::string themes, theme_evidence, stage, stage_evidence;
};

outcome analyze(std::vector<std::string> texts) {
  const prepared_response response(std::move(texts));
  response_themes r(lexicon_index::compiled());
  r.analyze(response.abi());
  return {r.themes(), r.theme_evidence(), std::string(stage_name(r.journey_stage())),
          std::string(r.stage_evidence())};
}

std::string themes_of(std::string text) { return analyze({std::move(text)}).themes; }
std::string stage_of(std::string text) { return analyze({std::move(text)}).stage; }

struct example {
  const char *text, *expected;
};

} // namespace

TEST_CASE("the tables are consistent and every language covers every theme and stage") {
  const lexicon_index &index = lexicon_index::compiled();
  CHECK(index.conflicts().empty());
  CHECK(index.cue_count() > 500);
  for (const language_lexicon *lang : all_languages) {
    CAPTURE(lang->code);
    bool themes[theme_count] = {}, stages[stage_count] = {};
    for (size_t i = 0; i < lang->cue_count; ++i) {
      themes[static_cast<size_t>(lang->cues[i].topic)] = true;
      stages[static_cast<size_t>(lang->cues[i].step)] = true;
    }
    for (size_t t = 1; t < theme_count; ++t) {
      CAPTURE(theme_name(static_cast<theme>(t)));
      CHECK(themes[t]);
    }
    for (size_t s = 1; s < stage_count; ++s) {
      CAPTURE(stage_name(static_cast<stage>(s)));
      CHECK(stages[s]);
    }
    CHECK(lang->stopword_count > 50);
  }
}

TEST_CASE("each theme in each language") {
  const example examples[] = {
      // English
      {"The delivery took two weeks.", "delivery"},
      {"Way too expensive for what it is.", "price"},
      {"Cheaply made, the stitching came loose.", "quality;sizing"},
      {"Customer service never answered my emails.", "support"},
      {"It runs small, order one size up.", "sizing"},
      {"I asked for a refund.", "returns"},
      {"The app keeps logging me out.", "app"},
      {"The packaging was torn.", "packaging"},
      {"The shoes were out of stock for weeks.", "selection"},
      // Portuguese, with and without accents
      {"A entrega foi rápida.", "delivery"},
      {"Preco justo.", "price"},
      {"Produto de ótima qualidade.", "quality"},
      {"O atendimento foi péssimo.", "support"},
      {"O tamanho ficou pequeno.", "sizing"},
      {"Pedi a devolucao do dinheiro.", "price;returns"},
      {"Comprei pelo aplicativo.", "app"},
      {"A embalagem veio amassada.", "packaging"},
      {"Estava esgotado.", "selection"},
      // Spanish
      {"El envío tardó mucho.", "delivery"},
      {"Buen precio.", "price"},
      {"Muy mala calidad.", "quality"},
      {"La atención al cliente fue excelente.", "support"},
      {"La talla es correcta.", "sizing"},
      {"Pedí un reembolso.", "returns"},
      {"La aplicación no funciona.", "app"},
      {"El embalaje estaba roto.", "quality;packaging"},
      {"El producto está agotado.", "selection"},
      // German
      {"Die Lieferung kam pünktlich.", "delivery"},
      {"Der Preis ist zu hoch.", "price"},
      {"Die Qualität ist top.", "quality"},
      {"Der Kundenservice war freundlich.", "support"},
      {"Die Größe passt nicht.", "sizing"},
      {"Die Rücksendung war einfach.", "returns"},
      {"Die Webseite ist langsam.", "app"},
      {"Gut verpackt.", "packaging"},
      {"Leider ausverkauft.", "selection"},
      // French
      {"La livraison était rapide.", "delivery"},
      {"Le prix est correct.", "price"},
      {"Bonne qualité.", "quality"},
      {"Le service client ne répond pas.", "support"},
      {"La taille est parfaite.", "sizing"},
      {"J'attends toujours mon remboursement.", "returns"},
      {"Le site web plante.", "app"},
      {"L'emballage était parfait.", "packaging"},
      {"Article en rupture de stock.", "selection"},
  };
  for (const example &e : examples) {
    const std::string text = e.text;
    CAPTURE(text);
    CHECK(themes_of(e.text) == std::string(e.expected));
  }
}

TEST_CASE("each journey stage in each language") {
  const example examples[] = {
      {"I found you through Instagram.", "discovery"},
      {"I compared three shops first.", "research"},
      {"Checkout was quick.", "purchase"},
      {"It arrived late.", "delivery"},
      {"Still using it after a year.", "after-use"},
      {"This is my third order.", "after-use"},
      {"Conheci a loja por indicação.", "discovery"},
      {"Pesquisei muito antes.", "research"},
      {"Paguei com boleto.", "purchase"},
      {"Não condiz com a foto do anúncio.", "research"},
      {"Ainda não chegou.", "delivery"},
      {"Voltarei a comprar.", "after-use"},
      {"Los conocí por publicidad en Instagram.", "discovery"},
      {"Comparé varias tiendas.", "research"},
      {"Pagué con tarjeta.", "purchase"},
      {"Llegó tarde.", "delivery"},
      {"Volveré a comprar seguro.", "after-use"},
      {"Durch Werbung aufmerksam geworden.", "discovery"},
      {"Ich habe viele Shops verglichen.", "research"},
      {"Bezahlung per Rechnung.", "purchase"},
      {"Das Paket ist nie angekommen.", "delivery"},
      {"Das ist meine dritte Bestellung.", "after-use"},
      {"Découvert grâce au bouche à oreille.", "discovery"},
      {"J'ai comparé les offres.", "research"},
      {"Paiement refusé deux fois.", "purchase"},
      {"Colis livré en retard.", "delivery"},
      {"Je l'utilise depuis deux ans.", "after-use"},
  };
  for (const example &e : examples) {
    const std::string text = e.text;
    CAPTURE(text);
    CHECK(stage_of(e.text) == std::string(e.expected));
  }
}

TEST_CASE("whole tokens only: 'app' is not in 'apparently' or 'apple'") {
  CHECK(themes_of("Apparently the apple pie was fine.") == "");
  CHECK(themes_of("Appalling.") == "");
  CHECK(themes_of("The app crashed.") == "app");
}

TEST_CASE("'return' as coming back is not returns") {
  CHECK(themes_of("I will return!") == "");
  CHECK(themes_of("We will definitely return.") == "");
  CHECK(themes_of("I'll return next week.") == "");
  CHECK(themes_of("We’ll return soon.") == "");
  CHECK(themes_of("Would not return.") == "");
  CHECK(themes_of("Can't wait to return.") == "");
  CHECK(stage_of("I will return!") == "after-use");
  // ...but sending something back is.
  CHECK(themes_of("I will return it tomorrow.") == "returns");
  CHECK(themes_of("I returned the shoes.") == "returns");
  CHECK(themes_of("Easy return process.") == "returns");
  CHECK(themes_of("Their return policy is generous.") == "returns");
  // A blocker never reaches across a sentence end.
  CHECK(themes_of("We will. Return was easy.") == "returns");
  // French: "de retour" is being back.
  CHECK(themes_of("We'd try another dish when we return.") == "");
  CHECK(themes_of("We returned for breakfast.") == "");
  CHECK(themes_of("I will probably not return.") == "");
  CHECK(themes_of("I will be a return customer!") == "");
  CHECK(themes_of("Looking forward to returning soon.") == "");
  CHECK(themes_of("No return call.") == "support");
  CHECK(themes_of("I returned it for a refund.") == "returns");
  CHECK(themes_of("Returned for a refund.") == "returns");
  CHECK(themes_of("Nous serons de retour.") == "");
  CHECK(themes_of("Le retour était gratuit.") == "returns");
}

TEST_CASE("restaurant words that look like shop words") {
  CHECK(themes_of("When we arrived, the staff was busy.") == "support");
  CHECK(themes_of("It arrived broken.") == "delivery;quality");
  CHECK(themes_of("We shared three apps.") == "");
}

TEST_CASE("negation does not hide a theme: it is mentioned either way") {
  CHECK(themes_of("No problems with the delivery.") == "delivery");
  CHECK(themes_of("The price was not bad.") == "price");
  CHECK(themes_of("Nao chegou.") == "delivery");
}

TEST_CASE("themes come in taxonomy order, each with its first phrase as written") {
  const outcome o = analyze({"Great PRICE, but Shipping was slow and shipping costs too high."});
  CHECK(o.themes == "delivery;price");
  CHECK(o.theme_evidence == "Shipping; PRICE");
  const outcome spaced = analyze({"It Arrived   late."});
  CHECK(spaced.stage == "delivery");
  CHECK(spaced.stage_evidence == "Arrived   late");
}

TEST_CASE("accents and case do not matter") {
  CHECK(themes_of("ENTREGA RAPIDA") == "delivery");
  CHECK(themes_of("Grosse passt nicht.") == "sizing");
  CHECK(themes_of("Grösse passt nicht.") == "sizing");
  CHECK(themes_of("Qualite mediocre.") == "quality");
}

TEST_CASE("the stage spoken about most wins, a tie goes to the one mentioned last") {
  CHECK(stage_of("I compared prices and then it arrived late.") == "delivery");
  CHECK(stage_of("It arrived late, but I compared prices first.") == "research");
  CHECK(stage_of("Heard about you on Instagram, found you through a friend. It arrived late.") ==
        "discovery");
  const outcome o = analyze({"Compared a lot.", "Compared again, then bought."});
  CHECK(o.stage == "research");
  CHECK(o.stage_evidence == "Compared"); // the last one, from the second text
}

TEST_CASE("title and body both count") {
  CHECK(analyze({"Great price", "Fast shipping"}).themes == "delivery;price");
  CHECK(analyze({"", "Fast shipping"}).themes == "delivery");
}

TEST_CASE("texts without cues, empty and odd texts") {
  const outcome none = analyze({"Lovely evening, great food."});
  CHECK(none.themes.empty());
  CHECK(none.stage.empty());
  CHECK(analyze({}).themes.empty());
  CHECK(analyze({""}).themes.empty());
  CHECK(analyze({"!!! ??? ..."}).themes.empty());
  CHECK(analyze({"😀 日本語のレビュー 123 ١٢٣ ש"}).themes.empty());
  CHECK(analyze({"\xC3(\xA0 odd bytes but delivery"}).themes == "delivery");
}

TEST_CASE("evidence is cut at 256 bytes on a character boundary") {
  // "after * months": the wildcard takes a 400-byte word of two-byte letters.
  std::string word;
  for (int i = 0; i < 200; ++i)
    word += "é";
  const outcome o = analyze({"After " + word + " months."});
  CHECK(o.stage == "after-use");
  CHECK(o.stage_evidence == "After " + word.substr(0, 250));
}

TEST_CASE("a huge text is handled in one pass") {
  std::string text;
  for (int i = 0; i < 20000; ++i)
    text += "We came back, the delivery was fast. ";
  text += "Terrible app.";
  const outcome o = analyze({text});
  CHECK(o.themes == "delivery;app");
  CHECK(o.stage == "delivery"); // as many come-back cues as delivery cues; delivery came last
}
