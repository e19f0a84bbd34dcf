// Yes/no would-recommend answers and the star-rating NPS proxy.
#include "recommend_answer.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string_view>

using rebuy::nps::classify_rating;
using rebuy::nps::nps_class;
using rebuy::nps::parse_yes_no;
using rebuy::nps::proxy_label;

namespace {

std::optional<nps_class> rating(std::string_view r, std::optional<std::string_view> max = {}) {
  return classify_rating(r, max).cls;
}

} // namespace

TEST_CASE("yes and no in five languages, any case, with a trailing full stop") {
  for (std::string_view yes : {"yes", "Yes", "YES", "Yes.", "y", "true", "TRUE", "1", "Sim", "sim",
                               "S\xC3\xAD", "S\xC3\x8D", "si", "Ja", "oui", "Oui!", " yes "}) {
    CAPTURE(yes);
    CHECK(parse_yes_no(yes).yes == true);
  }
  for (std::string_view no : {"no", "No.", "NO", "n", "false", "0", "N\xC3\xA3o", "N\xC3\x83O",
                              "nao", "Nein", "non", "Non."}) {
    CAPTURE(no);
    CHECK(parse_yes_no(no).yes == false);
  }
}

TEST_CASE("anything else is not a yes/no answer, blanks are skipped questions") {
  for (std::string_view other :
       {"I don't remember.", "maybe", "yes and no", "2", "yess", "nope?"}) {
    CAPTURE(other);
    const auto a = parse_yes_no(other);
    CHECK_FALSE(a.yes);
    CHECK(a.problem == "is not yes or no");
  }
  CHECK_FALSE(parse_yes_no("  ").yes);
  CHECK(parse_yes_no("  ").problem.empty());
}

TEST_CASE("star ratings as NPS proxies: 5 promoter, 4 passive, 3 and below detractor") {
  CHECK(rating("5") == nps_class::promoter);
  CHECK(rating("5.0") == nps_class::promoter);
  CHECK(rating("4.5") == nps_class::promoter);
  CHECK(rating("4") == nps_class::passive);
  CHECK(rating("3.5") == nps_class::passive);
  CHECK(rating("3") == nps_class::detractor);
  CHECK(rating("1") == nps_class::detractor);
  CHECK(rating("0") == nps_class::detractor);
  // A 0-10 rating is cut exactly like an NPS answer.
  CHECK(rating("9", std::string_view("10")) == nps_class::promoter);
  CHECK(rating("8", std::string_view("10")) == nps_class::passive);
  CHECK(rating("7", std::string_view("10")) == nps_class::passive);
  CHECK(rating("6", std::string_view("10")) == nps_class::detractor);
  CHECK(classify_rating("4", std::nullopt).on_ten == 8);
}

TEST_CASE("ratings that cannot be read") {
  CHECK(classify_rating("6", std::nullopt).problem == "is above the rating's maximum");
  CHECK(classify_rating("four", std::nullopt).problem == "is not a number");
  CHECK(classify_rating("4,5", std::nullopt).problem == "is not a number");
  CHECK(classify_rating("-1", std::nullopt).problem == "is not a number");
  CHECK(classify_rating("4", std::string_view("0")).problem ==
        "has a maximum that is not a number above 1");
  CHECK(classify_rating("", std::nullopt).problem.empty());
  CHECK_FALSE(classify_rating("", std::nullopt).cls);
}

TEST_CASE("proxy labels never equal the labels of real answers") {
  CHECK(proxy_label(nps_class::promoter) == "promoter_proxy");
  CHECK(proxy_label(nps_class::passive) == "passive_proxy");
  CHECK(proxy_label(nps_class::detractor) == "detractor_proxy");
  for (nps_class c : {nps_class::promoter, nps_class::passive, nps_class::detractor})
    CHECK(proxy_label(c) != rebuy::nps::label(c));
}
