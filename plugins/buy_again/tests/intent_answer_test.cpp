// Reading answers on every scale and in every language, and refusing the
// ones that cannot be read without guessing.
#include "intent_answer.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>

using namespace rebuy::buy_again;

namespace {

constexpr auto automatic = scale_choice::automatic;

// The level name of an answer read with the default options, or "-".
std::string read(std::string_view text, scale_choice choice = automatic,
                 std::optional<scale> name_scale = std::nullopt) {
  const reading r = read_answer(text, choice, name_scale);
  return r.answer ? std::string(name(*r.answer)) : "-";
}

std::string_view problem(std::string_view text, scale_choice choice = automatic,
                         std::optional<scale> name_scale = std::nullopt) {
  return read_answer(text, choice, name_scale).problem;
}

struct labelled {
  std::string_view text, level;
};

} // namespace

TEST_CASE("5-point intent labels in English, Portuguese, Spanish, German and French") {
  const labelled answers[] = {
      {"Definitely would", "definitely"},
      {"Probably would", "probably"},
      {"Might or might not", "unsure"},
      {"Probably would not", "probably_not"},
      {"Definitely would not", "definitely_not"},
      {"definitely will buy again", "definitely"},
      {"Probably won't", "probably_not"},
      {"Very unlikely", "definitely_not"},
      {"Not sure", "unsure"},
      // pt
      {"Definitivamente compraria", "definitely"},
      {"Com certeza compraria", "definitely"},
      {"Provavelmente compraria", "probably"},
      {"Talvez comprasse, talvez n\xC3\xA3o", "unsure"},
      {"Provavelmente n\xC3\xA3o compraria", "probably_not"},
      {"Definitivamente n\xC3\xA3o compraria", "definitely_not"},
      // es
      {"Definitivamente comprar\xC3\xAD"
       "a",
       "definitely"},
      {"Probablemente lo comprar\xC3\xAD"
       "a",
       "probably"},
      {"Puede que s\xC3\xAD, puede que no", "unsure"},
      {"Probablemente no lo comprar\xC3\xAD"
       "a",
       "probably_not"},
      {"Definitivamente no comprar\xC3\xAD"
       "a",
       "definitely_not"},
      // de
      {"Auf jeden Fall", "definitely"},
      {"W\xC3\xBCrde wahrscheinlich wieder kaufen", "probably"},
      {"Vielleicht", "unsure"},
      {"Wahrscheinlich nicht", "probably_not"},
      {"Auf keinen Fall", "definitely_not"},
      // fr
      {"Certainement", "definitely"},
      {"J'ach\xC3\xA8terais probablement", "probably"},
      {"Peut-\xC3\xAAtre", "unsure"},
      {"Je n'ach\xC3\xA8terais probablement pas", "probably_not"},
      {"Certainement pas", "definitely_not"},
  };
  for (const auto &a : answers) {
    CAPTURE(a.text);
    CHECK(read(a.text) == a.level);
  }
  // The scale option does not change what words mean.
  CHECK(read("Probably would", scale_choice::juster) == "probably");
  CHECK(read("Probably would", scale_choice::labels) == "probably");
}

TEST_CASE("yes and no in the five languages") {
  for (std::string_view yes : {"Yes", "yes.", "Y", "TRUE", "Sim", "S\xC3\xAD", "Si", "Ja", "Oui"})
    CHECK(read(yes) == "yes");
  for (std::string_view no :
       {"No", "No.", "n", "false", "N\xC3\xA3o", "Nao", "Nein", "Non", "I would not buy again"})
    CHECK(read(no) == "no");
}

