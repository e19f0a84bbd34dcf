#include "pipeline/stager.hpp"

#include "util/sha256.hpp"
#include "util/timestamp.hpp"
#include "util/utf8.hpp"

#include <rebuy/plugin.hpp>
#include <rebuy/text_util.hpp>

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace rebuy::core {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::string_view display(std::string_view value) {
  return value.size() > 40 ? value.substr(0, 40) : value;
}

// "1 date", "605 dates"
std::string count_of(size_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

bool known_role(rebuy_role role) { return role > 0 && role < REBUY_ROLE_COUNT_V1_0; }

// Year first (2024-05-06, 2024/05/06): one reading whatever the day/month order.
bool starts_with_year(std::string_view v) {
  auto digit = [&](size_t i) { return v[i] >= '0' && v[i] <= '9'; };
  return v.size() > 4 && digit(0) && digit(1) && digit(2) && digit(3) &&
         (v[4] == '-' || v[4] == '/' || v[4] == '.');
}

} // namespace

std::optional<int64_t> parse_nps_answer(std::string_view text) {
  text = trim(text);
  int64_t value = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || value < 0 || value > 10) return std::nullopt;
  std::string_view rest(end, static_cast<size_t>(text.data() + text.size() - end));
  if (rest.empty()) return value;
  if (rest == ".0" || rest == ".00") return value;
  // "10 - Extremely likely", "0: Not at all likely"
  auto after = trim(rest);
  if (!after.empty() && (after.front() == '-' || after.front() == ':' || after.front() == '=') &&
      rest.front() == ' ')
    return value;
  return std::nullopt;
}

