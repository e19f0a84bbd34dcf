// Role guessing on headers and values seen in real exports.
#include <rebuy/role_guess.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using rebuy::column_sample;
using rebuy::guess_roles;
using rebuy::looks_like_date;
using rebuy::normalize_header;

namespace {

// Builds columns from a header list and rows of values.
std::vector<rebuy_role> guess(const std::vector<std::string> &headers,
                              const std::vector<std::vector<std::string>> &rows) {
  std::vector<column_sample> columns(headers.size());
  for (size_t c = 0; c < headers.size(); ++c) {
    columns[c].header = headers[c];
    for (const auto &row : rows)
      columns[c].values.push_back(row.at(c));
  }
  return guess_roles(columns);
}

} // namespace

TEST_CASE("roles: header normalisation") {
  CHECK(normalize_header("Likely-To-Recommend") == "likely to recommend");
  CHECK(normalize_header("ResponseId") == "response id");
  CHECK(normalize_header("RespondentID") == "respondent id");
  CHECK(normalize_header("IPAddress") == "ip address");
  CHECK(normalize_header("review_comment_title") == "review comment title");
  CHECK(normalize_header("  Submit Date (UTC) ") == "submit date utc");
  CHECK(normalize_header("#") == "#");
  CHECK(normalize_header("developerResponse") == "developer response");
  CHECK(normalize_header("NPS") == "nps");
}

TEST_CASE("roles: date values") {
  CHECK(looks_like_date("2018-01-18 00:00:00"));
  CHECK(looks_like_date("2017-11-15T08:10:34-08:00"));
  CHECK(looks_like_date("3/14/2021 9:05:00"));
  CHECK(looks_like_date("14.03.2021"));
  CHECK(looks_like_date("09 13, 2009"));
  CHECK(looks_like_date("Sep 13, 2009"));
  CHECK(looks_like_date("2 March 2020 10:00 PM"));
  CHECK(looks_like_date("2025-03-02 10:12:00 UTC"));
  CHECK(looks_like_date("1510761034"));
  CHECK(looks_like_date("1510761034000"));
  CHECK_FALSE(looks_like_date("0-6 months ago"));
  CHECK_FALSE(looks_like_date("192.168.1.1"));
  CHECK_FALSE(looks_like_date("1.2.3"));
  CHECK_FALSE(looks_like_date("42"));
  CHECK_FALSE(looks_like_date("Marketing 2020"));
  CHECK_FALSE(looks_like_date(""));
}

TEST_CASE("roles: an NPS question and a past-tense Recommended") {
  auto roles =
      guess({"Country", "Recommended", "Likely-To-Recommend"},
            {{"Norway", "Yes.", "10"}, {"Spain", "No.", ""}, {"", "I don't remember.", "7"}});
  CHECK(roles == std::vector<rebuy_role>{REBUY_ROLE_COUNTRY, REBUY_ROLE_ATTRIBUTE, REBUY_ROLE_NPS});
}

TEST_CASE("roles: NPS needs 0-10 integers") {
  auto roles = guess({"How likely are you to recommend us?"}, {{"Very likely"}, {"Unlikely"}});
  CHECK(roles[0] == REBUY_ROLE_ATTRIBUTE);
  roles = guess({"NPS"}, {{"11"}, {"3"}});
  CHECK(roles[0] == REBUY_ROLE_ATTRIBUTE);
  roles = guess({"NPS score"}, {{"0"}, {" 10 "}, {""}});
  CHECK(roles[0] == REBUY_ROLE_NPS);
}

TEST_CASE("roles: would recommend yes or no") {
  auto roles = guess({"Would you recommend us to a friend?"}, {{"Yes"}, {"No"}, {"yes"}});
  CHECK(roles[0] == REBUY_ROLE_RECOMMEND);
}

