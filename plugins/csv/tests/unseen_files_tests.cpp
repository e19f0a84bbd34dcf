// Roles, scales and missing values on files nobody wrote an importer for:
// each quirk met in real review and survey files, reproduced with rows of
// our own.
#include <rebuy/role_guess.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

using rebuy::column_guess;
using rebuy::column_sample;
using rebuy::value_scale;

namespace {

// A column of values, repeated to as many rows as the table has (cycling).
struct column {
  std::string header;
  std::vector<std::string> values;
};

std::vector<column_guess> guess(const std::vector<column> &table,
                                rebuy::header_row header = rebuy::header_row::present) {
  size_t rows = 0;
  for (const column &c : table)
    rows = std::max(rows, c.values.size());
  std::vector<column_sample> samples(table.size());
  for (size_t c = 0; c < table.size(); ++c) {
    samples[c].header = table[c].header;
    for (size_t r = 0; r < rows; ++r)
      samples[c].values.push_back(table[c].values[r % table[c].values.size()]);
  }
  return rebuy::guess_columns(samples, header);
}

// `n` different sentences, as a review column has.
std::vector<std::string> sentences(size_t n) {
  static const char *const openings[] = {
      "The seat was comfortable and the crew were kind all the way to Mumbai",
      "Delayed for three hours without a word from anyone at the gate",
      "Food was cold and the entertainment system did not work on this flight",
      "Smooth boarding, good legroom and the lounge in Doha was excellent",
      "Lost my bag and customer service took six weeks to answer my email"};
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i)
    out.push_back(std::string(openings[i % 5]) + ", visit " + std::to_string(i + 1) + ".");
  return out;
}

const std::vector<std::string> reviews = sentences(5);

std::string scale_of(const column_guess &g) {
  return g.scale ? rebuy::describe_scale(*g.scale) : "";
}

} // namespace

TEST_CASE("unseen: a 1-10 rating without a maximum column is read on 10 points") {
  auto g = guess({{"OverallRating", {"1", "5", "7", "10", "9", "2"}}, {"ReviewBody", reviews}});
  CHECK(g[0].role == REBUY_ROLE_RATING);
  CHECK(scale_of(g[0]) == "1-10");
  CHECK(g[1].role == REBUY_ROLE_TEXT);
}