std::optional<double> parse_number(std::string_view text) {
  text = trim(text);
  std::string digits;
  for (char c : text)
    if (c != ',') digits += c;
  double value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

stager::stager(std::string source, std::optional<date_order> order, uint64_t input_bytes)
    : keyer_(std::move(source), input_bytes), order_(order) {
  if (order_)
    date_note_ = order_ == date_order::day_first ? "dates read day first (as asked)"
                                                 : "dates read month first (as asked)";
}

void stager::decide_date_order(const rebuy_batch &in) {
  size_t day_first = 0, month_first = 0, ambiguous = 0;
  uint64_t first_day_first = 0, first_month_first = 0;
  for (size_t i = 0; i < in.record_count; ++i) {
    const auto &record = in.records[i];
    for (size_t f = 0; f < record.field_count; ++f) {
      if (record.fields[f].role != REBUY_ROLE_SUBMITTED_AT) continue;
      std::string_view value = to_view(record.fields[f].value);
      if (starts_with_year(value)) continue; // 2024-05-06 reads one way only
      auto evidence = date_order_evidence(value);
      if (evidence == date_order::day_first) {
        if (!day_first++) first_day_first = record.line;
      } else if (evidence == date_order::month_first) {
        if (!month_first++) first_month_first = record.line;
      } else if (parse_loose_date(value, date_order::day_first) !=
                 parse_loose_date(value, date_order::month_first)) {
        ++ambiguous;
      }
    }
  }
  if (day_first + month_first == 0) {
    if (ambiguous == 0) return; // nothing to decide yet
    order_ = date_order::month_first;
    date_note_ = fmt::format("dates like 05/06/2024 read month first: {} could be read either "
                             "way and none only one way (--date-order day-first if that is wrong)",
                             count_of(ambiguous, "date"));
    return;
  }
  order_ = day_first > month_first ? date_order::day_first : date_order::month_first;
  const bool days = order_ == date_order::day_first;
  const size_t agree = days ? day_first : month_first, disagree = days ? month_first : day_first;
  date_note_ = fmt::format(
      "dates read {} first: {} can only be read that way (the first on line {})",
      days ? "day" : "month", count_of(agree, "date"), days ? first_day_first : first_month_first);
  // The minority cannot be read in the chosen order: each is refused, visibly.
  if (disagree)
    date_note_ +=
        fmt::format("; {} can only be read {} first and {} refused", count_of(disagree, "other"),
                    days ? "month" : "day", disagree == 1 ? "is" : "are");
}

std::string stager::relative_date_note() const {
  const auto &[line, text] = first_relative_;
  if (relative_dates_ == 1)
    return fmt::format("relative date '{}' (line {}) kept as written, not turned into a date: its "
                       "response counts as undated",
                       display(text), line);
  if (relative_dates_ > 1)
    return fmt::format("{} relative dates kept as written, not turned into dates (the first: "
                       "'{}', line {}): their responses count as undated",
                       relative_dates_, display(text), line);
  return {};
}

void stager::stage(const rebuy_batch &in, staged_batch &out) {
  if (!order_) decide_date_order(in);
  const size_t first = out.responses().size();
  const size_t issues_before = out.rejects.size() + out.skips.size();
  for (size_t i = 0; i < in.record_count; ++i) {
    staged_response &staged = out.add();
    stage_record(in.records[i], staged, out);
    if (staged.kind == REBUY_RECORD_ORDER && staged.key.empty()) {
      out.drop_last();
      out.rejects.push_back(
          {in.records[i].line, "an order needs an order id; this row has none", ""});
    }
  }
  keyer_.key(out.responses_from(first));
  for (size_t i = 0; i < in.reject_count; ++i)
    out.rejects.push_back({in.rejects[i].line, repair_utf8(to_view(in.rejects[i].reason)),
                           repair_utf8(to_view(in.rejects[i].raw))});
  for (size_t i = 0; i < in.skip_count; ++i) {
    const auto &skip = in.skips[i];
    if (trim(to_view(skip.raw)).empty()) {
      out.count_skip(skip.line, valid_utf8_view(to_view(skip.reason), name_scratch_));
      continue;
    }
    out.skips.push_back(
        {skip.line, repair_utf8(to_view(skip.reason)), repair_utf8(to_view(skip.raw))});
  }
  records_ += out.responses().size() - first;
  refused_ += out.rejects.size() + out.skips.size() - issues_before;
}

void stager::stage_record(const rebuy_record &record, staged_response &out, staged_batch &batch) {
  out.line = record.line;
  out.kind = record.kind >= REBUY_RECORD_SURVEY && record.kind <= REBUY_RECORD_ORDER
                 ? record.kind
                 : REBUY_RECORD_SURVEY;
  for (auto &r : out.roles)
    r.clear();
  out.nps.reset();
  out.rating.reset();
  out.rating_max.reset();
  out.order_value.reset();
  out.order_count.reset();
  out.submitted_at.clear();

  hashed_.clear();
  json_.Clear();
  attributes_.Reset(json_);
  attributes_.StartObject();

  auto keep_as_attribute = [&](std::string_view name, std::string_view value) {
    attributes_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()), true);
    attributes_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()), true);
  };
  auto refuse_value = [&](std::string_view name, std::string_view value, std::string_view why) {
    batch.value_rejects.push_back(
        {record.line, fmt::format("{}: '{}' {}", name, display(value), why), std::string(value)});
    keep_as_attribute(name, value);
  };

  for (size_t f = 0; f < record.field_count; ++f) {
    const auto &field = record.fields[f];
    std::string_view name = valid_utf8_view(to_view(field.name), name_scratch_);
    std::string_view value = valid_utf8_view(to_view(field.value), value_scratch_);
    rebuy_role role = known_role(field.role) ? field.role : REBUY_ROLE_ATTRIBUTE;
    // Role, name and value with their sizes, so no two different rows hash alike.
    const uint64_t header[] = {static_cast<uint64_t>(role), name.size(), value.size()};
    hashed_.append(reinterpret_cast<const char *>(header), sizeof header);
    hashed_ += name;
    hashed_ += value;

    if (role == REBUY_ROLE_ATTRIBUTE) {
      keep_as_attribute(name, value);
      continue;
    }
    auto &slot = out.roles[static_cast<size_t>(role)];
    if (!slot.empty()) {
      // A second column with the same role: texts are joined, others kept as attributes.
      if (role == REBUY_ROLE_TEXT && !trim(value).empty()) {
        slot += "\n\n";
        slot += value;
      } else {
        keep_as_attribute(name.empty() ? std::string_view(role_name(role)) : name, value);
      }
      continue;
    }
    std::string_view label = name.empty() ? std::string_view(role_name(role)) : name;
    switch (role) {
    case REBUY_ROLE_NPS:
      if (auto v = parse_nps_answer(value))
        out.nps = v;
      else if (!trim(value).empty()) {
        refuse_value(label, value, "is not a 0-10 score");
        continue;
      }
      break;
    case REBUY_ROLE_RATING:
    case REBUY_ROLE_RATING_MAX:
    case REBUY_ROLE_ORDER_VALUE: {
      auto v = parse_number(value);
      if (!v && !trim(value).empty()) {
        refuse_value(label, value, "is not a number");
        continue;
      }
      (role == REBUY_ROLE_RATING       ? out.rating
       : role == REBUY_ROLE_RATING_MAX ? out.rating_max
                                       : out.order_value) = v;
      if (role == REBUY_ROLE_RATING) rating_name_.assign(label);
      break;
    }
    case REBUY_ROLE_ORDER_COUNT: {
      auto v = parse_number(value);
      if (!v || *v < 0 || *v != std::floor(*v)) {
        if (!trim(value).empty()) refuse_value(label, value, "is not a whole number");
        continue;
      }
      out.order_count = static_cast<int64_t>(*v);
      break;
    }
    case REBUY_ROLE_SUBMITTED_AT:
      if (auto t = normalize_timestamp(value, order_.value_or(date_order::month_first))) {
        out.submitted_at = *t;
        // Read day first, the same text means another date: a re-import with
        // a different order must update the row.
        if (order_ == date_order::day_first)
          hashed_ += "\x01"
                     "day-first";
      } else if (!trim(value).empty()) {
        // The original stays in the response (submitted_raw); only the
        // normalised time is missing. "3 days ago" counted from an unknown
        // day would be an invented date.
        const bool relative = looks_like_relative_date(value);
        if (relative && !relative_dates_++) first_relative_ = {record.line, std::string(value)};
        batch.value_rejects.push_back(
            {record.line,
             relative
                 ? fmt::format("{}: '{}' is a relative date: kept as written, not turned "
                               "into a date; the response counts as undated",
                               label, display(value))
                 : fmt::format("{}: '{}' is not a date rebuy can read{}", label, display(value),
                               order_ ? " in this file's day/month order" : ""),
             std::string(value)});
      }
      break;
    default:
      break;
    }
    slot = role == REBUY_ROLE_TEXT || role == REBUY_ROLE_TITLE ? value : trim(value);
  }
  // A rating above its maximum (5 unless the row says) is on another scale
  // than the rest of its column: refused, never read on a second scale.
  if (out.rating && (*out.rating < 0 || *out.rating > out.rating_max.value_or(5))) {
    std::string &text = out.roles[REBUY_ROLE_RATING];
    refuse_value(rating_name_, text,
                 fmt::format("is outside the rating's scale (0 to {})",
                             rebuy::short_number(out.rating_max.value_or(5))));
    text.clear();
    out.rating.reset();
  }
  attributes_.EndObject();
  out.attributes.assign(json_.GetString(), json_.GetSize());
  // One update per row: OpenSSL's cost per call outweighs hashing a field's bytes.
  content_.update(hashed_);
  content_.hex_digest(out.content_hash, 32);

  out.external_id = out.roles[REBUY_ROLE_ID];
  if (out.kind == REBUY_RECORD_ORDER) {
    // Orders are keyed by their order id, whichever role carries it.
    const auto &order_id = out.roles[REBUY_ROLE_ORDER_ID];
    out.key = !order_id.empty() ? order_id : out.external_id;
  } else if (!out.external_id.empty()) {
    out.key = out.external_id;
  } else {
    uint32_t n = ++occurrences_[std::stoull(out.content_hash.substr(0, 16), nullptr, 16)];
    out.key = n == 1 ? "h:" + out.content_hash : fmt::format("h:{}#{}", out.content_hash, n);
  }
}

} // namespace rebuy::core
