#pragma once
// Section 5: who to call — customers whose latest feedback says they will not
// come back (most valuable first), and customers won back.
#include "report/figures.hpp"
#include "report/string_map.hpp"
#include "store/sqlite.hpp"

#include <string>
#include <vector>

namespace rebuy::core {

struct customer_row {
  std::string customer;
  double value = NAN; // what they spent (see customers_data::value_basis)
  uint64_t orders = 0;
  std::string latest_at; // their latest feedback's time
  std::string said;      // what that feedback said: the answer, or the estimate and its basis
  std::string reason;    // won back only: "said they would buy again" or "ordered again"
  std::string quote;
};

struct customers_data {
  std::string value_basis; // "orders", "order values given with feedback" or "" (unknown)
  uint64_t customers = 0;  // distinct customers with feedback saying whether they return
  uint64_t at_risk_total = 0, won_back_total = 0;
  std::vector<customer_row> at_risk, won_back; // at most max_rows each
};

class customers_builder {
public:
  void add(const scanned_response &r);
  customers_data finish(sql::connection &db, const report_options &options) const;

private:
  struct state {
    int64_t latest_id = 0;
    std::string latest_at; // "" sorts before every time: undated feedback counts as oldest
    intent latest = intent::unknown;
    std::string latest_said;
    std::string first_no_at; // earliest would-not feedback
    bool said_no = false;
    double stated_value = 0;
    bool has_stated_value = false;
    bool has_intent = false; // some feedback says whether they return
  };
  string_map<state> customers_;
};

} // namespace rebuy::core
