#include "report/customers_data.hpp"

#include "report/format.hpp"
#include "report/themes_data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>

namespace rebuy::core {
namespace {

std::string said_of(const scanned_response &r) {
  if (!r.level_label.empty()) return std::string(r.level_label);
  if (!std::isnan(r.top2)) return r.top2 == 1 ? "top-2 box" : "below the top-2 box";
  return fmt::format("estimated {:.0f} % ({})", 100 * r.probability, r.basis);
}

// One customer's feedback, folded.
struct customer_state {
  std::string_view customer;
  int64_t latest_id = 0, latest_at = std::numeric_limits<int64_t>::min();
  intent latest = intent::unknown;
  int64_t first_no_at = 0; // earliest would-not feedback, when said_no
  bool said_no = false;
  double stated_value = 0;
  bool has_stated_value = false;
  bool has_intent = false; // some feedback says whether they return
};

// The first `limit` items in the order `before`, kept as they come (a heap whose top is the last
// kept); the others are only counted.
template <typename T, typename Before> class first_few {
public:
  first_few(size_t limit, Before before) : limit_(limit), before_(before) {}
  void offer(const T &item) {
    ++offered_;
    if (kept_.size() < limit_) {
      kept_.push_back(item);
      std::push_heap(kept_.begin(), kept_.end(), before_);
    } else if (limit_ > 0 && before_(item, kept_.front())) {
      std::pop_heap(kept_.begin(), kept_.end(), before_);
      kept_.back() = item;
      std::push_heap(kept_.begin(), kept_.end(), before_);
    }
  }
  uint64_t offered() const { return offered_; }
  // The kept items, first first.
  std::vector<T> sorted() const {
    std::vector<T> out = kept_;
    std::sort_heap(out.begin(), out.end(), before_);
    return out;
  }

private:
  size_t limit_;
  Before before_;
  std::vector<T> kept_;
  uint64_t offered_ = 0;
};

} // namespace

customer_orders::customer_orders(sql::connection &db) {
  auto s = db.prepare_scan("SELECT customer, amount, ordered_at FROM orders");
  while (s.step()) {
    any_ = true;
    std::string_view customer = s.column_text(0);
    if (customer.empty()) continue;
    auto &o = entry(by_customer_, customer);
    o.amount += s.is_null(1) ? 0 : s.column_double(1);
    ++o.orders;
    o.last_at = std::max(o.last_at, time_key(s.column_text(2)));
  }
}

const customer_orders::facts *customer_orders::find(std::string_view customer) const {
  auto it = by_customer_.find(customer);
  return it == by_customer_.end() ? nullptr : &it->second;
}

void customers_builder::add(const scanned_response &r) {
  if (r.customer.empty()) return;
  const intent said = r.stated_intent();
  const bool says = said == intent::would || said == intent::would_not;
  // Order values given with any response count, even one without an intent.
  if (!says && std::isnan(r.order_value)) return;
  feedback f;
  f.hash = std::hash<std::string_view>{}(r.customer);
  f.name_at = names_.size();
  f.name_size = static_cast<uint32_t>(std::min<size_t>(r.customer.size(), UINT32_MAX));
  names_.insert(names_.end(), r.customer.begin(), r.customer.begin() + f.name_size);
  f.said = says ? said : intent::unknown;
  f.ref = r.ref();
  f.at = time_key(r.submitted_at);
  f.value = r.order_value;
  feedback_.push_back(f);
}

customers_data customers_builder::finish(sql::connection &db, const report_scores &scores,
                                         const customer_orders &orders,
                                         const report_options &options) {
  // Each customer's feedback together, oldest first; feedback given at one time in the order
  // examples are chosen in, not in the order it arrived.
  std::sort(feedback_.begin(), feedback_.end(), [this](const feedback &a, const feedback &b) {
    if (a.hash != b.hash) return a.hash < b.hash;
    if (int c = name_of(a).compare(name_of(b)); c != 0) return c < 0;
    return a.at != b.at ? a.at < b.at : chosen_before(a.ref, b.ref);
  });

  customers_data out;
  out.value_basis = orders.any() ? "orders" : "";
  struct candidate {
    double value;
    std::string_view customer;
    int64_t latest_at, latest_id;
    const customer_orders::facts *o;
    bool won_by_order;
  };
  // Most valuable first; of equal value, the latest feedback first.
  auto by_value = [](const candidate &a, const candidate &b) {
    double x = std::isnan(a.value) ? -1 : a.value, y = std::isnan(b.value) ? -1 : b.value;
    if (x != y) return x > y;
    if (a.latest_at != b.latest_at) return a.latest_at > b.latest_at;
    return a.customer < b.customer;
  };
  first_few<candidate, decltype(by_value)> at_risk(options.max_rows, by_value),
      won_back(options.max_rows, by_value);
  double value_of_all = 0, at_risk_value = 0;
  auto classify = [&](const customer_state &s) {
    if (s.has_stated_value && out.value_basis.empty())
      out.value_basis = "order values given with feedback";
    if (!s.has_intent) return;
    ++out.customers;
    const customer_orders::facts *facts = orders.find(s.customer);
    double value = NAN;
    if (orders.any())
      value = facts ? facts->amount : 0;
    else if (s.has_stated_value)
      value = s.stated_value;
    // An order after the latest "no" wins them back; undated feedback has no "after".
    const bool ordered_since =
        facts && s.latest_at != std::numeric_limits<int64_t>::min() && facts->last_at > s.latest_at;
    const candidate c{value, s.customer, s.latest_at, s.latest_id, facts, false};
    const double known_value = std::isnan(value) ? 0 : value;
    value_of_all += known_value;
    if (s.latest == intent::would_not && !ordered_since)
      at_risk.offer(c), at_risk_value += known_value;
    else if (s.said_no && s.latest == intent::would_not)
      won_back.offer({value, s.customer, s.latest_at, s.latest_id, facts, true});
    else if (s.said_no && s.first_no_at < s.latest_at)
      won_back.offer(c);
  };
  for (size_t i = 0; i < feedback_.size();) {
    const uint64_t hash = feedback_[i].hash;
    customer_state s;
    s.customer = name_of(feedback_[i]);
    for (; i < feedback_.size() && feedback_[i].hash == hash && name_of(feedback_[i]) == s.customer;
         ++i) {
      const feedback &f = feedback_[i];
      if (!std::isnan(f.value)) s.stated_value += f.value, s.has_stated_value = true;
      if (f.said == intent::unknown) continue;
      s.has_intent = true;
      if (f.said == intent::would_not && !s.said_no) s.first_no_at = f.at, s.said_no = true;
      s.latest_id = f.ref.id, s.latest_at = f.at, s.latest = f.said; // sorted: the last one wins
    }
    classify(s);
  }
  if (out.value_basis.empty()) value_of_all = at_risk_value = NAN;
  out.value_of_all = value_of_all, out.at_risk_value = at_risk_value;
  out.at_risk_total = at_risk.offered();
  out.won_back_total = won_back.offered();

  // One lookup per row shown for what only the rows need.
  auto latest = db.prepare(
      "SELECT coalesce(submitted_at, ''), coalesce(text, title, '') FROM responses WHERE id = ?1");
  auto rows_of = [&](const first_few<candidate, decltype(by_value)> &best, bool won) {
    std::vector<customer_row> rows;
    for (const candidate &c : best.sorted()) {
      customer_row row;
      row.customer = c.customer;
      row.value = c.value;
      row.orders = c.o ? c.o->orders : 0;
      latest.bind(1, c.latest_id);
      if (latest.step()) {
        row.latest_at = latest.column_text(0);
        row.quote = quote_of(latest.column_text(1));
      }
      latest.reset();
      scanned_response r;
      r.id = c.latest_id;
      scores.fill(r);
      row.said = said_of(r);
      row.said_label = r.level_label.empty() ? row.said : answer_words(r.level_label);
      if (won)
        row.reason = c.won_by_order ? "ordered again after saying they would not"
                                    : "said they would buy again after saying they would not";
      rows.push_back(std::move(row));
    }
    return rows;
  };
  out.at_risk = rows_of(at_risk, false);
  out.won_back = rows_of(won_back, true);
  return out;
}

} // namespace rebuy::core
