#include "report/customers_data.hpp"

#include "report/themes_data.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rebuy::core {
namespace {

std::string said_of(const scanned_response &r) {
  if (!r.level_label.empty()) return std::string(r.level_label);
  if (!std::isnan(r.top2)) return r.top2 == 1 ? "top-2 box" : "below the top-2 box";
  return fmt::format("estimated {:.0f} % ({})", 100 * r.probability, r.basis);
}

struct order_facts {
  double amount = 0;
  uint64_t orders = 0;
  std::string last_at;
};

} // namespace

void customers_builder::add(const scanned_response &r) {
  if (r.customer.empty()) return;
  const intent said = r.stated_intent();
  if (said != intent::would && said != intent::would_not) return;
  auto it = customers_.find(std::string(r.customer));
  if (it == customers_.end()) it = customers_.emplace(std::string(r.customer), state{}).first;
  state &s = it->second;
  if (!std::isnan(r.order_value)) s.stated_value += r.order_value, s.has_stated_value = true;
  if (said == intent::would_not) {
    if (!s.said_no || r.submitted_at < s.first_no_at) s.first_no_at = r.submitted_at;
    s.said_no = true;
  }
  if (s.latest_id == 0 || r.submitted_at > s.latest_at ||
      (r.submitted_at == s.latest_at && r.id > s.latest_id)) {
    s.latest_id = r.id;
    s.latest_at = r.submitted_at;
    s.latest = said;
    s.latest_said = said_of(r);
  }
}

customers_data customers_builder::finish(sql::connection &db, const report_options &options) const {
  customers_data out;
  out.customers = customers_.size();
  std::unordered_map<std::string, order_facts> orders;
  {
    auto s = db.prepare("SELECT customer, sum(amount), count(*), max(ordered_at) FROM orders "
                        "WHERE customer IS NOT NULL GROUP BY customer");
    while (s.step()) {
      auto it = customers_.find(std::string(s.column_text(0)));
      if (it == customers_.end()) continue;
      orders[it->first] = {s.column_double(1), static_cast<uint64_t>(s.column_int(2)),
                           std::string(s.column_text(3))};
    }
  }
  {
    auto s = db.prepare("SELECT EXISTS (SELECT 1 FROM orders)");
    s.step();
    bool any_orders = s.column_int(0) != 0;
    bool any_stated = std::any_of(customers_.begin(), customers_.end(),
                                  [](const auto &c) { return c.second.has_stated_value; });
    out.value_basis = any_orders ? "orders" : any_stated ? "order values given with feedback" : "";
  }
  for (const auto &[customer, s] : customers_) {
    customer_row row;
    row.customer = customer;
    row.latest_at = s.latest_at;
    row.said = s.latest_said;
    auto o = orders.find(customer);
    if (out.value_basis == "orders") {
      row.value = o == orders.end() ? 0 : o->second.amount;
      row.orders = o == orders.end() ? 0 : o->second.orders;
    } else if (s.has_stated_value) {
      row.value = s.stated_value;
    }
    // An order after the latest "no" (times compare as ISO text) wins them back.
    bool ordered_since =
        o != orders.end() && !s.latest_at.empty() && o->second.last_at > s.latest_at;
    if (s.latest == intent::would_not && !ordered_since) {
      ++out.at_risk_total;
      out.at_risk.push_back(std::move(row));
    } else if (s.said_no && s.latest == intent::would_not) {
      row.reason = "ordered again after saying they would not";
      ++out.won_back_total;
      out.won_back.push_back(std::move(row));
    } else if (s.said_no && s.first_no_at < s.latest_at) {
      row.reason = "said they would buy again after saying they would not";
      ++out.won_back_total;
      out.won_back.push_back(std::move(row));
    }
  }
  auto by_value = [](const customer_row &a, const customer_row &b) {
    double x = std::isnan(a.value) ? -1 : a.value, y = std::isnan(b.value) ? -1 : b.value;
    if (x != y) return x > y;
    if (a.latest_at != b.latest_at) return a.latest_at > b.latest_at;
    return a.customer < b.customer;
  };
  for (auto *rows : {&out.at_risk, &out.won_back}) {
    size_t keep = std::min(rows->size(), options.max_rows);
    std::partial_sort(rows->begin(), rows->begin() + static_cast<ptrdiff_t>(keep), rows->end(),
                      by_value);
    rows->resize(keep);
  }
  // Quotes only for the rows shown: one lookup each.
  std::unordered_map<std::string, int64_t> latest;
  for (auto *rows : {&out.at_risk, &out.won_back})
    for (auto &row : *rows)
      row.quote = quote_of(response_text(db, customers_.at(row.customer).latest_id));
  return out;
}

} // namespace rebuy::core
