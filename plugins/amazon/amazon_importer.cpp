#include "amazon_importer.hpp"

#include "amazon_review.hpp"

namespace rebuy_amazon {

amazon_importer::amazon_importer(const rebuy::host &host, const rebuy::input &input,
                                 const rebuy::options &options, rebuy::line_reader::limits limits)
    : json_lines_importer(host, input, options,
                          {"amazon", "amazon", REBUY_RECORD_REVIEW, "5", limits}) {}

rebuy_role amazon_importer::default_role(std::string_view key,
                                         const rapidjson::Value &review) const {
  return rebuy_amazon::default_role(key, review);
}

void amazon_importer::add_fields(const rapidjson::Value &review) {
  if (!mapped_by_user(REBUY_ROLE_ID)) {
    review_key key = make_review_key(review);
    add_field(REBUY_ROLE_ID, key.name, key.value);
  }
  json_lines_importer::add_fields(review);
}

int amazon_importer::probe(std::string_view head, std::string_view) noexcept {
  return rebuy::probe_first_object(head, looks_like_review, {"reviewerID", "asin", "overall"});
}

} // namespace rebuy_amazon

REBUY_IMPORTER_PLUGIN(rebuy_amazon::amazon_importer, "amazon", "Amazon reviews", "1.0.0",
                      "Amazon review datasets (2014, 2018, 2023): JSON lines or a JSON array")