TEST_CASE("unseen: ratings get the scale their values show") {
  CHECK(scale_of(guess({{"stars", {"1", "2", "5", "4"}}})[0]) == "1-5");
  CHECK(scale_of(guess({{"stars", {"1", "4.5", "5", "3.5"}}})[0]) == "1-5 in half steps");
  CHECK(scale_of(guess({{"Reviewer_Score", {"2.5", "7.9", "10", "8.3"}}})[0]) ==
        "1-10 with decimals");
  CHECK(scale_of(guess({{"score", {"0", "3", "8", "10"}}})[0]) == "0-10");
  CHECK(scale_of(guess({{"rating", {"42", "87", "100", "65"}}})[0]) == "0-100");
  // 4.3 stars is an average someone computed, not an answer
  CHECK(guess({{"stars", {"4.3", "3.9"}}})[0].role == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("unseen: a value outside the scale is a code, not a second scale") {
  std::vector<std::string> answers = {"10", "9",  "8", "0", "7", "10", "6", "9", "3",  "5",
                                      "9",  "10", "8", "9", "4", "10", "9", "2", "11", "1"};
  auto g = guess({{"NETPRO  ", answers}});
  CHECK(g[0].role == REBUY_ROLE_NPS);
  CHECK(scale_of(g[0]) == "0-10");
  CHECK(g[0].reason.find("outside it (refused) 11 x1") != std::string::npos);
  // Many values outside every scale: no scale, no role.
  CHECK(guess({{"NPS", {"11", "13", "15", "3"}}})[0].role == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("unseen: headers name NPS by stem and abbreviation") {
  std::vector<std::string> zero_to_ten = {"0", "10", "9", "7", "3", "8"};
  for (const char *header : {"recommendation_score", "LTR", "NETPRO", "nps", "Net Promoter Score",
                             "How likely is it that you would recommend us?",
                             "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?"}) {
    INFO(header);
    CHECK(guess({{header, zero_to_ten}})[0].role == REBUY_ROLE_NPS);
  }
  // "likely" alone is not about recommending; and a 1-5 likelihood is no NPS
  CHECK(guess({{"How likely are you to choose us for meetings?", zero_to_ten}})[0].role ==
        REBUY_ROLE_ATTRIBUTE);
  CHECK(guess({{"How likely are you to recommend us? (1-5)", {"1", "3", "5", "4"}}})[0].role ==
        REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("unseen: a review's recommended flag is a stated recommendation") {
  for (auto [header, yes, no] :
       {std::tuple{"Recommended", "yes", "no"}, std::tuple{"recommended", "1", "0"},
        std::tuple{"Recommended IND", "1", "0"}, std::tuple{"recommended", "True", "False"},
        std::tuple{"voted_up", "true", "false"}}) {
    INFO(header);
    auto g = guess({{"Review", reviews}, {header, {yes, no, yes}}, {"Rating", {"5", "2", "4"}}});
    CHECK(g[1].role == REBUY_ROLE_RECOMMEND);
  }
}

TEST_CASE("unseen: a past act of recommending stays reported referral") {
  // beside the 0-10 question, "Recommended" records what the respondent did
  auto g = guess({{"Recommended", {"Yes", "No"}}, {"Likely to recommend", {"9", "10", "3"}}});
  CHECK(g[0].role == REBUY_ROLE_ATTRIBUTE);
  CHECK(g[1].role == REBUY_ROLE_NPS);
  // a question about a past act, with or without one
  CHECK(guess({{"Have you recommended us to a friend?", {"Yes", "No"}}})[0].role ==
        REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("unseen: continuing to buy is the would-buy-again question") {
  auto g = guess({{"20. Will you continue buying at Northwind?", {"Yes", "No", "Yes"}},
                  {"18. How likely you will choose Northwind for business meetings?",
                   {"1", "3", "5", "4", "2"}}});
  CHECK(g[0].role == REBUY_ROLE_BUY_AGAIN);
  CHECK(g[0].reason.find("yes/no answers") != std::string::npos);
  CHECK(g[1].role == REBUY_ROLE_ATTRIBUTE);
  CHECK(g[1].suggested == std::vector<rebuy_role>{REBUY_ROLE_RATING});
}

TEST_CASE("unseen: titles, products, countries") {
  auto g =
      guess({{"ReviewHeader", {"Great flight", "Never again", "Cold food", "Fine", "Lost bag"}},
             {"game_title", {"Counter-Strike 2", "Dota 2"}},
             {"Reviewer_Nationality", {" United Kingdom ", " France "}},
             {"Hotel_Address", {"163 Marsh Wall Docklands London E14 9SJ United Kingdom"}}});
  CHECK(g[0].role == REBUY_ROLE_TITLE);
  CHECK(g[1].role == REBUY_ROLE_PRODUCT);
  CHECK(g[2].role == REBUY_ROLE_COUNTRY);
  CHECK(g[3].role == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("unseen: aggregates, counts and a tool's labels are nobody's answer") {
  auto g = guess({{"Average_Score", {"7.1"}},
                  {"Review_Total_Negative_Word_Counts", {"31", "4", "0"}},
                  {"Sentiment", {"Positive", "Negative", "Neutral"}},
                  {"Sentiment_Polarity", {"0.25", "-0.5", "1.0"}},
                  {"days_since_review", {"0 days", "3 days", "1 day"}},
                  {"Reviewer_Score", {"2.5", "7.9", "10"}}});
  for (size_t c = 0; c < 5; ++c)
    CHECK(g[c].role == REBUY_ROLE_ATTRIBUTE);
  CHECK(g[5].role == REBUY_ROLE_RATING);
}

TEST_CASE("unseen: missing-value markers are neither answers nor texts") {
  auto g = guess({{"Translated_Review", {"nan", "nan", reviews[0], reviews[1], "NA", reviews[2]}},
                  {"Rating", {"N/A", "#N/A", "4", "5", "-", "2"}}});
  CHECK(g[0].role == REBUY_ROLE_TEXT);
  CHECK(g[1].role == REBUY_ROLE_RATING);
  CHECK(scale_of(g[1]) == "1-5");
  CHECK(rebuy::is_missing_marker("NA"));
  CHECK(rebuy::is_missing_marker("nan"));
  CHECK(rebuy::is_missing_marker("BLANK"));
  CHECK(rebuy::is_missing_marker("None"));
  CHECK(rebuy::is_missing_marker("-"));
  CHECK_FALSE(rebuy::is_missing_marker("No"));
  CHECK_FALSE(rebuy::is_missing_marker("0"));
  CHECK_FALSE(rebuy::is_missing_marker("Nancy"));
}

TEST_CASE("unseen: a source's placeholder for an empty text is missing too") {
  std::vector<std::string> negative = sentences(60);
  for (int i = 0; i < 15; ++i)
    negative.push_back("No Negative");
  auto g = guess({{"Negative_Review", negative}});
  CHECK(g[0].role == REBUY_ROLE_TEXT);
  CHECK(g[0].placeholders == std::vector<std::string>{"No Negative"});
  // "No" followed by words the header does not have is an answer
  std::vector<std::string> answers = sentences(60);
  for (int i = 0; i < 15; ++i)
    answers.push_back("No problems");
  CHECK(guess({{"Comment", answers}})[0].placeholders.empty());
}

TEST_CASE("unseen: a header never maps values that contradict it") {
  CHECK(guess({{"Rating", {"great", "awful", "fine"}}})[0].role == REBUY_ROLE_ATTRIBUTE);
  CHECK(guess({{"Date", {"3 days ago", "last week"}}})[0].role == REBUY_ROLE_ATTRIBUTE);
  CHECK(guess({{"Recommend", reviews}})[0].role == REBUY_ROLE_TEXT);
  CHECK(guess({{"Country", {"1", "2", "3"}}})[0].role == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("unseen: values carry the one column of dates whatever its header") {
  auto g = guess({{"when_posted_utc", {"2024-12-10T09:06:41.000Z", "2024-12-01T19:24:54.000Z"}},
                  {"ARRTIME", {"12/31/1899 02:00:00 PM", "12/31/1899 06:15:00 PM"}}});
  CHECK(g[0].role == REBUY_ROLE_SUBMITTED_AT);
  CHECK(g[1].role == REBUY_ROLE_ATTRIBUTE); // a time of day Excel wrote as a date in 1899
}

TEST_CASE("unseen: attributes that look like a role say which --map would map them") {
  auto g = guess({{"Q7ART", {"1", "2", "5", "4", "3"}},
                  {"Q9", {"Yes", "No"}},
                  {"Q3", {"0", "10", "9", "7", "3", "8"}},
                  {"entered", {"2024-01-02", "2024-01-03"}},
                  {"posted", {"2024-01-02", "2024-01-03"}}});
  CHECK(g[0].suggested == std::vector<rebuy_role>{REBUY_ROLE_RATING});
  CHECK(g[1].suggested == std::vector<rebuy_role>{REBUY_ROLE_RECOMMEND, REBUY_ROLE_BUY_AGAIN});
  CHECK(g[2].suggested == std::vector<rebuy_role>{REBUY_ROLE_NPS});
  // two columns of dates and no header says which: neither is taken
  CHECK(g[3].role == REBUY_ROLE_ATTRIBUTE);
  CHECK(g[3].suggested == std::vector<rebuy_role>{REBUY_ROLE_SUBMITTED_AT});
}

TEST_CASE("unseen: a first row of data is not a header") {
  std::vector<std::vector<std::string_view>> below = {
      {"2024-12-01T19:24:54.000Z", "2024-11-30T08:42:47.000Z"},
      {"1", "5"},
      {"No cumplen", "Todo bien"},
      {"No cumplen con la ley de protección de datos y te obligan a aceptar publicidad",
       "Todo llegó a tiempo y la atención fue muy amable, lo recomiendo a todos"}};
  CHECK(rebuy::first_row_is_data(
      {"2024-12-10T09:06:41.000Z", "1", "Servicio pésimo",
       "Les envío un portátil siguiendo instrucciones del servicio técnico"},
      below));
  CHECK_FALSE(rebuy::first_row_is_data({"date", "stars", "title", "text"}, below));
  CHECK_FALSE(rebuy::first_row_is_data({"Timestamp", "Rating", "Title", "Review"}, below));

  // Without a header the values decide: a date, a 1-5 rating, a title, a text.
  auto g = guess({{"column_1", {"2024-12-10T09:06:41.000Z", "2024-12-01T19:24:54.000Z"}},
                  {"column_2", {"1", "5", "3"}},
                  {"column_3", {"Servicio pésimo", "Todo bien", "No cumplen con la ley"}},
                  {"column_4", reviews}},
                 rebuy::header_row::absent);
  CHECK(g[0].role == REBUY_ROLE_SUBMITTED_AT);
  CHECK(g[1].role == REBUY_ROLE_RATING);
  CHECK(g[2].role == REBUY_ROLE_TITLE);
  CHECK(g[3].role == REBUY_ROLE_TEXT);
}

TEST_CASE("unseen: scales as the user writes them") {
  CHECK(rebuy::parse_scale("10") == value_scale{1, 10, value_scale::steps::decimals});
  CHECK(rebuy::parse_scale("0-10") == value_scale{0, 10, value_scale::steps::decimals});
  CHECK(rebuy::parse_scale(" 1 - 7 ") == value_scale{1, 7, value_scale::steps::decimals});
  CHECK_FALSE(rebuy::parse_scale("ten"));
  CHECK_FALSE(rebuy::parse_scale("10-1"));
  CHECK_FALSE(rebuy::parse_scale("1"));
}
