// The Amazon "customer reviews" TSV (amazon_reviews_us_*.tsv): tab-separated,
// never quoted — a review may begin with a '"' it never closes — with HTML
// line breaks in the text.
#include <rebuy/tabular_importer.hpp>

namespace {

const std::vector<rebuy::tabular_layout> layouts = {
    {"Amazon customer reviews TSV",
     "amazon",
     REBUY_RECORD_REVIEW,
     95,
     {"marketplace", "customer_id", "review_id", "product_id", "star_rating"},
     {{"review_id", REBUY_ROLE_ID},
      {"marketplace", REBUY_ROLE_COUNTRY},
      {"customer_id", REBUY_ROLE_CUSTOMER},
      {"product_id", REBUY_ROLE_PRODUCT},
      {"star_rating", REBUY_ROLE_RATING},
      {"review_headline", REBUY_ROLE_TITLE},
      {"review_body", REBUY_ROLE_TEXT},
      {"review_date", REBUY_ROLE_SUBMITTED_AT}}},
};

// `text` with each <br>, <br/> or <br /> (any case) as a line break; `text`
// itself when it has none.
std::string_view with_line_breaks(std::string_view text, std::string &out) {
  if (text.find('<') == std::string_view::npos) return text;
  out.clear();
  for (size_t i = 0; i < text.size();) {
    size_t end = i;
    if (text[i] == '<' && rebuy::ascii_iequals(text.substr(i, 3), "<br")) {
      end = i + 3;
      while (end < text.size() && (text[end] == ' ' || text[end] == '/'))
        ++end;
    }
    if (end > i && end < text.size() && text[end] == '>') {
      out += '\n';
      i = end + 1;
    } else {
      out += text[i++];
    }
  }
  return out;
}

class amazon_tsv_importer : public rebuy::tabular_importer {
public:
  amazon_tsv_importer(const rebuy::host &host, const rebuy::input &input,
                      const rebuy::options &options)
      : tabular_importer(host, input, "amazon_tsv", /*quoted=*/false) {
    use_layout(layouts, options);
  }
  static int probe(std::string_view head, std::string_view) {
    return rebuy::probe_layouts(head, layouts);
  }

private:
  void emit_row(rebuy::batch_builder &out, row &r) override {
    for (rebuy_role role : {REBUY_ROLE_TITLE, REBUY_ROLE_TEXT}) {
      size_t c = column(role);
      if (c != std::string_view::npos)
        r.fields[c] = with_line_breaks(r.fields[c], role == REBUY_ROLE_TITLE ? title_ : text_);
    }
    emit_columns(out, r);
  }

  std::string title_, text_;
};

} // namespace

REBUY_IMPORTER_PLUGIN(amazon_tsv_importer, "amazon_tsv", "Amazon customer reviews TSV", "1.0.0",
                      "The Amazon customer reviews dataset (tab-separated, unquoted)")
