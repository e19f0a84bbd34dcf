#include "app_store_json.hpp"

#include <rebuy/column_mapping.hpp>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>

namespace app_store {

namespace {

// Keys of a review's "attributes" (and its "id") with their roles.
const std::pair<const char *, rebuy_role> known_keys[] = {
    {"id", REBUY_ROLE_ID},
    {"rating", REBUY_ROLE_RATING},
    {"title", REBUY_ROLE_TITLE},
    {"body", REBUY_ROLE_TEXT},
    {"reviewerNickname", REBUY_ROLE_ATTRIBUTE},
    {"createdDate", REBUY_ROLE_SUBMITTED_AT},
    {"territory", REBUY_ROLE_COUNTRY},
};

// SAX handler: collects the review objects of "data" (or of a bare array)
// and ignores everything else ("links", "meta", "relationships", nesting
// inside attributes).
class review_collector : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, review_collector> {
public:
  static constexpr size_t max_depth = 64;

  review_collector(const rapidjson::StringStream &stream, std::vector<json_reviews::item> &items)
      : stream_(stream), items_(items) {}

  bool StartObject() { return open(true); }
  bool StartArray() { return open(false); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }
  bool Key(const char *s, rapidjson::SizeType n, bool) {
    frames_.back().key.assign(s, n);
    return true;
  }
  bool String(const char *s, rapidjson::SizeType n, bool) { return scalar({s, n}); }
  bool RawNumber(const char *s, rapidjson::SizeType n, bool) { return scalar({s, n}); }
  bool Bool(bool b) { return scalar(b ? "true" : "false"); }
  bool Null() { return true; } // an absent value

  bool saw_data() const noexcept { return saw_data_; }
  bool in_item() const noexcept { return item_depth_ != 0; }
  uint64_t item_line() const noexcept { return item_line_; }
  bool too_deep() const noexcept { return too_deep_; }
  // The 1-based line of a byte offset; offsets only grow.
  uint64_t line_at(size_t offset) {
    const char *text = stream_.head_;
    line_ += static_cast<uint64_t>(std::count(text + counted_, text + offset, '\n'));
    counted_ = offset;
    return line_;
  }

private:
  struct frame {
    bool object;
    std::string key; // the current key, in an object
  };

  // Whether an object opening here is a review: an element of the root
  // array, of the root's "data" array, or the root's "data" object itself.
  bool review_position() const {
    size_t n = frames_.size();
    bool data_key = n >= 1 && frames_[0].object && frames_[0].key == "data";
    return (n == 1 && !frames_[0].object) || (n == 1 && data_key) ||
           (n == 2 && data_key && !frames_[1].object);
  }

  bool open(bool object) {
    if (frames_.size() == max_depth) {
      too_deep_ = true;
      return false;
    }
    if (frames_.size() == 1 && frames_[0].object && frames_[0].key == "data") saw_data_ = true;
    if (object && !item_depth_ && review_position()) {
      item_depth_ = frames_.size() + 1;
      item_line_ = line_at(stream_.Tell()); // the handler runs before the brace is taken
      items_.emplace_back();
      items_.back().line = item_line_;
    } else if (item_depth_ && frames_.size() == item_depth_ && object &&
               frames_.back().key == "attributes") {
      attributes_depth_ = frames_.size() + 1;
    }
    frames_.push_back({object, {}});
    return true;
  }

  bool close() {
    if (frames_.size() == attributes_depth_) attributes_depth_ = 0;
    if (frames_.size() == item_depth_) item_depth_ = 0;
    frames_.pop_back();
    return true;
  }

  bool scalar(std::string_view value) {
    if (!item_depth_ || !frames_.back().object) return true;
    json_reviews::item &item = items_.back();
    const std::string &key = frames_.back().key;
    if (frames_.size() == item_depth_) {
      if (key == "type") item.type = value;
      if (key == "id") item.fields.insert(item.fields.begin(), {key, std::string(value)});
    } else if (frames_.size() == attributes_depth_) {
      item.fields.push_back({key, std::string(value)});
    }
    return true;
  }

