// What the keys of an Amazon review mean across the 2014, 2018 and 2023
// layouts of the McAuley datasets, and which key names one review.
#ifndef REBUY_AMAZON_AMAZON_REVIEW_HPP
#define REBUY_AMAZON_AMAZON_REVIEW_HPP

#include <rebuy/plugin_abi.h>

#include <rapidjson/document.h>

#include <string>
#include <string_view>

namespace rebuy_amazon {

// The role of a top-level key of `review`; REBUY_ROLE_ATTRIBUTE for the rest.
rebuy_role default_role(std::string_view key, const rapidjson::Value &review) noexcept;

// True when an object has the keys of one of the three layouts.
bool looks_like_review(const rapidjson::Value &object);

// The datasets give a review no id, so one is made of what names it:
// reviewer/asin/time, plus the purchased variant (`style`) when there is one,
// since one reviewer reviews several colours of one asin on one day. Re-imports
// and overlapping dumps meet the same key (an edited text updates the review);
// an edit that also changed the review's date is a new review, as nothing
// else can link the two. `/` and `%` inside a part are escaped (%2F, %25).
struct review_key {
  std::string_view name; // the keys it is made of, e.g. "reviewerID/asin/unixReviewTime/style"
  std::string value;     // empty when the reviewer or the asin is missing
};
review_key make_review_key(const rapidjson::Value &review);

} // namespace rebuy_amazon

#endif // REBUY_AMAZON_AMAZON_REVIEW_HPP
