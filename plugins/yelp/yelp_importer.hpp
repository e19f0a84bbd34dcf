// Yelp Open Dataset reviews (yelp_academic_dataset_review.json): JSON lines,
// the current layout and the older one with votes:{...} and type:"review".
// Plugin id "yelp".
#ifndef REBUY_YELP_YELP_IMPORTER_HPP
#define REBUY_YELP_YELP_IMPORTER_HPP

#include <rebuy/json_importer.hpp>

#include <string>
#include <string_view>

namespace rebuy_yelp {

// The role of a top-level key of a Yelp review; REBUY_ROLE_ATTRIBUTE for the rest.
rebuy_role default_role(std::string_view key) noexcept;

// True when an object has a review's keys (both layouts).
bool looks_like_review(const rapidjson::Value &object);

class yelp_importer : public rebuy::json_lines_importer {
public:
  // Options: map=ROLE=KEY, attribute=KEY. Throws rebuy::error.
  yelp_importer(const rebuy::host &host, const rebuy::input &input, const rebuy::options &options,
                rebuy::line_reader::limits limits = {});

  // 90 when the first object is a review; 0 for anything else.
  static int probe(std::string_view head, std::string_view file_name) noexcept;

protected:
  rebuy_role default_role(std::string_view key, const rapidjson::Value &review) const override;
  // Older dumps mark each object's type; only reviews are kept.
  std::string skip_reason(const rapidjson::Value &object) const override;
};

} // namespace rebuy_yelp

#endif // REBUY_YELP_YELP_IMPORTER_HPP
