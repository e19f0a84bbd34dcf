#include "check/synthetic_responses.hpp"

#include <rebuy/plugin.hpp>

namespace rebuy::core {

prepared_responses::prepared_responses(std::vector<response_fields> responses, bool with_attributes)
    : source_(std::move(responses)) {
  // Field and text arrays are filled first and addressed once complete, as
  // the host's analysis does, so no pointer is taken into a growing vector.
  struct range {
    size_t first_field, field_count, first_text, text_count;
  };
  std::vector<range> ranges;
  for (const auto &r : source_) {
    range at{fields_.size(), 0, text_.size(), 0};
    for (const auto &f : r.fields) {
      if (f.role == REBUY_ROLE_ATTRIBUTE && !with_attributes) continue;
      fields_.push_back({f.role, to_str(f.name), to_str(f.value)});
      ++at.field_count;
      if (f.role == REBUY_ROLE_TITLE || f.role == REBUY_ROLE_TEXT) {
        text_.add(f.value, f.role, f.name);
        ++at.text_count;
      }
    }
    ranges.push_back(at);
  }
  auto texts = text_.texts();
  int64_t id = 1001; // like the store's ids: positive, not starting at 0
  for (size_t i = 0; i < source_.size(); ++i) {
    const auto &at = ranges[i];
    responses_.push_back(
        {id++, source_[i].kind, at.field_count ? fields_.data() + at.first_field : nullptr,
         at.field_count, at.text_count ? texts.data() + at.first_text : nullptr, at.text_count});
  }
}

namespace {

response_fields survey(std::vector<response_fields::field> fields) {
  return {REBUY_RECORD_SURVEY, std::move(fields)};
}

response_fields::field nps(std::string value) {
  return {REBUY_ROLE_NPS, "How likely are you to recommend us to a friend? (0-10)",
          std::move(value)};
}
response_fields::field buy_again(std::string value) {
  return {REBUY_ROLE_BUY_AGAIN, "Would you buy from us again?", std::move(value)};
}
response_fields::field text(std::string value) {
  return {REBUY_ROLE_TEXT, "comment", std::move(value)};
}

std::string repeated(std::string_view s, size_t times) {
  std::string out;
  out.reserve(s.size() * times);
  for (size_t i = 0; i < times; ++i)
    out += s;
  return out;
}

} // namespace

std::vector<response_fields> synthetic_responses() {
  std::vector<response_fields> out;
  // Every role once, as a tidy survey export would give it.
  out.push_back(survey({{REBUY_ROLE_ID, "response_id", "R-1"},
                        {REBUY_ROLE_CUSTOMER, "customer", "C-100"},
                        {REBUY_ROLE_SUBMITTED_AT, "submitted_at", "2026-03-14T18:22:05Z"},
                        nps("9"),
                        buy_again("Definitely would"),
                        {REBUY_ROLE_RATING, "stars", "4"},
                        {REBUY_ROLE_RATING_MAX, "max stars", "5"},
                        {REBUY_ROLE_RECOMMEND, "Would you recommend us?", "yes"},
                        {REBUY_ROLE_CSAT, "satisfaction", "4"},
                        {REBUY_ROLE_CES, "effort", "2"},
                        {REBUY_ROLE_CES_VERSION, "", "2"},
                        {REBUY_ROLE_TITLE, "title", "Great boots"},
                        text("Great boots, they fit well. I will definitely order again."),
                        {REBUY_ROLE_PRODUCT, "product", "Cairn hiking boots"},
                        {REBUY_ROLE_SEGMENT, "segment", "Members"},
                        {REBUY_ROLE_JOURNEY_STAGE, "stage", "after-use"},
                        {REBUY_ROLE_ORDER_ID, "order", "NW-104027"},
                        {REBUY_ROLE_ORDER_VALUE, "total", "129.90"},
                        {REBUY_ROLE_ORDER_COUNT, "orders", "3"},
                        {REBUY_ROLE_COUNTRY, "country", "DE"},
                        {REBUY_ROLE_LANGUAGE, "language", "en"},
                        {REBUY_ROLE_CHANNEL, "channel", "web"},
                        {REBUY_ROLE_ATTRIBUTE, "store", "Berlin"}}));
  // Each kind of record.
  out.push_back({REBUY_RECORD_REVIEW,
                 {{REBUY_ROLE_RATING, "overall", "1.0"},
                  {REBUY_ROLE_TITLE, "summary", "Never again"},
                  text("Arrived broken and support never answered. Never again.")}});
  out.push_back({REBUY_RECORD_POST_PURCHASE, {buy_again("Probably would not"), text("Too slow.")}});
  out.push_back({REBUY_RECORD_ORDER,
                 {{REBUY_ROLE_ORDER_ID, "order_id", "NW-1"},
                  {REBUY_ROLE_ORDER_VALUE, "total", "59.00"},
                  {REBUY_ROLE_CUSTOMER, "customer_id", "C-7"}}});
  // The 0-10 answer as exports write it, and as they should not.
  for (const char *v :
       {"0", "6", "7", "10", "10 - Extremely likely", "9.0", "", " ", "eleven", "-1", "11", "9.5",
        "1e400", "NaN", "\xef\xbc\x99" /* fullwidth 9 */, "\xd9\xa9" /* Arabic-Indic 9 */})
    out.push_back(survey({nps(v)}));
  // Buy-again and recommend answers on other scales, and ratings that do not add up.
  for (const char *v : {"Yes", "no", "5", "1", "Might or might not", "maybe", ""})
    out.push_back(survey({buy_again(v)}));
  out.push_back(survey({{REBUY_ROLE_RATING, "stars", "3"}, {REBUY_ROLE_RATING_MAX, "of", "0"}}));
  out.push_back(survey({{REBUY_ROLE_RATING, "stars", "7"}, {REBUY_ROLE_RATING_MAX, "of", "5"}}));
  out.push_back(survey({{REBUY_ROLE_RATING, "stars", "-2"}}));
  out.push_back(survey({{REBUY_ROLE_RECOMMEND, "recommend", "Y"},
                        {REBUY_ROLE_CES, "effort", "6"},
                        {REBUY_ROLE_CES_VERSION, "", "1"}}));
  // A role given twice: analyzers must still score each metric at most once.
  out.push_back(survey({nps("3"), nps("10"), buy_again("Yes"), buy_again("No"),
                        text("First comment."), text("Second comment, also about delivery.")}));
  // Nothing, or nothing but an attribute.
  out.push_back(survey({}));
  out.push_back(survey({{REBUY_ROLE_ATTRIBUTE, "store", "Lyon"}}));
  // Free text in several scripts and shapes.
  for (const char *t : {
           "",
           "   \n\t ",
           "a",
           "!!! ???",
           "10/10 would buy again",
           "NEVER AGAIN. WORST SHOP EVER!!!",
           "Würde ich nie wieder kaufen. Die Größe passt überhaupt nicht.",
           "Tre\xcc\x81s bon service, je recommande a\xcc\x80 mes amis.", // combining accents
           "\xe3\x81\xbe\xe3\x81\x9f\xe8\xb2\xb7\xe3\x81\x84\xe3\x81\x9f\xe3\x81\x84\xe3\x81\xa7"
           "\xe3\x81\x99\xe3\x80\x82", // Japanese
           "\xd9\x84\xd9\x86 \xd8\xa3\xd8\xb4\xd8\xaa\xd8\xb1\xd9\x8a \xd9\x85\xd8\xb1\xd8\xa9 "
           "\xd8\xa3\xd8\xae\xd8\xb1\xd9\x89", // Arabic
           "Love it \xf0\x9f\x98\x8d\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd will buy again",
           "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7",
           "<script>alert(1)</script>",
           "=HYPERLINK(\"http://example.invalid\",\"click\")",
           "replacement \xef\xbf\xbd character",
       })
    out.push_back(survey({text(t)}));
  out.push_back(survey({text(std::string("before\0after", 12))}));
  // Long texts: many sentences, and one very long sentence.
  out.push_back(survey({nps("8"), text(repeated("Good shoes but slow delivery. ", 4000))}));
  out.push_back(survey({text(repeated("word ", 20000))}));
  return out;
}

} // namespace rebuy::core
