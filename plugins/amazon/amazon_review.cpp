#include "amazon_review.hpp"

#include <rebuy/json_lines.hpp>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <vector>

namespace rebuy_amazon {
namespace {

struct key_role {
  std::string_view key;
  rebuy_role role;
};

// 2014/2018 names, then their 2023 equivalents. asin and parent_asin are
// decided per review: see default_role().
constexpr key_role known_keys[] = {
    {"reviewerID", REBUY_ROLE_CUSTOMER},
    {"user_id", REBUY_ROLE_CUSTOMER},
    {"overall", REBUY_ROLE_RATING},
    {"rating", REBUY_ROLE_RATING},
    {"unixReviewTime", REBUY_ROLE_SUBMITTED_AT},
    {"timestamp", REBUY_ROLE_SUBMITTED_AT},
    {"summary", REBUY_ROLE_TITLE},
    {"title", REBUY_ROLE_TITLE},
    {"reviewText", REBUY_ROLE_TEXT},
    {"text", REBUY_ROLE_TEXT},
};

// A member's text when it is a string or a number, else empty.
std::string_view scalar_text(const rapidjson::Value &review, const char *key,
                             std::string &scratch) {
  auto it = review.FindMember(key);
  if (it == review.MemberEnd() || !(it->value.IsString() || it->value.IsNumber())) return {};
  return rebuy::json_value_text(it->value, scratch);
}

void append_part(std::string &key, std::string_view part) {
  key += '/';
  for (char c : part) {
    if (c == '%')
      key += "%25";
    else if (c == '/')
      key += "%2F";
    else
      key += c;
  }
}

// Compact JSON with an object's members sorted by name, so two dumps that
// order a style's keys differently still give one key.
std::string canonical_json(const rapidjson::Value &value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  if (value.IsObject()) {
    std::vector<const rapidjson::Value::Member *> members;
    for (const auto &m : value.GetObject())
      members.push_back(&m);
    std::stable_sort(members.begin(), members.end(), [](const auto *a, const auto *b) {
      return rebuy::json_string(a->name) < rebuy::json_string(b->name);
    });
    writer.StartObject();
    for (const auto *m : members) {
      writer.Key(m->name.GetString(), m->name.GetStringLength());
      m->value.Accept(writer);
    }
    writer.EndObject();
  } else {
    value.Accept(writer);
  }
  return {buffer.GetString(), buffer.GetSize()};
}

} // namespace

rebuy_role default_role(std::string_view key, const rapidjson::Value &review) noexcept {
  // 2023 reviews name the variant bought (asin) and its product (parent_asin);
  // the product is what 2014/2018 call asin.
  if (key == "parent_asin") return REBUY_ROLE_PRODUCT;
  if (key == "asin")
    return review.HasMember("parent_asin") ? REBUY_ROLE_ATTRIBUTE : REBUY_ROLE_PRODUCT;
  for (const auto &k : known_keys)
    if (k.key == key) return k.role;
  return REBUY_ROLE_ATTRIBUTE;
}

bool looks_like_review(const rapidjson::Value &o) {
  if (!o.IsObject()) return false;
  auto has = [&](const char *key) { return o.HasMember(key); };
  return (has("reviewerID") && has("asin") && has("overall")) ||
         (has("parent_asin") && has("helpful_vote")) ||
         (has("user_id") && has("asin") && has("rating") && has("timestamp"));
}

review_key make_review_key(const rapidjson::Value &review) {
  bool layout_2023 = !review.HasMember("reviewerID") && review.HasMember("user_id");
  review_key key{layout_2023 ? "user_id/asin/timestamp" : "reviewerID/asin/unixReviewTime/style",
                 {}};
  std::string scratch;
  std::string_view reviewer = scalar_text(review, layout_2023 ? "user_id" : "reviewerID", scratch);
  if (reviewer.empty()) return key;
  append_part(key.value, reviewer);
  std::string_view asin = scalar_text(review, "asin", scratch);
  if (asin.empty()) return {key.name, {}};
  append_part(key.value, asin);
  append_part(key.value,
              scalar_text(review, layout_2023 ? "timestamp" : "unixReviewTime", scratch));
  auto style = review.FindMember("style");
  if (!layout_2023 && style != review.MemberEnd() && !style->value.IsNull())
    key.value += '/' + canonical_json(style->value); // last part: needs no escaping
  key.value.erase(0, 1);                             // the first part's '/'
  return key;
}

} // namespace rebuy_amazon
