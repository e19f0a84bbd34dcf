// App Store Connect API customer reviews (JSON):
//   {"data":[{"type":"customerReviews","id":"…","attributes":{"rating":5,"title":"…",
//     "body":"…","reviewerNickname":"…","createdDate":"2017-11-15T08:10:34-08:00",
//     "territory":"USA"}}], "links":{…}, "meta":{…}}
// One page, several pages one after another (as saved from a paging loop),
// or a bare array of review objects.
#ifndef REBUY_APP_STORE_JSON_HPP
#define REBUY_APP_STORE_JSON_HPP

#include <rebuy/plugin.hpp>

#include <string>
#include <vector>

namespace app_store {

class json_reviews : public rebuy::importer {
public:
  // An API page holds at most 200 reviews (a few hundred KiB); larger files
  // are refused rather than held in memory.
  static constexpr size_t max_bytes = size_t{64} << 20;

  // Reads and parses the whole input. Throws rebuy::error when it is larger
  // than max_bytes or holds no "data".
  json_reviews(const rebuy::host &host, const rebuy::input &input, const rebuy::options &options);

  rebuy::source_description describe() const override;
  bool read_batch(rebuy::batch_builder &out, size_t max_rows) override;

  struct field {
    std::string name, value;
  };
  struct item {
    uint64_t line = 0;
    std::string type;
    std::vector<field> fields; // "id", then the attributes in file order
  };
  // A row that could not be read: the JSON broke off inside it or after it.
  struct broken {
    uint64_t line = 0;
    std::string reason;
  };

private:
  rebuy_role role_of(const std::string &name) const;

  std::vector<std::string> names_; // the known keys, in describe() order
  std::vector<rebuy_role> roles_;
  std::vector<item> items_;
  std::vector<broken> broken_;
  size_t next_ = 0;
};

} // namespace app_store

#endif // REBUY_APP_STORE_JSON_HPP
