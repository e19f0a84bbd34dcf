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
  const bool says = said == intent::would || said == intent::would_not;
  // Order values given with any response count, even one without an intent.
  if (!says && std::isnan(r.order_value)) return;
  state &s = entry(customers_, r.customer);
  if (!std::isnan(r.order_value)) s.stated_value += r.order_value, s.has_stated_value = true;
  if (!says) return;
  s.has_intent = true;
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
  out.customers = static_cast<uint64_t>(std::count_if(
      customers_.begin(), customers_.end(), [](const auto &c) { return c.second.has_intent; }));
  // One sequential pass over the orders: cheaper than grouping through the
  // customer index, which looks every order up again for its amount.
  string_map<order_facts> orders;
  bool any_orders = false;
  {
    auto s = db.prepare("SELECT customer, amount, ordered_at FROM orders");
    while (s.step()) {
      any_orders = true;
      std::string_view customer = s.column_text(0);
      if (customer.empty() || customers_.find(customer) == customers_.end()) continue;
      auto &o = entry(orders, customer);
      o.amount += s.is_null(1) ? 0 : s.column_double(1);
      ++o.orders;
      std::string_view at = s.column_text(2);
      if (at > o.last_at) o.last_at = at;
    }
  }
  const bool any_stated = std::any_of(customers_.begin(), customers_.end(),
                                      [](const auto &c) { return c.second.has_stated_value; });
  out.value_basis = any_orders ? "orders" : any_stated ? "order values given with feedback" : "";

  // Classify everyone, keep only what ranking needs, build rows for those shown.
  struct candidate {
    double value;
    const std::string *customer;
    const state *s;
    const order_facts *o;
    bool won_by_order;
  };
  std::vector<candidate> at_risk, won_back;
  for (const auto &[customer, s] : customers_) {
    if (!s.has_intent) continue;
    auto o = orders.find(customer);
    const order_facts *facts = o == orders.end() ? nullptr : &o->second;
    double value = NAN;
    if (any_orders)
      value = facts ? facts->amount : 0;
    else if (s.has_stated_value)
      value = s.stated_value;
    // An order after the latest "no" (times compare as ISO text) wins them back.
    const bool ordered_since = facts && !s.latest_at.empty() && facts->last_at > s.latest_at;
    if (s.latest == intent::would_not && !ordered_since)
      at_risk.push_back({value, &customer, &s, facts, false});
    else if (s.said_no && s.latest == intent::would_not)
      won_back.push_back({value, &customer, &s, facts, true});
    else if (s.said_no && s.first_no_at < s.latest_at)
      won_back.push_back({value, &customer, &s, facts, false});
  }
  out.at_risk_total = at_risk.size();
  out.won_back_total = won_back.size();
  auto by_value = [](const candidate &a, const candidate &b) {
    double x = std::isnan(a.value) ? -1 : a.value, y = std::isnan(b.value) ? -1 : b.value;
    if (x != y) return x > y;
    if (a.s->latest_at != b.s->latest_at) return a.s->latest_at > b.s->latest_at;
    return *a.customer < *b.customer;
  };
  auto rows_of = [&](std::vector<candidate> &all, bool won) {
    const size_t keep = std::min(all.size(), options.max_rows);
    std::partial_sort(all.begin(), all.begin() + static_cast<ptrdiff_t>(keep), all.end(), by_value);
    std::vector<customer_row> rows;
    for (size_t i = 0; i < keep; ++i) {
      const auto &c = all[i];
      customer_row row;
      row.customer = *c.customer;
      row.value = c.value;
      row.orders = c.o ? c.o->orders : 0;
      row.latest_at = c.s->latest_at;
      row.said = c.s->latest_said;
      if (won)
        row.reason = c.won_by_order ? "ordered again after saying they would not"
                                    : "said they would buy again after saying they would not";
      row.quote = quote_of(response_text(db, c.s->latest_id)); // one lookup per row shown
      rows.push_back(std::move(row));
    }
    return rows;
  };
  out.at_risk = rows_of(at_risk, false);
  out.won_back = rows_of(won_back, true);
  return out;
}

} // namespace rebuy::core
