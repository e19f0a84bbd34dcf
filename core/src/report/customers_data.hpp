#pragma once
// Section 5: who to call — customers whose latest feedback says they will not
// come back (most valuable first), and customers won back.
#include "report/figures.hpp"
#include "report/report_scores.hpp"
#include "store/response_ref.hpp"
#include "store/sql.hpp"
#include "util/huge_pages.hpp"
#include "util/string_map.hpp"

#include <string>
#include <vector>

namespace rebuy::core {

struct customer_row {
  std::string customer;
  double value = NAN; // what they spent (see customers_data::value_basis)
  uint64_t orders = 0;
  std::string latest_at; // their latest feedback's time
  std::string said; // what that feedback said: the answer's level, or the estimate and its basis
  std::string said_label; // the same for a person: the answer's words ("Probably not")
  std::string reason;     // won back only: "said they would buy again" or "ordered again"
  std::string quote;
};

struct customers_data {
  std::string value_basis; // "orders", "order values given with feedback" or "" (unknown)
  uint64_t customers = 0;  // distinct customers with feedback saying whether they return
  uint64_t at_risk_total = 0, won_back_total = 0;
  // What the customers with intent are worth together, and the at-risk ones
  // among them (NaN when value_basis is unknown).
  double value_of_all = NAN, at_risk_value = NAN;
  std::vector<customer_row> at_risk, won_back; // at most max_rows each
};

// Every customer's orders, summed: read once, sequentially.
class customer_orders {
public:
  struct facts {
    double amount = 0;
    uint64_t orders = 0;
    int64_t last_at = INT64_MIN; // time_key of the latest order
  };
  explicit customer_orders(sql::connection &db);
  bool any() const { return any_; } // the store has orders, with or without customers
  const facts *find(std::string_view customer) const;

private:
  string_map<facts> by_customer_;
  bool any_ = false;
};

// Keeps one small record per response with a customer, and groups them by
// customer at the end by sorting: a hash map keyed by customer would cost a
// cache miss or three per response.
class customers_builder {
public:
  explicit customers_builder(size_t expected_responses) { feedback_.reserve(expected_responses); }
  void add(const scanned_response &r);
  customers_data finish(sql::connection &db, const report_scores &scores,
                        const customer_orders &orders, const report_options &options);

private:
  struct feedback {
    uint64_t hash; // of the customer
    size_t name_at;
    uint32_t name_size; // the customer: names_.substr(name_at, name_size)
    intent said;
    response_ref ref;
    int64_t at;   // time_key(submitted_at)
    double value; // order value given with it, NaN if none
  };
  std::string_view name_of(const feedback &f) const {
    return {names_.data() + f.name_at, f.name_size};
  }
  huge_vector<feedback> feedback_;
  huge_vector<char> names_;
};

} // namespace rebuy::core
