// Amazon review datasets (the McAuley 2014, 2018 and 2023 dumps): JSON lines
// or a JSON array with one object per line. Plugin id "amazon".
#ifndef REBUY_AMAZON_AMAZON_IMPORTER_HPP
#define REBUY_AMAZON_AMAZON_IMPORTER_HPP

#include <rebuy/json_importer.hpp>

#include <string_view>

namespace rebuy_amazon {

class amazon_importer : public rebuy::json_lines_importer {
public:
  // Options: map=ROLE=KEY, attribute=KEY. Throws rebuy::error.
  amazon_importer(const rebuy::host &host, const rebuy::input &input, const rebuy::options &options,
                  rebuy::line_reader::limits limits = {});

  // 90 when the first object has one layout's keys; 0 for anything else.
  static int probe(std::string_view head, std::string_view file_name) noexcept;

protected:
  rebuy_role default_role(std::string_view key, const rapidjson::Value &review) const override;
  void add_fields(const rapidjson::Value &review) override;
};

} // namespace rebuy_amazon

#endif // REBUY_AMAZON_AMAZON_IMPORTER_HPP
