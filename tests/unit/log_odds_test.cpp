// Monroe, Colaresi & Quinn log-odds with a Dirichlet prior, against values
// computed by hand from the formula in methods.md.
#include "report/distinctive_words.hpp"
#include "stats/log_odds.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace stats = rebuy::core::stats;

TEST_CASE("log-odds with a flat prior: hand-computed") {
  // a = (10, 30), b = (20, 20), α = (1, 1): n = 40 each, α₀ = 2.
  // word 0: log(11/31) − log(21/21) = −1.0360919, σ² = 1/11 + 1/21.
  const std::vector<uint64_t> a{10, 30}, b{20, 20};
  const std::vector<double> prior{1, 1};
  const auto words = stats::log_odds_dirichlet(a, b, prior);
  REQUIRE(words.size() == 2);
  CHECK(words[0].delta == doctest::Approx(std::log(11.0 / 31)).epsilon(1e-12));
  CHECK(words[0].variance == doctest::Approx(1.0 / 11 + 1.0 / 21).epsilon(1e-12));
  CHECK(words[0].z == doctest::Approx(-2.7837439908).epsilon(1e-9));
  CHECK(words[1].delta == doctest::Approx(1.0360919317).epsilon(1e-9));
  CHECK(words[1].z == doctest::Approx(3.6659548698).epsilon(1e-9));
}

TEST_CASE("log-odds with the informative prior from pooled counts") {
  const std::vector<uint64_t> a{12, 3, 5}, b{4, 9, 5};
  const std::vector<uint64_t> pooled{16, 12, 10};
  const std::vector<double> prior = stats::informative_prior(pooled, 10);
  REQUIRE(prior.size() == 3);
  CHECK(prior[0] == doctest::Approx(10.0 * 16 / 38));
  CHECK(prior[1] == doctest::Approx(10.0 * 12 / 38));
  CHECK(prior[2] == doctest::Approx(10.0 * 10 / 38));

  const auto words = stats::log_odds_dirichlet(a, b, prior);
  CHECK(words[0].delta == doctest::Approx(1.0414884154).epsilon(1e-9));
  CHECK(words[0].z == doctest::Approx(2.4313994284).epsilon(1e-9));
  CHECK(words[1].z == doctest::Approx(-2.2017631653).epsilon(1e-9));
  // Same count in both groups, but group a said more in all: slightly b-ish.
  CHECK(words[2].z == doctest::Approx(-0.1829646167).epsilon(1e-9));

  // Swapping the groups flips every sign and keeps every variance.
  const auto swapped = stats::log_odds_dirichlet(b, a, prior);
  for (size_t w = 0; w < 3; ++w) {
    CHECK(swapped[w].delta == doctest::Approx(-words[w].delta).epsilon(1e-12));
    CHECK(swapped[w].variance == doctest::Approx(words[w].variance).epsilon(1e-12));
  }
}

TEST_CASE("a bigger prior pulls rare words toward zero") {
  const std::vector<uint64_t> a{2, 100}, b{0, 100};
  const double weak = stats::log_odds_dirichlet(a, b, std::vector<double>{0.1, 0.1})[0].delta;
  const double strong = stats::log_odds_dirichlet(a, b, std::vector<double>{10, 10})[0].delta;
  CHECK(weak > strong);
  CHECK(strong > 0);
}

TEST_CASE("log-odds input errors") {
  const std::vector<uint64_t> two{1, 2}, three{1, 2, 3}, one{1};
  CHECK_THROWS_AS(stats::log_odds_dirichlet(two, three, std::vector<double>{1, 1}),
                  std::invalid_argument);
  CHECK_THROWS_AS(stats::log_odds_dirichlet(one, one, std::vector<double>{1}),
                  std::invalid_argument);
  CHECK_THROWS_AS(stats::log_odds_dirichlet(two, two, std::vector<double>{1, 0}),
                  std::invalid_argument);
  CHECK_THROWS_AS(stats::informative_prior(std::vector<uint64_t>{3, 0}, 10), std::invalid_argument);
  CHECK_THROWS_AS(stats::informative_prior(two, 0), std::invalid_argument);
}

using rebuy::core::for_each_distinct_word;
using rebuy::core::is_stop_word;

TEST_CASE("distinctive words: function words of five languages are skipped, negations kept") {
  for (const char *w : {"the", "with", "que", "também", "pero", "más", "und", "für", "les", "très",
                        "été", "produto", "bestellung"})
    CHECK_MESSAGE(is_stop_word(w), w);
  for (const char *w : {"not", "never", "não", "nunca", "nicht", "jamais", "late", "atrasado"})
    CHECK_MESSAGE(!is_stop_word(w), w);
  std::vector<std::string> words;
  for_each_distinct_word("Não gostei, que pena: NÃO recomendo. Produto não chegou",
                         [&](std::string_view w) { words.emplace_back(w); });
  // ASCII is lower-cased, other letters kept; each word once; stop words gone.
  CHECK(words == std::vector<std::string>{"não", "gostei", "pena", "recomendo", "chegou"});
}

TEST_CASE("distinctive words: how a text splits into words") {
  std::vector<std::string> words;
  auto split = [&](std::string_view text) {
    words.clear();
    rebuy::core::for_each_word(text, [&](std::string_view w) { words.emplace_back(w); });
    return words;
  };
  // Numbers and words under three bytes are no words; an apostrophe joins; capitals lower-case,
  // the Latin-1 ones too but not ×; any other byte splits.
  CHECK(split("Don't BUY 2024 again: 3x ÀÉÎ × 12abc ab-cd word") ==
        std::vector<std::string>{"dont", "buy", "again", "àéî", "12abc", "word"});
  CHECK(split("").empty());
  CHECK(split("ÉTÉ") == std::vector<std::string>{"été"});
  // A lone lead byte at the end is kept as it is.
  CHECK(split("abc\xC3") == std::vector<std::string>{"abc\xC3"});
  // Longer texts after shorter ones: the buffer grows.
  CHECK(split(std::string(5000, 'A')) == std::vector<std::string>{std::string(5000, 'a')});
}
