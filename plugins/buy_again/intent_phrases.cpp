#include "intent_phrases.hpp"

#include "text_fold.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

namespace rebuy::buy_again {
namespace {

using f = phrase_family;

// Keys are folded: lower case, no accents, one space between words,
// contractions spelled out. A test checks fold_words(key) == key.
constexpr phrase phrases[] = {
    // ---- English 5-point intent
    {"definitely", f::intent5, 4},
    {"definitely yes", f::intent5, 4},
    {"yes definitely", f::intent5, 4},
    {"certainly", f::intent5, 4},
    {"absolutely", f::intent5, 4},
    {"for sure", f::intent5, 4},
    {"very likely", f::intent5, 4},
    {"extremely likely", f::intent5, 4},
    {"probably", f::intent5, 3},
    {"probably yes", f::intent5, 3},
    {"yes probably", f::intent5, 3},
    {"likely", f::intent5, 3},
    {"somewhat likely", f::intent5, 3},
    {"might or might not", f::intent5, 2},
    {"may or may not", f::intent5, 2},
    {"maybe", f::intent5, 2},
    {"perhaps", f::intent5, 2},
    {"not sure", f::intent5, 2},
    {"unsure", f::intent5, 2},
    {"undecided", f::intent5, 2},
    {"neither likely nor unlikely", f::intent5, 2},
    {"probably not", f::intent5, 1},
    {"no probably not", f::intent5, 1},
    {"unlikely", f::intent5, 1},
    {"somewhat unlikely", f::intent5, 1},
    {"not likely", f::intent5, 1},
    {"definitely not", f::intent5, 0},
    {"no definitely not", f::intent5, 0},
    {"certainly not", f::intent5, 0},
    {"absolutely not", f::intent5, 0},
    {"very unlikely", f::intent5, 0},
    {"extremely unlikely", f::intent5, 0},
    {"never", f::intent5, 0},
    {"no way", f::intent5, 0},
    // ---- Portuguese
    {"definitivamente", f::intent5, 4},
    {"definitivamente sim", f::intent5, 4},
    {"com certeza", f::intent5, 4},
    {"sim com certeza", f::intent5, 4},
    {"com toda certeza", f::intent5, 4},
    {"certamente", f::intent5, 4},
    {"certamente sim", f::intent5, 4},
    {"muito provavel", f::intent5, 4},
    {"provavelmente", f::intent5, 3},
    {"provavelmente sim", f::intent5, 3},
    {"provavel", f::intent5, 3},
    {"talvez", f::intent5, 2},
    {"talvez sim talvez nao", f::intent5, 2},
    {"talvez talvez nao", f::intent5, 2},
    {"pode ser", f::intent5, 2},
    {"pode ser que sim pode ser que nao", f::intent5, 2},
    {"nao tenho certeza", f::intent5, 2},
    {"indeciso", f::intent5, 2},
    {"indecisa", f::intent5, 2},
    {"nem provavel nem improvavel", f::intent5, 2},
    {"provavelmente nao", f::intent5, 1},
    {"improvavel", f::intent5, 1},
    {"definitivamente nao", f::intent5, 0},
    {"com certeza nao", f::intent5, 0},
    {"certamente nao", f::intent5, 0},
    {"de jeito nenhum", f::intent5, 0},
    {"jeito nenhum", f::intent5, 0},
    {"nunca", f::intent5, 0},
    {"nunca mais", f::intent5, 0},
    {"jamais", f::intent5, 0},
    {"muito improvavel", f::intent5, 0},
    // ---- Spanish
    {"definitivamente si", f::intent5, 4},
    {"si definitivamente", f::intent5, 4},
    {"seguro que si", f::intent5, 4},
    {"seguro", f::intent5, 4},
    {"sin duda", f::intent5, 4},
    {"sin duda alguna", f::intent5, 4},
    {"con toda seguridad", f::intent5, 4},
    {"por supuesto", f::intent5, 4},
    {"muy probable", f::intent5, 4},
    {"probablemente", f::intent5, 3},
    {"probablemente si", f::intent5, 3},
    {"si probablemente", f::intent5, 3},
    {"probable", f::intent5, 3},
    {"puede que si puede que no", f::intent5, 2},
    {"puede ser", f::intent5, 2},
    {"tal vez", f::intent5, 2},
    {"quizas", f::intent5, 2},
    {"quiza", f::intent5, 2},
    {"no estoy seguro", f::intent5, 2},
    {"no estoy segura", f::intent5, 2},
    {"ni probable ni improbable", f::intent5, 2},
    {"probablemente no", f::intent5, 1},
    {"improbable", f::intent5, 1},
    {"definitivamente no", f::intent5, 0},
    {"seguro que no", f::intent5, 0},
    {"de ninguna manera", f::intent5, 0},
    {"ninguna manera", f::intent5, 0},
    {"nunca mas", f::intent5, 0},
    {"jamas", f::intent5, 0},
    {"muy improbable", f::intent5, 0},
    // ---- German
    {"auf jeden fall", f::intent5, 4},
    {"ja auf jeden fall", f::intent5, 4},
    {"ganz bestimmt", f::intent5, 4},
    {"bestimmt", f::intent5, 4},
    {"ganz sicher", f::intent5, 4},
    {"sicher", f::intent5, 4},
    {"definitiv", f::intent5, 4},
    {"sehr wahrscheinlich", f::intent5, 4},
    {"wahrscheinlich", f::intent5, 3},
    {"wahrscheinlich ja", f::intent5, 3},
    {"eher ja", f::intent5, 3},
    {"vielleicht", f::intent5, 2},
    {"vielleicht ja vielleicht nein", f::intent5, 2},
    {"vielleicht ja vielleicht auch nicht", f::intent5, 2},
    {"unentschieden", f::intent5, 2},
    {"unsicher", f::intent5, 2},
    {"nicht sicher", f::intent5, 2},
    {"bin mir nicht sicher", f::intent5, 2},
    {"weder wahrscheinlich noch unwahrscheinlich", f::intent5, 2},
    {"wahrscheinlich nicht", f::intent5, 1},
    {"eher nicht", f::intent5, 1},
    {"eher nein", f::intent5, 1},
    {"unwahrscheinlich", f::intent5, 1},
    {"auf keinen fall", f::intent5, 0},
    {"bestimmt nicht", f::intent5, 0},
    {"ganz bestimmt nicht", f::intent5, 0},
    {"sicher nicht", f::intent5, 0},
    {"ganz sicher nicht", f::intent5, 0},
    {"definitiv nicht", f::intent5, 0},
    {"keinesfalls", f::intent5, 0},
    {"nie", f::intent5, 0},
    {"niemals", f::intent5, 0},
    {"sehr unwahrscheinlich", f::intent5, 0},
    // ---- French
    {"certainement", f::intent5, 4},
    {"oui certainement", f::intent5, 4},
    {"certainement oui", f::intent5, 4},
    {"absolument", f::intent5, 4},
    {"oui absolument", f::intent5, 4},
    {"tout a fait", f::intent5, 4},
    {"tout fait", f::intent5, 4},
    {"sans aucun doute", f::intent5, 4},
    {"bien sur", f::intent5, 4},
    {"tres probable", f::intent5, 4},
    {"probablement", f::intent5, 3},
    {"oui probablement", f::intent5, 3},
    {"probablement oui", f::intent5, 3},
    {"peut etre", f::intent5, 2},
    {"peut etre oui peut etre non", f::intent5, 2},
    {"ni oui ni non", f::intent5, 2},
    {"incertain", f::intent5, 2},
    {"indecis", f::intent5, 2},
    {"pas sur", f::intent5, 2},
    {"pas sure", f::intent5, 2},
    {"probablement pas", f::intent5, 1},
    {"non probablement pas", f::intent5, 1},
    {"peu probable", f::intent5, 1},
    {"certainement pas", f::intent5, 0},
    {"non certainement pas", f::intent5, 0},
    {"absolument pas", f::intent5, 0},
    {"pas du tout", f::intent5, 0},
    {"plus jamais", f::intent5, 0},
    {"en aucun cas", f::intent5, 0},
    {"aucun cas", f::intent5, 0},
    {"tres improbable", f::intent5, 0},
    {"tres peu probable", f::intent5, 0},

    // ---- yes / no
    {"yes", f::yes_no, 1},
    {"y", f::yes_no, 1},
    {"yeah", f::yes_no, 1},
    {"yep", f::yes_no, 1},
    {"true", f::yes_no, 1},
    {"sim", f::yes_no, 1},
    {"si", f::yes_no, 1},
    {"ja", f::yes_no, 1},
    {"oui", f::yes_no, 1},
    {"no", f::yes_no, 0},
    {"n", f::yes_no, 0},
    {"nope", f::yes_no, 0},
    {"not", f::yes_no, 0}, // what "I would not buy again" leaves
    {"false", f::yes_no, 0},
    {"nao", f::yes_no, 0},
    {"nein", f::yes_no, 0},
    {"non", f::yes_no, 0},

    // ---- agreement, ranked on the 7-point vocabulary
    {"strongly agree", f::agreement, 6},
    {"agree strongly", f::agreement, 6},
    {"completely agree", f::agreement, 6},
    {"totally agree", f::agreement, 6},
    {"agree", f::agreement, 5},
    {"somewhat agree", f::agreement, 4},
    {"slightly agree", f::agreement, 4},
    {"tend to agree", f::agreement, 4},
    {"neither agree nor disagree", f::agreement, 3},
    {"neutral", f::agreement, 3},
    {"somewhat disagree", f::agreement, 2},
    {"slightly disagree", f::agreement, 2},
    {"tend to disagree", f::agreement, 2},
    {"disagree", f::agreement, 1},
    {"strongly disagree", f::agreement, 0},
    {"disagree strongly", f::agreement, 0},
    {"completely disagree", f::agreement, 0},
    {"totally disagree", f::agreement, 0},
    {"concordo totalmente", f::agreement, 6},
    {"concordo plenamente", f::agreement, 6},
    {"concordo fortemente", f::agreement, 6},
    {"concordo", f::agreement, 5},
    {"concordo parcialmente", f::agreement, 4},
    {"concordo em parte", f::agreement, 4},
    {"nao concordo nem discordo", f::agreement, 3},
    {"nem concordo nem discordo", f::agreement, 3},
    {"neutro", f::agreement, 3},
    {"discordo parcialmente", f::agreement, 2},
    {"discordo em parte", f::agreement, 2},
    {"discordo", f::agreement, 1},
    {"discordo totalmente", f::agreement, 0},
    {"discordo plenamente", f::agreement, 0},
    {"discordo fortemente", f::agreement, 0},
    {"totalmente de acuerdo", f::agreement, 6},
    {"completamente de acuerdo", f::agreement, 6},
    {"muy de acuerdo", f::agreement, 6},
    {"de acuerdo", f::agreement, 5},
    {"algo de acuerdo", f::agreement, 4},
    {"ni de acuerdo ni en desacuerdo", f::agreement, 3},
    {"algo en desacuerdo", f::agreement, 2},
    {"en desacuerdo", f::agreement, 1},
    {"totalmente en desacuerdo", f::agreement, 0},
    {"completamente en desacuerdo", f::agreement, 0},
    {"muy en desacuerdo", f::agreement, 0},
    {"stimme voll und ganz zu", f::agreement, 6},
    {"stimme voll zu", f::agreement, 6},
    {"stimme vollkommen zu", f::agreement, 6},
    {"trifft voll zu", f::agreement, 6},
    {"stimme zu", f::agreement, 5},
    {"trifft zu", f::agreement, 5},
    {"stimme eher zu", f::agreement, 4},
    {"trifft eher zu", f::agreement, 4},
    {"weder noch", f::agreement, 3},
    {"teils teils", f::agreement, 3},
    {"stimme eher nicht zu", f::agreement, 2},
    {"trifft eher nicht zu", f::agreement, 2},
    {"stimme nicht zu", f::agreement, 1},
    {"trifft nicht zu", f::agreement, 1},
    {"stimme uberhaupt nicht zu", f::agreement, 0},
    {"stimme gar nicht zu", f::agreement, 0},
    {"trifft uberhaupt nicht zu", f::agreement, 0},
    {"trifft gar nicht zu", f::agreement, 0},
    {"tout a fait d accord", f::agreement, 6},
    {"totalement d accord", f::agreement, 6},
    {"d accord", f::agreement, 5},
    {"plutot d accord", f::agreement, 4},
    {"ni d accord ni pas d accord", f::agreement, 3},
    {"ni en accord ni en desaccord", f::agreement, 3},
    {"neutre", f::agreement, 3},
    {"plutot pas d accord", f::agreement, 2},
    {"plutot en desaccord", f::agreement, 2},
    {"pas d accord", f::agreement, 1},
    {"en desaccord", f::agreement, 1},
    {"pas du tout d accord", f::agreement, 0},
    {"totalement en desaccord", f::agreement, 0},
    {"tout a fait en desaccord", f::agreement, 0},

    // ---- don't know
    {"do not know", f::dont_know, 0},
    {"not applicable", f::dont_know, 0},
    {"n a", f::dont_know, 0},
    {"na", f::dont_know, 0},
    {"prefer not to say", f::dont_know, 0},
    {"no answer", f::dont_know, 0},
    {"no opinion", f::dont_know, 0},
    {"nao sei", f::dont_know, 0},
    {"sem opiniao", f::dont_know, 0},
    {"prefiro nao dizer", f::dont_know, 0},
    {"no se", f::dont_know, 0},
    {"no sabe", f::dont_know, 0},
    {"sin opinion", f::dont_know, 0},
    {"prefiero no decir", f::dont_know, 0},
    {"weiss nicht", f::dont_know, 0},
    {"weiss ich nicht", f::dont_know, 0},
    {"keine angabe", f::dont_know, 0},
    {"keine ahnung", f::dont_know, 0},
    {"je ne sais pas", f::dont_know, 0},
    {"ne sais pas", f::dont_know, 0},
    {"sais pas", f::dont_know, 0},
    {"sans opinion", f::dont_know, 0},
    {"nsp", f::dont_know, 0},
};

// Words that carry no intent of their own: pronouns, "buy", "again" and the
// like in the five languages. Never a negation or an intensifier.
constexpr std::string_view filler[] = {
    // en
    "i", "we", "would", "will", "buy", "purchase", "order", "shop", "again", "from", "you", "us",
    "them", "it", "this", "here", "there", "the", "a", "product", "be", "back", "come", "return",
    // pt
    "eu", "compraria", "comprarei", "comprar", "comprasse", "voltaria", "voltarei", "de", "novo",
    "novamente", "outra", "vez", "voces", "voce", "nos", "aqui", "o", "os", "isso", "produto",
    "loja",
    // es
    "yo", "comprare", "volveria", "volvere", "lo", "la", "los", "las", "nuevo", "ustedes", "usted",
    "este", "esta", "producto", "tienda",
    // de
    "ich", "wir", "wurde", "wuerde", "wurden", "werde", "kaufen", "einkaufen", "bestellen",
    "wieder", "erneut", "nochmal", "bei", "ihnen", "euch", "uns", "hier", "das", "es", "dieses",
    "produkt",
    // fr
    "je", "j", "n", "ne", "acheterais", "racheterais", "acheterai", "racheterai", "acheter",
    "racheter", "reviendrais", "reviendrai", "nouveau", "chez", "vous", "ici", "ce", "cet", "cette",
    "produit", "le", "l", "les", "en"};

// Juster (1966), top first: rank 10 … 0.
constexpr std::string_view juster_labels[] = {"certain practically certain",
                                              "almost sure",
                                              "very probable",
                                              "probable",
                                              "good possibility",
                                              "fairly good possibility",
                                              "fair possibility",
                                              "some possibility",
                                              "slight possibility",
                                              "very slight possibility",
                                              "no chance almost no chance"};

bool is_filler(std::string_view word) {
  return std::find(std::begin(filler), std::end(filler), word) != std::end(filler);
}

const std::unordered_map<std::string_view, phrase> &index() {
  static const auto map = [] {
    std::unordered_map<std::string_view, phrase> m;
    for (const phrase &p : phrases)
      m.emplace(p.key, p);
    return m;
  }();
  return map;
}

std::optional<phrase> find(std::string_view key) {
  const auto &map = index();
  const auto it = map.find(key);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

} // namespace

std::optional<phrase> lookup_phrase(std::string_view folded) {
  if (auto whole = find(folded)) return whole;
  std::string essential;
  for (std::string_view word : split_words(folded)) {
    if (is_filler(word)) continue;
    if (!essential.empty()) essential.push_back(' ');
    essential.append(word);
  }
  if (essential.empty() || essential.size() == folded.size()) return std::nullopt;
  return find(essential);
}

std::pair<std::string_view, bool> strip_odds(std::string_view folded) {
  const std::vector<std::string_view> words = split_words(folded);
  const size_t n = words.size();
  if (n < 4 || words[n - 2] != "in" || (words[n - 1] != "10" && words[n - 1] != "100"))
    return {folded, false};
  const std::string_view odds = words[n - 3];
  if (odds.empty() || odds.find_first_not_of("0123456789") != std::string_view::npos)
    return {folded, false};
  // The label ends just before the odds' first word.
  const size_t end = static_cast<size_t>(odds.data() - folded.data());
  return {folded.substr(0, end == 0 ? 0 : end - 1), true};
}

std::optional<int> juster_label(std::string_view folded) {
  const std::string_view label = strip_odds(folded).first;
  for (size_t i = 0; i < std::size(juster_labels); ++i)
    if (label == juster_labels[i]) return static_cast<int>(10 - i);
  return std::nullopt;
}

phrase_list all_phrases() { return {phrases, std::size(phrases)}; }

} // namespace rebuy::buy_again