TEST_CASE("agreement labels on the 1-5 scale unless 1-7 is set or named") {
  CHECK(read("Strongly agree") == "strongly_agree");
  CHECK(read("Agree") == "agree");
  CHECK(read("Somewhat agree") == "agree"); // a 5-point scale's second box
  CHECK(read("Neither agree nor disagree") == "neutral");
  CHECK(read("Disagree") == "disagree");
  CHECK(read("Strongly disagree") == "strongly_disagree");
  CHECK(read("Concordo totalmente") == "strongly_agree");
  CHECK(read("Discordo parcialmente") == "disagree");
  CHECK(read("Totalmente de acuerdo") == "strongly_agree");
  CHECK(read("Ni de acuerdo ni en desacuerdo") == "neutral");
  CHECK(read("Stimme eher zu") == "agree");
  CHECK(read("Stimme \xC3\xBC"
             "berhaupt nicht zu") == "strongly_disagree");
  CHECK(read("Tout \xC3\xA0 fait d'accord") == "strongly_agree");
  CHECK(read("Pas d'accord") == "disagree");

  const reading five = read_answer("Agree", automatic, std::nullopt);
  REQUIRE(five.answer);
  CHECK(five.answer->on == scale::agree5);
  CHECK(position(*five.answer) == 0.75);

  CHECK(read("Somewhat agree", scale_choice::seven) == "somewhat_agree");
  CHECK(read("Plutôt pas d'accord", automatic, scale::agree7) == "somewhat_disagree");
  const reading seven = read_answer("Agree", scale_choice::seven, std::nullopt);
  REQUIRE(seven.answer);
  CHECK(seven.answer->on == scale::agree7);
  CHECK(position(*seven.answer) == doctest::Approx(5.0 / 6));
}

TEST_CASE("a bare number needs a scale from the option or the column name") {
  // One number, four answers.
  CHECK(read("4", scale_choice::five) == "agree");
  CHECK(read("4", scale_choice::seven) == "neutral");
  CHECK(read("4", scale_choice::juster) == "juster_4");
  CHECK(read("1", scale_choice::yes_no) == "yes");
  CHECK(read("0", scale_choice::yes_no) == "no");
  CHECK(read("4", automatic, scale::agree5) == "agree");
  CHECK(read("7", automatic, scale::agree7) == "strongly_agree");
  CHECK(read("10", automatic, scale::juster) == "juster_10");
  CHECK(read("4.0", scale_choice::five) == "agree");
  // The option wins over the name.
  CHECK(read("4", scale_choice::juster, scale::agree5) == "juster_4");

  // With neither, nothing is guessed, not even for values only one scale has.
  for (std::string_view n : {"4", "0", "10", "1"}) {
    CAPTURE(n);
    CHECK(read(n) == "-");
    CHECK(problem(n).find("unknown scale") != std::string_view::npos);
  }
  CHECK(problem("4", scale_choice::labels) == "is a number, and scale=labels reads labels only");
}

TEST_CASE("numbers outside their scale, fractions and odd formats are refused") {
  CHECK(problem("6", scale_choice::five) == "is out of range 1-5");
  CHECK(problem("0", scale_choice::five) == "is out of range 1-5");
  CHECK(problem("8", scale_choice::seven) == "is out of range 1-7");
  CHECK(problem("11", scale_choice::juster) == "is out of range 0-10");
  CHECK(problem("-1", scale_choice::juster) == "is out of range 0-10");
  CHECK(problem("2", scale_choice::yes_no) == "is not 0 or 1 (no or yes)");
  CHECK(problem("3.5", scale_choice::five) == "is not a whole number");
  CHECK(problem("99999999999", scale_choice::juster) == "is out of range");
  for (std::string_view odd : {"4/5", "4 stars", "5-6", "3,5"}) {
    CAPTURE(odd);
    CHECK(problem(odd, scale_choice::five) == "has unexpected text after the number");
  }
}

TEST_CASE("a labelled number is read by its label") {
  CHECK(read("5 - Definitely would") == "definitely");
  CHECK(read("1 \xE2\x80\x93 Definitely would not") == "definitely_not"); // en dash
  CHECK(read("5 = Strongly agree") == "strongly_agree");
  CHECK(read("9 - Almost sure (9 in 10)") == "juster_9");
  CHECK(read("10 - Certain, practically certain") == "juster_10");
  CHECK(read("7: Probable") == "juster_7");  // the number confirms Juster's label
  CHECK(read("3 - Probable") == "probably"); // it does not: Spanish/French "probable"
  // An unknown label leaves the number to its scale.
  CHECK(read("4 - meh", scale_choice::five) == "agree");
  CHECK(read("4 - meh") == "-");
}