TEST_CASE("roles: repurchase questions") {
  auto roles = guess({"Would you buy from us again?", "Why would you buy again?"},
                     {{"Definitely", "Because the delivery was fast and the staff were kind to me"},
                      {"Probably not", "Prices are too high for what you get, honestly speaking"}});
  CHECK(roles == std::vector<rebuy_role>{REBUY_ROLE_BUY_AGAIN, REBUY_ROLE_TEXT});
  CHECK(guess({"repurchase_intent"}, {{"4"}})[0] == REBUY_ROLE_BUY_AGAIN);
  CHECK(guess({"Will you come back?"}, {{"yes"}})[0] == REBUY_ROLE_BUY_AGAIN);
  // the brand between the words
  CHECK(guess({"How likely are you to purchase from Acme Shoes again?"}, {{"4"}})[0] ==
        REBUY_ROLE_BUY_AGAIN);
  CHECK(guess({"Would you shop at our store again?"}, {{"Yes"}})[0] == REBUY_ROLE_BUY_AGAIN);
  // ... but in that order, as whole words
  CHECK(guess({"Again, what did you buy?"}, {{"Shoes"}})[0] == REBUY_ROLE_ATTRIBUTE);
  CHECK(guess({"Did the buyer agree?"}, {{"Yes"}})[0] == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("roles: Olist order reviews") {
  auto roles = guess({"review_id", "order_id", "review_score", "review_comment_title",
                      "review_comment_message", "review_creation_date", "review_answer_timestamp"},
                     {{"7bc24", "73fc7", "4", "", "", "2018-01-18 00:00:00", "2018-01-18 21:46:59"},
                      {"80e64", "a5489", "5", "recomendo", "Recebi bem antes do prazo.",
                       "2018-03-10 00:00:00", "2018-03-11 03:05:13"}});
  CHECK(roles == std::vector<rebuy_role>{REBUY_ROLE_ID, REBUY_ROLE_ORDER_ID, REBUY_ROLE_RATING,
                                         REBUY_ROLE_TITLE, REBUY_ROLE_TEXT, REBUY_ROLE_SUBMITTED_AT,
                                         REBUY_ROLE_ATTRIBUTE});
}

TEST_CASE("roles: Amazon review TSV") {
  auto roles =
      guess({"marketplace", "customer_id", "review_id", "product_id", "product_parent",
             "product_title", "product_category", "star_rating", "helpful_votes", "total_votes",
             "vine", "verified_purchase", "review_headline", "review_body", "review_date"},
            {{"US", "123", "R1", "B00", "9", "A shirt", "Apparel", "5", "0", "0", "N", "Y",
              "Five Stars", "Fits well.", "2015-08-31"},
             {"US", "456", "R2", "B01", "8", "A hat", "Apparel", "2", "1", "3", "N", "Y", "Meh",
              "Too small for my head.", "2015-08-30"}});
  CHECK(roles ==
        std::vector<rebuy_role>{REBUY_ROLE_COUNTRY, REBUY_ROLE_CUSTOMER, REBUY_ROLE_ID,
                                REBUY_ROLE_PRODUCT, REBUY_ROLE_ATTRIBUTE, REBUY_ROLE_ATTRIBUTE,
                                REBUY_ROLE_ATTRIBUTE, REBUY_ROLE_RATING, REBUY_ROLE_ATTRIBUTE,
                                REBUY_ROLE_ATTRIBUTE, REBUY_ROLE_ATTRIBUTE, REBUY_ROLE_ATTRIBUTE,
                                REBUY_ROLE_TITLE, REBUY_ROLE_TEXT, REBUY_ROLE_SUBMITTED_AT});
}

TEST_CASE("roles: app store reviews with a developer response") {
  auto roles =
      guess({"date", "username", "review", "rating", "platform", "developerResponse", "language"},
            {{"2024-11-09", "Amy", "好用", "3", "Android", "", "zh"},
             {"2024-11-08", "Bo", "太慢了", "2", "iOS", "謝謝您的回饋，我們會改進", "zh"}});
  CHECK(roles == std::vector<rebuy_role>{REBUY_ROLE_SUBMITTED_AT, REBUY_ROLE_ATTRIBUTE,
                                         REBUY_ROLE_TEXT, REBUY_ROLE_RATING, REBUY_ROLE_CHANNEL,
                                         REBUY_ROLE_ATTRIBUTE, REBUY_ROLE_LANGUAGE});
}

TEST_CASE("roles: Qualtrics and Typeform metadata") {
  auto roles = guess({"StartDate", "EndDate", "RecordedDate", "ResponseId", "RecipientEmail",
                      "DistributionChannel", "UserLanguage"},
                     {{"2021-03-01 10:00:00", "2021-03-01 10:05:00", "2021-03-01 10:05:01", "R_1",
                       "a@x.com", "email", "EN"},
                      {"2021-03-02 10:00:00", "2021-03-02 10:05:00", "2021-03-02 10:05:01", "R_2",
                       "b@x.com", "anonymous", "EN"}});
  CHECK(roles == std::vector<rebuy_role>{REBUY_ROLE_ATTRIBUTE, REBUY_ROLE_SUBMITTED_AT,
                                         REBUY_ROLE_ATTRIBUTE, REBUY_ROLE_ID, REBUY_ROLE_CUSTOMER,
                                         REBUY_ROLE_CHANNEL, REBUY_ROLE_LANGUAGE});
  roles =
      guess({"#", "How was it?", "Start Date (UTC)", "Stage Date (UTC)", "Submit Date (UTC)"},
            {{"abc", "Good", "2021-03-01 10:00:00", "2021-03-01 10:01:00", "2021-03-01 10:02:00"},
             {"def", "Bad", "2021-03-01 11:00:00", "2021-03-01 11:01:00", "2021-03-01 11:02:00"}});
  CHECK(roles == std::vector<rebuy_role>{REBUY_ROLE_ID, REBUY_ROLE_ATTRIBUTE, REBUY_ROLE_ATTRIBUTE,
                                         REBUY_ROLE_ATTRIBUTE, REBUY_ROLE_SUBMITTED_AT});
}

TEST_CASE("roles: an id must be unique in the sample") {
  CHECK(guess({"id"}, {{"1"}, {"2"}, {"3"}})[0] == REBUY_ROLE_ID);
  CHECK(guess({"id"}, {{"1"}, {"2"}, {"1"}})[0] == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("roles: only the first column takes a single-valued role, text may repeat") {
  auto roles = guess({"rating", "Overall Rating", "comment", "feedback"},
                     {{"4", "5", "nice", "good"}, {"2", "3", "bad", "meh"}});
  CHECK(roles == std::vector<rebuy_role>{REBUY_ROLE_RATING, REBUY_ROLE_ATTRIBUTE, REBUY_ROLE_TEXT,
                                         REBUY_ROLE_TEXT});
}

TEST_CASE("roles: ratings are on 5, 10 or 100 points, 5 in whole or half steps") {
  CHECK(guess({"stars"}, {{"4.5"}, {"5.0"}, {"1"}})[0] == REBUY_ROLE_RATING);
  CHECK(guess({"stars"}, {{"4.3"}})[0] == REBUY_ROLE_ATTRIBUTE);
  CHECK(guess({"rating"}, {{"42"}})[0] == REBUY_ROLE_RATING);
  CHECK(guess({"rating"}, {{"420"}})[0] == REBUY_ROLE_ATTRIBUTE);
  CHECK(guess({"Sentiment Score"}, {{"0.5"}})[0] == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("roles: long varied sentences are text whatever the header") {
  auto roles =
      guess({"Q7", "Q8"},
            {{"The checkout kept failing on my phone so I gave up twice before it worked",
              "Using programming languages like R or Python to automate repetitive tasks."},
             {"Great service, the parcel arrived a day early and was well packed",
              "Using programming languages like R or Python to automate repetitive tasks."},
             {"", "Using programming languages like R or Python to automate repetitive tasks."}});
  CHECK(roles == std::vector<rebuy_role>{REBUY_ROLE_TEXT, REBUY_ROLE_ATTRIBUTE});
}

TEST_CASE("roles: dimensions and order facts") {
  auto roles = guess({"customer_email", "plan", "journey stage", "order number", "order_total",
                      "orders", "Source", "CSAT", "product"},
                     {{"a@b.c", "Pro", "onboarding", "1001", "19.99", "3", "web", "4", "Shoe"},
                      {"d@e.f", "Free", "renewal", "1002", "5.00", "1", "app", "5", "Hat"}});
  CHECK(roles == std::vector<rebuy_role>{REBUY_ROLE_CUSTOMER, REBUY_ROLE_SEGMENT,
                                         REBUY_ROLE_JOURNEY_STAGE, REBUY_ROLE_ORDER_ID,
                                         REBUY_ROLE_ORDER_VALUE, REBUY_ROLE_ORDER_COUNT,
                                         REBUY_ROLE_CHANNEL, REBUY_ROLE_CSAT, REBUY_ROLE_PRODUCT});
}

TEST_CASE("roles: a date header with non-date values is not a date") {
  CHECK(guess({"Date"}, {{"yesterday"}, {"last week"}})[0] == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("roles: a text header over one repeated label is a checkbox, not text") {
  std::vector<std::vector<std::string>> rows(6, {"Cloud Computing"});
  CHECK(guess({"Content"}, rows)[0] == REBUY_ROLE_ATTRIBUTE);
  rows[5][0] = "Databases";
  CHECK(guess({"Content"}, rows)[0] == REBUY_ROLE_TEXT);
}

TEST_CASE("roles: a survey's question text names a column its tag does not") {
  std::vector<std::string_view> scores = {"9", "10", "3"};
  std::vector<std::string_view> answers = {"Definitely", "Probably not", "Maybe"};
  std::vector<column_sample> columns(3);
  columns[0] = {"Q3", "How likely are you to recommend us to a friend?", scores, std::nullopt};
  columns[1] = {"Q4", "Würden Sie wieder bei uns kaufen? / Would you buy again?", answers,
                std::nullopt};
  columns[2] = {"Q5", "Which store did you visit?", answers, std::nullopt};
  CHECK(guess_roles(columns) ==
        std::vector<rebuy_role>{REBUY_ROLE_NPS, REBUY_ROLE_BUY_AGAIN, REBUY_ROLE_ATTRIBUTE});
  // questions that ask for words are text, however short the answers
  columns[2].label = "Anything else you would like to tell us?";
  CHECK(guess_roles(columns)[2] == REBUY_ROLE_TEXT);
  columns[2].label = "What is the main reason for your score?";
  CHECK(guess_roles(columns)[2] == REBUY_ROLE_TEXT);
  // the tag alone says nothing
  columns[0].label = {};
  CHECK(guess_roles(columns)[0] == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("roles: known roles are kept and taken before any guess") {
  std::vector<std::string_view> ids = {"1", "2"}, dates = {"2021-03-01", "2021-03-02"};
  std::vector<column_sample> columns(4);
  columns[0] = {"id", {}, ids, std::nullopt};
  columns[1] = {"Submitted", {}, dates, std::nullopt};
  columns[2] = {"token", {}, ids, REBUY_ROLE_ID};
  columns[3] = {"Score", {}, ids, REBUY_ROLE_ATTRIBUTE};
  CHECK(guess_roles(columns) == std::vector<rebuy_role>{REBUY_ROLE_ATTRIBUTE,
                                                        REBUY_ROLE_SUBMITTED_AT, REBUY_ROLE_ID,
                                                        REBUY_ROLE_ATTRIBUTE});
}