  const rapidjson::StringStream &stream_;
  std::vector<json_reviews::item> &items_;
  std::vector<frame> frames_;
  size_t item_depth_ = 0, attributes_depth_ = 0;
  uint64_t item_line_ = 0;
  bool saw_data_ = false, too_deep_ = false;
  uint64_t line_ = 1;
  size_t counted_ = 0;
};

std::string read_all(const rebuy::input &input) {
  std::string text;
  char buffer[1 << 16];
  while (size_t n = input.read(buffer, sizeof buffer)) {
    if (text.size() + n > json_reviews::max_bytes)
      throw rebuy::error("the JSON file is larger than " +
                         std::to_string(json_reviews::max_bytes >> 20) +
                         " MiB; an App Store Connect page holds at most 200 reviews: import "
                         "the pages as separate files");
    text.append(buffer, n);
  }
  return text;
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

} // namespace

json_reviews::json_reviews(const rebuy::host &host, const rebuy::input &input,
                           const rebuy::options &options) {
  for (const auto &[key, value] : options.items())
    if (key != "map" && key != "attribute")
      host.warn("app_store: ignoring unknown option \"" + key + "\"");
  for (const auto &[name, role] : known_keys) {
    names_.emplace_back(name);
    roles_.push_back(role);
  }
  rebuy::apply_role_overrides(names_, roles_, options);

  const std::string text = read_all(input);
  rapidjson::StringStream stream(text.c_str());
  review_collector collector(stream, items_);
  rapidjson::Reader reader;
  constexpr unsigned flags = rapidjson::kParseIterativeFlag | rapidjson::kParseStopWhenDoneFlag |
                             rapidjson::kParseNumbersAsStringsFlag;
  // Pages saved one after another are several documents: read each.
  for (;;) {
    while (space(stream.Peek()))
      stream.Take();
    if (stream.Tell() == text.size()) break;
    if (reader.Parse<flags>(stream, collector)) continue;
    size_t offset = reader.GetErrorOffset();
    std::string why =
        collector.too_deep()
            ? "nested deeper than " + std::to_string(review_collector::max_depth) + " levels"
            : rapidjson::GetParseError_En(reader.GetParseErrorCode());
    uint64_t error_line = collector.line_at(std::min(offset, text.size()));
    broken b;
    b.reason = "invalid JSON at line " + std::to_string(error_line) + ": " + why +
               "; the rest of the file is not read";
    // The review the error broke off is not a record but this reject.
    if (collector.in_item()) items_.pop_back();
    b.line = collector.in_item() ? collector.item_line() : error_line;
    broken_.push_back(std::move(b));
    break;
  }
  if (!collector.saw_data() && items_.empty() && broken_.empty())
    throw rebuy::error("the JSON has no \"data\" with customerReviews: not an App "
                       "Store Connect reviews response");
}

rebuy::source_description json_reviews::describe() const {
  rebuy::source_description d;
  d.source = "app_store";
  d.kind = REBUY_RECORD_REVIEW;
  for (size_t i = 0; i < names_.size(); ++i)
    d.columns.emplace_back(names_[i], roles_[i]);
  return d;
}

rebuy_role json_reviews::role_of(const std::string &name) const {
  auto it = std::find(names_.begin(), names_.end(), name);
  return it == names_.end() ? REBUY_ROLE_ATTRIBUTE
                            : roles_[static_cast<size_t>(it - names_.begin())];
}

bool json_reviews::read_batch(rebuy::batch_builder &out, size_t max_rows) {
  const size_t target = out.row_count() + std::max<size_t>(max_rows, 1);
  for (; next_ < items_.size() && out.row_count() < target; ++next_) {
    const item &it = items_[next_];
    if (!it.type.empty() && it.type != "customerReviews") {
      out.skip(it.line, "type \"" + it.type + "\" is not customerReviews: not a review");
      continue;
    }
    out.begin_record(it.line, REBUY_RECORD_REVIEW);
    size_t fields = 0;
    for (const field &f : it.fields) {
      rebuy_role role = role_of(f.name);
      std::string_view value = role == REBUY_ROLE_ATTRIBUTE ? f.value : rebuy::trim_ascii(f.value);
      if (value.empty()) continue;
      out.field(role, f.name, value);
      ++fields;
    }
    if (!fields) {
      out.cancel_record();
      out.skip(it.line, "empty review: no id and no attributes");
    }
  }
  if (next_ == items_.size()) {
    for (const broken &b : broken_)
      out.reject(b.line, b.reason);
    broken_.clear();
  }
  return next_ < items_.size();
}

} // namespace app_store
