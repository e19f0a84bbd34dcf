// Review apps of Shopify shops: Judge.me, Shopify Product Reviews and Yotpo
// CSV exports.
#include <rebuy/tabular_importer.hpp>

namespace {

const std::vector<rebuy::tabular_layout> layouts = {
    {"Judge.me",
     "judgeme",
     REBUY_RECORD_REVIEW,
     90,
     {"body", "rating", "review_date", "curated"},
     {{"title", REBUY_ROLE_TITLE},
      {"body", REBUY_ROLE_TEXT},
      {"rating", REBUY_ROLE_RATING},
      {"review_date", REBUY_ROLE_SUBMITTED_AT},
      {"reviewer_email", REBUY_ROLE_CUSTOMER},
      {"product_handle", REBUY_ROLE_PRODUCT}}},
    {"Shopify Product Reviews",
     "shopify_reviews",
     REBUY_RECORD_REVIEW,
     90,
     {"product_handle", "state", "rating", "body"},
     {{"title", REBUY_ROLE_TITLE},
      {"body", REBUY_ROLE_TEXT},
      {"rating", REBUY_ROLE_RATING},
      {"created_at", REBUY_ROLE_SUBMITTED_AT},
      {"email", REBUY_ROLE_CUSTOMER},
      {"product_handle", REBUY_ROLE_PRODUCT}}},
    {"Yotpo",
     "yotpo",
     REBUY_RECORD_REVIEW,
     85,
     {"Review Content", "Review Score"},
     {{"Review Id", REBUY_ROLE_ID},
      {"Review Title", REBUY_ROLE_TITLE},
      {"Review Content", REBUY_ROLE_TEXT},
      {"Review Score", REBUY_ROLE_RATING},
      {"Date", REBUY_ROLE_SUBMITTED_AT},
      {"Email", REBUY_ROLE_CUSTOMER},
      {"Product ID", REBUY_ROLE_PRODUCT}}},
};

class shopify_reviews_importer : public rebuy::tabular_importer {
public:
  shopify_reviews_importer(const rebuy::host &host, const rebuy::input &input,
                           const rebuy::options &options)
      : tabular_importer(host, input, "shopify_reviews") {
    use_layout(layouts, options, {"include_spam"});
    include_spam_ = options.get("include_spam").value_or("0") != "0";
    spam_flag_ = rebuy::find_header(column_names(), "curated|state");
  }
  static int probe(std::string_view head, std::string_view) {
    return rebuy::probe_layouts(head, layouts);
  }

private:
  static constexpr size_t none = std::string_view::npos;

  void emit_row(rebuy::batch_builder &out, row &r) override {
    if (spam_flag_ != none && !include_spam_ &&
        rebuy::ascii_iequals(rebuy::trim_ascii(r.fields[spam_flag_]), "spam")) {
      out.skip(r.line,
               column_names()[spam_flag_] + "=spam: " + std::string(layout().name) +
                   " marked this review as spam; --option include_spam=1 imports it",
               r.raw);
      return;
    }
    if (!emit_columns(out, r) || column(REBUY_ROLE_ID) != none) return;
    // These exports carry no review id. A customer reviews a product once at
    // a given time, so that triple keys the review and an edit updates it.
    std::string_view customer = value(r, REBUY_ROLE_CUSTOMER),
                     date = value(r, REBUY_ROLE_SUBMITTED_AT);
    if (customer.empty() || date.empty()) return;
    key_.assign(customer).append("|").append(value(r, REBUY_ROLE_PRODUCT)).append("|").append(date);
    out.field(REBUY_ROLE_ID, "", key_);
  }

  bool include_spam_ = false;
  size_t spam_flag_ = none;
  std::string key_;
};

} // namespace

REBUY_IMPORTER_PLUGIN(shopify_reviews_importer, "shopify_reviews", "Shopify review apps", "1.0.0",
                      "Judge.me, Shopify Product Reviews and Yotpo review exports (CSV)")
