// Trustpilot's business review export (CSV): one review per row, the title
// and the body both the customer's words.
#include <rebuy/tabular_importer.hpp>

namespace {

const std::vector<rebuy::tabular_layout> layouts = {
    {"Trustpilot review export",
     "trustpilot",
     REBUY_RECORD_REVIEW,
     90,
     {"Review Created (UTC)", "Review Stars"},
     {{"Review Id", REBUY_ROLE_ID},
      {"Review Created (UTC)", REBUY_ROLE_SUBMITTED_AT},
      {"Review Consumer User Id", REBUY_ROLE_CUSTOMER},
      {"Review Title", REBUY_ROLE_TITLE},
      {"Review Content", REBUY_ROLE_TEXT},
      {"Review Stars", REBUY_ROLE_RATING},
      {"Review Language", REBUY_ROLE_LANGUAGE},
      // The reference the shop sent with the review invitation: its order number.
      {"Reference Id", REBUY_ROLE_ORDER_ID}}},
};

class trustpilot_importer : public rebuy::tabular_importer {
public:
  trustpilot_importer(const rebuy::host &host, const rebuy::input &input,
                      const rebuy::options &options)
      : tabular_importer(host, input, "trustpilot") {
    use_layout(layouts, options);
  }
  static int probe(std::string_view head, std::string_view) {
    return rebuy::probe_layouts(head, layouts);
  }
};

} // namespace

REBUY_IMPORTER_PLUGIN(trustpilot_importer, "trustpilot", "Trustpilot", "1.0.0",
                      "Trustpilot business review exports (CSV)")
