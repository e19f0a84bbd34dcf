#include "yelp_importer.hpp"

namespace rebuy_yelp {

rebuy_role default_role(std::string_view key) noexcept {
  if (key == "review_id") return REBUY_ROLE_ID;
  if (key == "user_id") return REBUY_ROLE_CUSTOMER;
  if (key == "business_id") return REBUY_ROLE_PRODUCT;
  if (key == "stars") return REBUY_ROLE_RATING;
  if (key == "text") return REBUY_ROLE_TEXT;
  if (key == "date") return REBUY_ROLE_SUBMITTED_AT;
  return REBUY_ROLE_ATTRIBUTE; // useful, funny, cool, votes.*, type
}

bool looks_like_review(const rapidjson::Value &o) {
  return o.IsObject() && o.HasMember("review_id") && o.HasMember("business_id") &&
         o.HasMember("stars");
}

yelp_importer::yelp_importer(const rebuy::host &host, const rebuy::input &input,
                             const rebuy::options &options, rebuy::line_reader::limits limits)
    : json_lines_importer(host, input, options,
                          {"yelp", "yelp", REBUY_RECORD_REVIEW, "5", limits}) {}

rebuy_role yelp_importer::default_role(std::string_view key, const rapidjson::Value &) const {
  return rebuy_yelp::default_role(key);
}

std::string yelp_importer::skip_reason(const rapidjson::Value &object) const {
  auto type = object.FindMember("type");
  if (type == object.MemberEnd() || !type->value.IsString()) return {};
  std::string_view name = rebuy::json_string(type->value);
  if (name == "review") return {};
  return "type \"" + std::string(name.substr(0, 40)) + "\" is not a review";
}

int yelp_importer::probe(std::string_view head, std::string_view) noexcept {
  return rebuy::probe_first_object(head, looks_like_review, {"review_id", "business_id", "stars"});
}

} // namespace rebuy_yelp

REBUY_IMPORTER_PLUGIN(rebuy_yelp::yelp_importer, "yelp", "Yelp reviews", "1.0.0",
                      "Yelp Open Dataset reviews (current and older layouts): JSON lines")
