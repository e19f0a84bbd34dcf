// Orders, for observed repurchase: Shopify's orders export, Olist's orders
// table, or any CSV with an order id, a customer, a date and an amount.
#include <rebuy/tabular_importer.hpp>

#include <algorithm>

namespace {

constexpr std::string_view order_id_names = "order id|order number|order no|order";
constexpr std::string_view customer_names =
    "customer id|customer unique id|customer|client id|user id|customer email|email";
constexpr std::string_view date_names = "ordered at|order date|order purchase timestamp|"
                                        "created at|order created at|purchase date|purchased "
                                        "at|order time|order timestamp|date|timestamp";
constexpr std::string_view amount_names =
    "order total|total|order amount|amount|total price|grand total|order value|revenue";

const std::vector<rebuy::tabular_layout> layouts = {
    {"Shopify orders export",
     "orders",
     REBUY_RECORD_ORDER,
     90,
     {"Name", "Email", "Financial Status", "Created at"},
     {{"Name", REBUY_ROLE_ORDER_ID},
      {"Email", REBUY_ROLE_CUSTOMER},
      {"Created at", REBUY_ROLE_SUBMITTED_AT},
      {"Total", REBUY_ROLE_ORDER_VALUE}}},
    {"Olist orders",
     "orders",
     REBUY_RECORD_ORDER,
     90,
     {"order_id", "customer_id", "order_status", "order_purchase_timestamp"},
     {{"order_id", REBUY_ROLE_ORDER_ID},
      {"customer_id", REBUY_ROLE_CUSTOMER},
      {"order_purchase_timestamp", REBUY_ROLE_SUBMITTED_AT}}},
    {"orders (columns by name)",
     "orders",
     REBUY_RECORD_ORDER,
     70,
     {},
     {{order_id_names, REBUY_ROLE_ORDER_ID},
      {customer_names, REBUY_ROLE_CUSTOMER},
      {date_names, REBUY_ROLE_SUBMITTED_AT},
      {amount_names, REBUY_ROLE_ORDER_VALUE}}},
};

// Words of feedback, not of orders: a file with such a column is reviews or
// a survey that mentions orders, never an orders table.
bool feedback_column(const std::string &name) {
  std::string lower = rebuy::ascii_lower(name);
  for (const char *word : {"review", "rating", "score", "comment", "question", "response", "answer",
                           "nps", "feedback", "stars", "recommend", "survey"})
    if (lower.find(word) != std::string::npos) return true;
  return false;
}

constexpr size_t none = std::string_view::npos;

class orders_importer : public rebuy::tabular_importer {
public:
  orders_importer(const rebuy::host &host, const rebuy::input &input, const rebuy::options &options)
      : tabular_importer(host, input, "orders") {
    use_layout(layouts, options);
    if (column(REBUY_ROLE_ORDER_ID) == none)
      throw rebuy::error("no order id column; name it with --map order_id=COLUMN");
  }

  // The two known exports by their headers; any other file only when it is
  // clearly a table of orders: an order id, a date, a customer or an amount,
  // and nothing that reads as feedback.
  static int probe(std::string_view head, std::string_view) {
    std::vector<std::string> header = rebuy::head_header(head);
    const rebuy::tabular_layout *layout = rebuy::match_layout(header, layouts);
    if (layout && !layout->signature.empty()) return layout->confidence;
    auto has = [&](std::string_view names) { return rebuy::find_header(header, names) != none; };
    bool orders =
        has(order_id_names) && has(date_names) && (has(customer_names) || has(amount_names));
    return orders && std::none_of(header.begin(), header.end(), feedback_column) ? 70 : 0;
  }

private:
  void emit_row(rebuy::batch_builder &out, row &r) override {
    std::string_view order = value(r, REBUY_ROLE_ORDER_ID);
    if (!order.empty() && order == previous_order_) {
      // Shopify writes one row per line item; the first carries the order.
      out.skip(r.line,
               "a further line item of order " + previous_order_ + " (line " +
                   std::to_string(previous_line_) + " has the order)",
               r.raw);
      return;
    }
    if (order.empty()) {
      if (std::all_of(r.fields.begin(), r.fields.end(),
                      [](std::string_view f) { return rebuy::trim_ascii(f).empty(); })) {
        emit_columns(out, r); // a row of blanks: skipped by the usual rule
        return;
      }
      out.reject(r.line,
                 "no order id: " + column_names()[column(REBUY_ROLE_ORDER_ID)] + " is empty",
                 r.raw);
      return;
    }
    previous_order_.assign(order);
    previous_line_ = r.line;
    emit_columns(out, r);
  }

  std::string previous_order_;
  uint64_t previous_line_ = 0;
};

} // namespace

REBUY_IMPORTER_PLUGIN(orders_importer, "orders", "Orders", "1.0.0",
                      "Order history from Shopify, Olist or any CSV with order columns")
