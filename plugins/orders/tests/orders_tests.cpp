#include "importer_checks.hpp"

#include <doctest/doctest.h>

namespace ic = importer_checks;

TEST_CASE("Shopify's export, one order per order, line items skipped visibly") {
  auto r = ic::import(ic::test_file("check_sample.csv"));
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.kind == REBUY_RECORD_ORDER);
  CHECK(r.role_of("Name") == REBUY_ROLE_ORDER_ID);
  CHECK(r.role_of("Email") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("Created at") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("Total") == REBUY_ROLE_ORDER_VALUE);
  CHECK(r.role_of("Currency") == REBUY_ROLE_ATTRIBUTE);
  REQUIRE(r.records.size() == 3);
  REQUIRE(r.skips.size() == 1);
  CHECK(r.skips[0].line == 4);
  CHECK(r.skips[0].reason == "a further line item of order #1002 (line 3 has the order)");
  CHECK(r.rejects.empty());

  const auto &first = r.records[0];
  CHECK(first.kind == REBUY_RECORD_ORDER);
  CHECK(first.role(REBUY_ROLE_ORDER_ID) == "#1001");
  CHECK(first.role(REBUY_ROLE_CUSTOMER) == "anna@example.com");
  CHECK(first.role(REBUY_ROLE_SUBMITTED_AT) == "2025-03-02 10:12:00 +0100");
  CHECK(first.role(REBUY_ROLE_ORDER_VALUE) == "189.95");
  CHECK(first.get("Currency") == "EUR");
  CHECK(!first.role(REBUY_ROLE_ID));
  CHECK(r.records[2].get("Financial Status") == "refunded");
}

TEST_CASE("Olist orders, a row without an order id is a reject") {
  auto r = ic::import(ic::test_file("olist_orders.csv"));
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.role_of("order_id") == REBUY_ROLE_ORDER_ID);
  CHECK(r.role_of("customer_id") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("order_purchase_timestamp") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("order_approved_at") == REBUY_ROLE_ATTRIBUTE);
  REQUIRE(r.records.size() == 2);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 4);
  CHECK(r.rejects[0].reason == "no order id: order_id is empty");
}

TEST_CASE("any CSV with order columns, by their names") {
  auto r = ic::import(std::filesystem::path(REBUY_SAMPLES_DIR) / "feedback/northwind_orders.csv");
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.role_of("order_id") == REBUY_ROLE_ORDER_ID);
  CHECK(r.role_of("customer_id") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("ordered_at") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("total") == REBUY_ROLE_ORDER_VALUE);
  CHECK(r.role_of("currency") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.records.size() > 400);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  CHECK(r.records[0].role(REBUY_ROLE_ORDER_ID) == "NW-104037");

  auto mapped = csv_test::run("ref,who,when\nA1,c1,2025-01-01\n", {{"map", "order_id=ref"}});
  REQUIRE(mapped.status == REBUY_OK);
  CHECK(mapped.records.at(0).role(REBUY_ROLE_ORDER_ID) == "A1");
  auto unmapped = csv_test::run("ref,who,when\nA1,c1,2025-01-01\n");
  CHECK(unmapped.status == REBUY_ERROR);
  CHECK(unmapped.error == "no order id column; name it with --map order_id=COLUMN");
}

TEST_CASE("probe is confident only for order-shaped headers") {
  CHECK(ic::probe_file(ic::test_file("check_sample.csv")) == 90);
  CHECK(ic::probe_file(ic::test_file("olist_orders.csv")) == 90);
  CHECK(ic::probe_file(std::filesystem::path(REBUY_SAMPLES_DIR) /
                       "feedback/northwind_orders.csv") == 70);
  CHECK(ic::probe("Order Number,Customer Email,Order Date\n") == 70);
  CHECK(ic::probe("order_id,amount,purchase_date\n") == 70);
  CHECK(ic::probe("order_id,customer_id\n") == 0);             // no date
  CHECK(ic::probe("order_id,order_date,status\n") == 0);       // no customer, no amount
  CHECK(ic::probe("order_id,customer_id,date,rating\n") == 0); // feedback about orders
  CHECK(ic::probe("order_id,customer_id,date,comment\n") == 0);
}

TEST_CASE("probe is 0 on every other format") {
  for (const auto &file : ic::foreign_files())
    if (file.filename() != "northwind_orders.csv")
      CHECK_MESSAGE(ic::probe_file(file) == 0, file.string());
}
