// Apple App Store reviews: App Store Connect API JSON, and the CSV that
// review scrapers save (`date,title,review,rating`, with or without user
// names, platform, developer responses and language).
#include "app_store_json.hpp"

#include <rebuy/tabular_importer.hpp>

#include <algorithm>
#include <cstring>
#include <memory>

namespace app_store {

namespace {

const std::vector<rebuy::tabular_layout> layouts = {
    {"scraped app reviews (date, review, rating)",
     "app_store",
     REBUY_RECORD_REVIEW,
     60,
     {"date", "review", "rating"},
     {{"reviewId|id", REBUY_ROLE_ID},
      {"date", REBUY_ROLE_SUBMITTED_AT},
      {"title", REBUY_ROLE_TITLE},
      {"review", REBUY_ROLE_TEXT},
      {"rating", REBUY_ROLE_RATING},
      {"language", REBUY_ROLE_LANGUAGE},
      {"country", REBUY_ROLE_COUNTRY}}},
};

class csv_reviews : public rebuy::tabular_importer {
public:
  csv_reviews(const rebuy::host &host, const rebuy::input &input, const rebuy::options &options)
      : tabular_importer(host, input, "app_store") {
    use_layout(layouts, options);
  }
};

bool starts_json(std::string_view head) {
  size_t first = head.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (head[first] == '{' || head[first] == '[');
}

} // namespace

// Looks at the head of the input to choose JSON or CSV, then hands the
// reader the whole input, the head included.
class app_store_importer : public rebuy::importer {
public:
  app_store_importer(const rebuy::host &host, const rebuy::input &input,
                     const rebuy::options &options)
      : source_(input) {
    head_.resize(4096);
    size_t n = 0;
    while (n < head_.size())
      if (size_t got = input.read(head_.data() + n, head_.size() - n))
        n += got;
      else
        break;
    head_.resize(n);
    replay_ = {sizeof(rebuy_input), this, rebuy::to_str(input.name()), input.size_hint(),
               &app_store_importer::read};
    if (starts_json(head_))
      impl_ = std::make_unique<json_reviews>(host, rebuy::input(&replay_), options);
    else
      impl_ = std::make_unique<csv_reviews>(host, rebuy::input(&replay_), options);
  }

  static int probe(std::string_view head, std::string_view) {
    if (starts_json(head))
      return head.find("\"customerReviews\"") != std::string_view::npos ? 90 : 0;
    return rebuy::probe_layouts(head, layouts);
  }

  rebuy::source_description describe() const override { return impl_->describe(); }
  bool read_batch(rebuy::batch_builder &out, size_t max_rows) override {
    return impl_->read_batch(out, max_rows);
  }

private:
  static int64_t read(void *context, char *buffer, size_t capacity) noexcept {
    auto *self = static_cast<app_store_importer *>(context);
    try {
      if (self->replayed_ < self->head_.size()) {
        size_t n = std::min(capacity, self->head_.size() - self->replayed_);
        std::memcpy(buffer, self->head_.data() + self->replayed_, n);
        self->replayed_ += n;
        return static_cast<int64_t>(n);
      }
      return static_cast<int64_t>(self->source_.read(buffer, capacity));
    } catch (...) {
      return -1;
    }
  }

  rebuy::input source_;
  std::string head_;
  size_t replayed_ = 0;
  rebuy_input replay_{};
  std::unique_ptr<rebuy::importer> impl_;
};

} // namespace app_store

REBUY_IMPORTER_PLUGIN(app_store::app_store_importer, "app_store", "Apple App Store", "1.0.0",
                      "App Store Connect API review JSON and scraped app review CSV")
