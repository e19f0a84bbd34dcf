// Post-purchase survey exports in long format (Fairing, KnoCommerce,
// Zigpoll): one row per order and question answered. Each row becomes one
// record keyed by its order; the host merges an order's rows into one
// response, the question text naming each answer.
#include <rebuy/tabular_importer.hpp>

#include <initializer_list>

namespace {

constexpr std::string_view question_names = "question|prompt|question text";
constexpr std::string_view answer_names = "response|answer";

const std::vector<rebuy::tabular_layout> layouts = {
    {"post-purchase survey (one row per order and question)",
     "post_purchase",
     REBUY_RECORD_POST_PURCHASE,
     90,
     {question_names, answer_names, "order_id|order number|order_number"},
     {{"order_id|order number", REBUY_ROLE_ORDER_ID},
      {"customer_id|email|customer email", REBUY_ROLE_CUSTOMER},
      {"customer_order_count|order count", REBUY_ROLE_ORDER_COUNT},
      {"order_total|order value", REBUY_ROLE_ORDER_VALUE},
      {"inserted_at|created_at|response date|submitted_at", REBUY_ROLE_SUBMITTED_AT}}},
};

bool mentions(const std::string &lower, std::initializer_list<const char *> phrases) {
  for (const char *p : phrases)
    if (lower.find(p) != std::string::npos) return true;
  return false;
}

bool zero_to_ten(std::string_view s) {
  return (s.size() == 1 && s[0] >= '0' && s[0] <= '9') || s == "10";
}

} // namespace

namespace post_purchase {

// The role of an answer, from its question's wording.
rebuy_role answer_role(std::string_view question, std::string_view answer) {
  std::string q = rebuy::ascii_lower(question);
  if (mentions(q, {"recommend"}))
    return zero_to_ten(answer) ? REBUY_ROLE_NPS : REBUY_ROLE_RECOMMEND;
  if (mentions(q, {"buy again", "buy from us again", "purchase again", "order again", "repurchase",
                   "shop again", "shop with us again", "come back"}))
    return REBUY_ROLE_BUY_AGAIN;
  if (mentions(q, {"hear about", "hear of", "find us", "find out about", "discover us"}))
    return REBUY_ROLE_CHANNEL;
  if (mentions(q, {"anything else", "comment", "feedback", "tell us", "suggest", "improve", "why"}))
    return REBUY_ROLE_TEXT;
  return REBUY_ROLE_ATTRIBUTE;
}

} // namespace post_purchase

namespace {

using post_purchase::answer_role;

class post_purchase_importer : public rebuy::tabular_importer {
public:
  post_purchase_importer(const rebuy::host &host, const rebuy::input &input,
                         const rebuy::options &options)
      : tabular_importer(host, input, "post_purchase") {
    use_layout(layouts, options);
    question_ = rebuy::find_header(column_names(), question_names);
    answer_ = rebuy::find_header(column_names(), answer_names);
    order_number_ = rebuy::find_header(column_names(), "order_number|order number");
  }
  static int probe(std::string_view head, std::string_view) {
    return rebuy::probe_layouts(head, layouts);
  }

private:
  static constexpr size_t none = std::string_view::npos;

  void emit_row(rebuy::batch_builder &out, row &r) override {
    std::string_view question = rebuy::trim_ascii(r.fields[question_]);
    std::string_view answer = rebuy::trim_ascii(r.fields[answer_]);
    out.begin_record(r.line, REBUY_RECORD_POST_PURCHASE);
    size_t fields = 0;
    if (!question.empty() && !answer.empty()) {
      // The question names the answer, so the merged response has one field
      // per question; the two columns are not repeated.
      rebuy_role role = answer_role(question, answer);
      if (role == REBUY_ROLE_TEXT) answer = rebuy::decode_html_entities(answer, decoded_);
      out.field(role, question, answer);
      r.fields[question_] = r.fields[answer_] = {};
      ++fields;
    }
    fields += add_columns(out, r);
    if (!fields) {
      skip_empty(out, r);
      return;
    }
    std::string_view order = value(r, REBUY_ROLE_ORDER_ID);
    if (order.empty() && order_number_ != none) order = rebuy::trim_ascii(r.fields[order_number_]);
    if (!order.empty()) out.field(REBUY_ROLE_ID, "", order);
  }

  size_t question_ = none, answer_ = none, order_number_ = none;
  std::string decoded_;
};

} // namespace

REBUY_IMPORTER_PLUGIN(post_purchase_importer, "post_purchase", "Post-purchase surveys", "1.0.0",
                      "Fairing-style post-purchase survey exports: one row per order and question")
