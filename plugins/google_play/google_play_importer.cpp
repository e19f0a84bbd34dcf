// Google Play reviews: the Play Console's monthly review reports and the
// google-play-scraper CSV layout.
#include <rebuy/tabular_importer.hpp>

namespace {

const std::vector<rebuy::tabular_layout> layouts = {
    {"Google Play Console review report",
     "google_play",
     REBUY_RECORD_REVIEW,
     95,
     {"Review Submit Millis Since Epoch", "Star Rating"},
     {{"Review Link", REBUY_ROLE_ID},
      {"Package Name", REBUY_ROLE_PRODUCT},
      {"Reviewer Language", REBUY_ROLE_LANGUAGE},
      {"Review Submit Date and Time", REBUY_ROLE_SUBMITTED_AT},
      {"Star Rating", REBUY_ROLE_RATING},
      {"Review Title", REBUY_ROLE_TITLE},
      {"Review Text", REBUY_ROLE_TEXT}}},
    {"google-play-scraper reviews",
     "google_play",
     REBUY_RECORD_REVIEW,
     85,
     {"reviewId", "content", "score", "at"},
     {{"reviewId", REBUY_ROLE_ID},
      {"at", REBUY_ROLE_SUBMITTED_AT},
      {"score", REBUY_ROLE_RATING},
      {"content", REBUY_ROLE_TEXT}}},
};

// The review's id inside its Play Console link: the reviewId / reviewid
// parameter ("gp:AOqpTO..."); the whole link when it has none.
std::string_view review_id_of(std::string_view link) {
  std::string lower = rebuy::ascii_lower(link);
  size_t at = lower.find("reviewid=");
  if (at == std::string::npos) return link;
  std::string_view id = link.substr(at + 9);
  return id.substr(0, id.find_first_of("&#"));
}

class google_play_importer : public rebuy::tabular_importer {
public:
  google_play_importer(const rebuy::host &host, const rebuy::input &input,
                       const rebuy::options &options)
      : tabular_importer(host, input, "google_play") {
    use_layout(layouts, options);
    size_t id = column(REBUY_ROLE_ID);
    if (id != std::string_view::npos && rebuy::header_is(column_names()[id], "Review Link")) {
      link_ = id;
      package_ = rebuy::find_header(column_names(), "Package Name");
      submitted_ = rebuy::find_header(column_names(), "Review Submit Millis Since Epoch");
    }
  }
  static int probe(std::string_view head, std::string_view) {
    return rebuy::probe_layouts(head, layouts);
  }

private:
  static constexpr size_t none = std::string_view::npos;

  // A report row's id is in its Review Link, so an edited review (same link,
  // a later "Last Update") updates the stored one. Rows without a link (a
  // rating without text) are keyed by app and submission time instead.
  void emit_row(rebuy::batch_builder &out, row &r) override {
    if (link_ == none) {
      emit_columns(out, r);
      return;
    }
    std::string_view link = rebuy::trim_ascii(r.fields[link_]);
    r.fields[link_] = review_id_of(link);
    if (!emit_columns(out, r)) return;
    if (!link.empty()) {
      out.field(REBUY_ROLE_ATTRIBUTE, column_names()[link_], link);
    } else if (package_ != none && submitted_ != none &&
               !rebuy::trim_ascii(r.fields[submitted_]).empty()) {
      fallback_id_.assign(rebuy::trim_ascii(r.fields[package_]));
      fallback_id_.append("@").append(rebuy::trim_ascii(r.fields[submitted_]));
      out.field(REBUY_ROLE_ID, "", fallback_id_);
    }
  }

  size_t link_ = none, package_ = none, submitted_ = none;
  std::string fallback_id_;
};

} // namespace

REBUY_IMPORTER_PLUGIN(google_play_importer, "google_play", "Google Play", "1.0.0",
                      "Google Play Console review reports and google-play-scraper CSV")
