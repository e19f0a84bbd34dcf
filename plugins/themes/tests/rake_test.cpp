#include "lexicon_index.hpp"
#include "prepared_text.hpp"
#include "rake.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

using namespace rebuy::themes;
using rebuy::themes::testing::prepared_text;

namespace {

// The top phrases of the texts, "key=score" joined by "|".
std::string top(std::vector<std::string> texts, size_t n = 5) {
  rake r;
  std::vector<word_info> words;
  std::string scratch;
  std::vector<std::unique_ptr<prepared_text>> prepared;
  for (auto &t : texts) {
    prepared.push_back(std::make_unique<prepared_text>(t));
    lexicon_index::compiled().classify(prepared.back()->abi(), words, scratch);
    r.add_text(prepared.back()->abi(), words);
  }
  std::string out;
  for (const auto &p : r.top(n)) {
    if (!out.empty()) out += '|';
    out += p.key + '=' + std::to_string(static_cast<int>(p.score * 10 + 0.5));
  }
  return out;
}

} // namespace

TEST_CASE("RAKE scores the example of Rose et al. by degree over frequency") {
  // Candidates: compatibility, systems, linear constraints, set, natural numbers.
  // linear and constraints: degree 2, frequency 1 -> 2 each, so the phrase scores 4.
  CHECK(top({"Compatibility of systems of linear constraints over the set of natural numbers."}) ==
        "linear constraints=40|natural numbers=40|compatibility=10|systems=10|set=10");
}

TEST_CASE("a word seen in several candidates shares its degree") {
  // fast delivery | delivery | slow: delivery has degree 3 over frequency 2.
  CHECK(top({"Fast delivery. The delivery was slow."}) == "fast delivery=35|delivery=15|slow=10");
}

TEST_CASE("punctuation, numbers, sentence ends and boilerplate split candidates") {
  CHECK(top({"Cheap, sturdy chair"}) == "sturdy chair=40|cheap=10");
  CHECK(top({"2 day shipping"}) == "day shipping=40");
  CHECK(top({"Solid wood  dark finish"}) == "solid wood dark finish=160");
  CHECK(top({"Solid wood. Dark finish"}) == "solid wood=40|dark finish=40");
  CHECK(top({"The product arrived"}) == "arrived=10");
  CHECK(top({"Ótimo produto, entrega rápida"}) == "entrega rápida=40|ótimo=10");
}

TEST_CASE("runs longer than four words are not phrases") {
  CHECK(top({"alpha beta gamma delta epsilon"}).empty());
  CHECK(top({"alpha beta gamma delta"}) == "alpha beta gamma delta=160");
}

TEST_CASE("phrases are distinct, lower-cased keys, at most n, across texts") {
  CHECK(top({"Great Value", "great value! GREAT VALUE"}) == "great value=40");
  CHECK(top({"Ruby jade onyx opal. Amber coral quartz. Lime. Mint. Sage."}, 3) ==
        "ruby jade onyx opal=160|amber coral quartz=90|lime=10");
}

TEST_CASE("a lone letter is not a phrase, a lone ideograph is") {
  CHECK(top({"Size x, plan, b, ü."}) == "plan=10");
  CHECK(top({"b"}).empty());
  CHECK(top({"x ray"}) == "x ray=40");
  CHECK(top({"猫"}) == "猫=10");
  // Words written without spaces are joined without them.
  CHECK(top({"結帳系統"}).find("結帳系統=") == 0);
}

TEST_CASE("a token too long to be a word ends a candidate") {
  CHECK(top({"nice " + std::string(65, 'z') + " hat"}) == "nice=10|hat=10");
  CHECK(top({"nice " + std::string(64, 'z')}) == "nice " + std::string(64, 'z') + "=40");
}

TEST_CASE("no candidates in empty or stopword-only text") {
  CHECK(top({""}).empty());
  CHECK(top({"it was the one I had"}).empty());
  CHECK(top({"123 456"}).empty());
}