TEST_CASE("Juster labels with their odds, and without") {
  CHECK(read("Almost sure (9 in 10)") == "juster_9");
  CHECK(read("No chance, almost no chance (1 in 100)") == "juster_0");
  CHECK(read("Good possibility (6 in 10)") == "juster_6");
  CHECK(read("Probable") == "probably");
  CHECK(read("Almost sure") == "-");
}

TEST_CASE("blank, don't-know and unknown answers") {
  for (std::string_view blank : {"", "  ", "\t\r\n"}) {
    const reading r = read_answer(blank, automatic, std::nullopt);
    CHECK_FALSE(r.answer);
    CHECK(r.problem.empty());
  }
  for (std::string_view dont : {"Don't know", "N/A", "N\xC3\xA3o sei", "No s\xC3\xA9",
                                "Wei\xC3\x9F nicht", "Je ne sais pas", "5 - Don't know"}) {
    CAPTURE(dont);
    CHECK(problem(dont, scale_choice::five) == "is a don't-know answer");
  }
  CHECK(problem("Sometimes") == "is not a known answer");
  CHECK(problem("I would buy again") == "is not a known answer");
  CHECK(problem("\xE3\x81\xAF\xE3\x81\x84") == "has no letters or digits"); // はい
  CHECK(problem("???") == "has no letters or digits");
}

TEST_CASE("the column name announces a numeric scale") {
  CHECK(scale_from_name("How likely are you to buy again? (0-10)") == scale::juster);
  CHECK(scale_from_name("Chance of buying again, 0 to 10") == scale::juster);
  CHECK(scale_from_name("Juster purchase probability") == scale::juster);
  CHECK(scale_from_name("Kaufabsicht (0 bis 10)") == scale::juster);
  CHECK(scale_from_name("11-point purchase probability") == scale::juster);
  CHECK(scale_from_name("I would buy again (1-5)") == scale::agree5);
  CHECK(scale_from_name("Compraria de novo (1 a 5)") == scale::agree5);
  CHECK(scale_from_name("Repurchase intent, 5-point") == scale::agree5);
  CHECK(scale_from_name("Buy again 1\xE2\x80\x93"
                        "7") == scale::agree7);
  CHECK(scale_from_name("7 point agreement: buy again") == scale::agree7);
  CHECK(scale_from_name("Would you buy again? (yes/no)") == scale::yes_no);
  CHECK(scale_from_name("Rachèteriez-vous ? (oui/non)") == scale::yes_no);
  CHECK_FALSE(scale_from_name("Would you buy from us again?"));
  CHECK_FALSE(scale_from_name("repurchase_intent"));
  CHECK_FALSE(scale_from_name("Top 10 buy again (1-5)") == scale::juster);
  CHECK_FALSE(scale_from_name("Buy again 1-5 or 0-10")); // two scales: neither
  CHECK_FALSE(scale_from_name(""));
}

TEST_CASE("the scale option is parsed strictly") {
  CHECK(parse_scale_choice("auto") == scale_choice::automatic);
  CHECK(parse_scale_choice("juster") == scale_choice::juster);
  CHECK(parse_scale_choice("5") == scale_choice::five);
  CHECK(parse_scale_choice("7") == scale_choice::seven);
  CHECK(parse_scale_choice("yesno") == scale_choice::yes_no);
  CHECK(parse_scale_choice("labels") == scale_choice::labels);
  CHECK_FALSE(parse_scale_choice("Juster"));
  CHECK_FALSE(parse_scale_choice("1-5"));
  CHECK_FALSE(parse_scale_choice(""));
}
