#include "importer_checks.hpp"

#include <doctest/doctest.h>

namespace ic = importer_checks;

namespace post_purchase {
rebuy_role answer_role(std::string_view question, std::string_view answer);
}
using post_purchase::answer_role;

TEST_CASE("an answer's role comes from its question") {
  CHECK(answer_role("How likely are you to recommend us to a friend?", "9") == REBUY_ROLE_NPS);
  CHECK(answer_role("How likely are you to recommend us?", "Very likely") == REBUY_ROLE_RECOMMEND);
  CHECK(answer_role("Would you buy from us again?", "Yes") == REBUY_ROLE_BUY_AGAIN);
  CHECK(answer_role("Will you purchase again?", "Maybe") == REBUY_ROLE_BUY_AGAIN);
  CHECK(answer_role("Would you order again?", "No") == REBUY_ROLE_BUY_AGAIN);
  CHECK(answer_role("How did you hear about us?", "TikTok") == REBUY_ROLE_CHANNEL);
  CHECK(answer_role("Anything else?", "No") == REBUY_ROLE_TEXT);
  CHECK(answer_role("Which size did you order?", "M") == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("one record per row, keyed by its order, the question naming the answer") {
  auto r = ic::import(ic::test_file("check_sample.csv"));
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.kind == REBUY_RECORD_POST_PURCHASE);
  CHECK(r.role_of("order_id") == REBUY_ROLE_ORDER_ID);
  CHECK(r.role_of("customer_id") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("email") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("customer_order_count") == REBUY_ROLE_ORDER_COUNT);
  CHECK(r.role_of("order_total") == REBUY_ROLE_ORDER_VALUE);
  CHECK(r.role_of("inserted_at") == REBUY_ROLE_SUBMITTED_AT);
  REQUIRE(r.records.size() == 6);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());

  for (const auto &rec : r.records) {
    CHECK(rec.kind == REBUY_RECORD_POST_PURCHASE);
    CHECK(rec.role(REBUY_ROLE_ID) == rec.get("order_id"));
    CHECK(!rec.get("question"));
    CHECK(!rec.get("response"));
  }
  const auto &hear = r.records[0];
  CHECK(hear.role(REBUY_ROLE_ID) == "5550001");
  CHECK(hear.role(REBUY_ROLE_CHANNEL) == "Instagram");
  CHECK(hear.get("How did you hear about us?") == "Instagram");
  CHECK(hear.role(REBUY_ROLE_ORDER_COUNT) == "1");
  CHECK(hear.role(REBUY_ROLE_ORDER_VALUE) == "189.95");
  CHECK(hear.role(REBUY_ROLE_CUSTOMER) == "6012345670001");
  CHECK(hear.role(REBUY_ROLE_SUBMITTED_AT) == "2025-03-02T10:12:00Z");
  CHECK(r.records[1].role(REBUY_ROLE_NPS) == "9");
  CHECK(r.records[2].role(REBUY_ROLE_BUY_AGAIN) == "Definitely would");
  CHECK(r.records[3].role(REBUY_ROLE_CHANNEL) == "My cousin, who swears by your boots");
  CHECK(r.records[3].get("other") == "true");
  CHECK(r.records[4].role(REBUY_ROLE_TEXT) == "Delivery was late & the box was crushed.");
  CHECK(r.records[5].get("What did you buy this for?") == "A hiking trip");
}

TEST_CASE("unanswered questions, order numbers, blank rows") {
  auto r = csv_test::run("question,response,order_number,email\n"
                         "Would you buy again?,,#1001,a@example.com\n"
                         "Would you buy again?,Yes,#1002,\n"
                         ",,,\n");
  REQUIRE(r.status == REBUY_OK);
  REQUIRE(r.records.size() == 2);
  // Nothing answered: the question stays as a column, the order still keys it.
  CHECK(r.records[0].get("question") == "Would you buy again?");
  CHECK(!r.records[0].role(REBUY_ROLE_BUY_AGAIN));
  CHECK(r.records[0].role(REBUY_ROLE_ID) == "#1001");
  CHECK(r.records[0].role(REBUY_ROLE_CUSTOMER) == "a@example.com");
  CHECK(r.records[1].role(REBUY_ROLE_BUY_AGAIN) == "Yes");
  CHECK(r.records[1].role(REBUY_ROLE_ID) == "#1002");
  REQUIRE(r.skips.size() == 1);
  CHECK(r.skips[0].line == 4);
}

TEST_CASE("probe") {
  CHECK(ic::probe_file(ic::test_file("check_sample.csv")) == 90);
  CHECK(ic::probe("Question,Answer,Order Number\n") == 90);
  CHECK(ic::probe("question,response,customer_id\n") == 0);
  for (const auto &file : ic::foreign_files())
    CHECK_MESSAGE(ic::probe_file(file) == 0, file.string());
}
