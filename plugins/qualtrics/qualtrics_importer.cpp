#include "qualtrics_importer.hpp"

#include <rebuy/column_mapping.hpp>
#include <rebuy/text_util.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <array>

namespace rebuy_qualtrics {

namespace {

constexpr std::string_view import_id_prefix = "{\"ImportId\"";

// Columns Qualtrics adds to every export, and the role each plays. Both
// spellings: the current export tags and the legacy row-2 names.
constexpr rebuy::named_role metadata[] = {
    {"ResponseId", REBUY_ROLE_ID},
    {"StartDate", REBUY_ROLE_ATTRIBUTE},
    {"EndDate", REBUY_ROLE_ATTRIBUTE}, // the submission time unless RecordedDate exists
    {"RecordedDate", REBUY_ROLE_SUBMITTED_AT},
    {"Status", REBUY_ROLE_ATTRIBUTE},
    {"IPAddress", REBUY_ROLE_ATTRIBUTE},
    {"Progress", REBUY_ROLE_ATTRIBUTE},
    {"Duration (in seconds)", REBUY_ROLE_ATTRIBUTE},
    {"Finished", REBUY_ROLE_ATTRIBUTE},
    {"RecipientLastName", REBUY_ROLE_ATTRIBUTE},
    {"RecipientFirstName", REBUY_ROLE_ATTRIBUTE},
    {"LocationLatitude", REBUY_ROLE_ATTRIBUTE},
    {"LocationLongitude", REBUY_ROLE_ATTRIBUTE},
    {"LocationAccuracy", REBUY_ROLE_ATTRIBUTE},
    {"DistributionChannel", REBUY_ROLE_CHANNEL},
    {"UserLanguage", REBUY_ROLE_LANGUAGE},
    {"ResponseSet", REBUY_ROLE_ATTRIBUTE},
    {"Name", REBUY_ROLE_ATTRIBUTE},
    // The customer is decided from the data: see choose_customer().
    {"ExternalReference", REBUY_ROLE_ATTRIBUTE},
    {"ExternalDataReference", REBUY_ROLE_ATTRIBUTE},
};

// Text iQ enrichments are named "<tag> - <what>": Qualtrics' own analysis,
// kept as attributes and never guessed to be the customer's answer.
constexpr std::array<std::string_view, 6> text_iq_words = {
    "Sentiment", "Topic", "Parent Topic", "Actionability", "Emotion", "Effort"};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         rebuy::ascii_iequals(s.substr(s.size() - suffix.size()), suffix);
}

bool computed_column(std::string_view tag) {
  if (ends_with_ci(tag, "_NPS_GROUP")) return true;
  size_t dash = tag.find(" - ");
  if (dash == std::string_view::npos) return false;
  std::string_view what = tag.substr(dash + 3);
  return std::any_of(text_iq_words.begin(), text_iq_words.end(),
                     [&](std::string_view w) { return starts_with(what, w); });
}

// The IANA zone a row-3 cell gives its column's times, or empty.
std::string time_zone(std::string_view cell) {
  cell = rebuy::trim_ascii(cell);
  if (!starts_with(cell, "{")) return {};
  rapidjson::Document json;
  // Iterative: hostile nesting must not exhaust the stack.
  json.Parse<rapidjson::kParseIterativeFlag>(cell.data(), cell.size());
  if (json.HasParseError() || !json.IsObject()) return {};
  auto zone = json.FindMember("timeZone");
  if (zone == json.MemberEnd() || !zone->value.IsString()) return {};
  std::string id(zone->value.GetString(), zone->value.GetStringLength());
  // An IANA id ("America/Denver", "Etc/GMT+5"); anything else is not passed on.
  bool plain = !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
           c == '_' || c == '+' || c == '-';
  });
  return plain ? id : std::string();
}

// An on/off option: 1, true, yes or 0, false, no; off when not given.
bool flag(const rebuy::options &options, std::string_view key) {
  std::string value = rebuy::ascii_lower(rebuy::trim_ascii(options.get(key).value_or("0")));
  if (value == "1" || value == "true" || value == "yes") return true;
  if (value == "0" || value == "false" || value == "no") return false;
  throw rebuy::error("option " + std::string(key) + " must be 1 or 0, not \"" + value + "\"");
}

std::vector<std::string> copy_fields(const rebuy::csv_record &record) {
  return {record.fields.begin(), record.fields.end()};
}

template <class Fields> bool is_legacy_tags(const Fields &tags) {
  return tags.size() >= 3 && rebuy::trim_ascii(tags[0]) == "V1" &&
         rebuy::trim_ascii(tags[1]) == "V2" && rebuy::trim_ascii(tags[2]) == "V3";
}

} // namespace

qualtrics_importer::qualtrics_importer(const rebuy::host &host, const rebuy::input &input,
                                       const rebuy::options &options, rebuy::csv_limits limits)
    : guessed_table_importer(host, input, limits, "qualtrics") {
  table_.warn_unknown_options(options, {"include_previews", "include_tests", "include_spam"});
  include_.previews = flag(options, "include_previews");
  include_.tests = flag(options, "include_tests");
  include_.spam = flag(options, "include_spam");

  std::vector<std::vector<std::string>> rows;
  std::vector<uint64_t> lines;
  auto header_row = [&](const char *what) {
    const rebuy::csv_record &r = table_.read_header(what);
    lines.push_back(r.line);
    rows.push_back(copy_fields(r));
  };
  header_row("header row 1 (export tags)");
  legacy_ = is_legacy_tags(rows[0]);
  header_row("header row 2 (question labels)");
  if (!legacy_) {
    header_row("header row 3 ({\"ImportId\":...})");
    if (!starts_with(rebuy::trim_ascii(rows[2][0]), import_id_prefix))
      throw rebuy::error("header row 3 on line " + std::to_string(lines[2]) +
                         " is not Qualtrics' ImportId row: its first cell should start with " +
                         std::string(import_id_prefix) + ", not \"" +
                         std::string(rebuy::utf8_prefix(rows[2][0], 40)) + "\"");
  }

  // A trailing delimiter on every header row (legacy exports have one) is no column.
  size_t width = rows[0].size();
  auto blank_in_all = [&](size_t c) {
    return std::all_of(rows.begin(), rows.end(), [&](const std::vector<std::string> &row) {
      return c >= row.size() || rebuy::trim_ascii(row[c]).empty();
    });
  };
  while (width > 1 && blank_in_all(width - 1))
    --width;
  for (size_t r = 1; r < rows.size(); ++r) {
    bool fits = rows[r].size() >= width &&
                std::all_of(rows[r].begin() + long(width), rows[r].end(),
                            [](const std::string &f) { return rebuy::trim_ascii(f).empty(); });
    if (!fits)
      throw rebuy::error("header row " + std::to_string(r + 1) + " on line " +
                         std::to_string(lines[r]) + " has " + std::to_string(rows[r].size()) +
                         " fields, header row 1 has " + std::to_string(width));
  }

  // Names: the export tag; in legacy exports V1..V10 say nothing and their
  // row-2 names (ResponseID, Status...) stand in.
  std::vector<std::string_view> tags;
  for (size_t c = 0; c < width; ++c) {
    std::string_view tag = rebuy::trim_ascii(rows[0][c]);
    std::string_view label = rebuy::trim_ascii(rows[1][c]);
    bool v_tag =
        legacy_ && tag.size() >= 2 && tag[0] == 'V' &&
        std::all_of(tag.begin() + 1, tag.end(), [](char d) { return d >= '0' && d <= '9'; });
    tags.push_back(v_tag && !label.empty() ? label : tag);
  }
  std::vector<std::string> names = rebuy::unique_column_names(tags);

  table_.read_sample(width);
  std::vector<rebuy::table_column> columns(width);
  std::optional<size_t> recorded, end_date, reference, email;
  for (size_t c = 0; c < width; ++c) {
    rebuy::table_column &column = columns[c];
    column.name = names[c];
    column.label = std::string(rebuy::trim_ascii(rows[1][c]));
    column.known = rebuy::role_named(metadata, column.name);
    if (computed_column(column.name)) column.known = REBUY_ROLE_ATTRIBUTE;
    const std::string &n = column.name;
    if (rebuy::ascii_iequals(n, "Status")) status_column_ = c;
    if (rebuy::ascii_iequals(n, "RecordedDate")) recorded = c;
    if (rebuy::ascii_iequals(n, "EndDate")) end_date = c;
    if (rebuy::ascii_iequals(n, "ExternalReference") ||
        rebuy::ascii_iequals(n, "ExternalDataReference"))
      reference = c;
    if (rebuy::ascii_iequals(n, "RecipientEmail") || rebuy::ascii_iequals(n, "EmailAddress")) {
      email = c;
      column.known = REBUY_ROLE_ATTRIBUTE;
    }
  }
  if (!recorded && end_date) columns[*end_date].known = REBUY_ROLE_SUBMITTED_AT;
  // The customer: the external reference a contact list carries (the
  // business's own customer id) when the export has any, else the e-mail.
  auto filled = [&](size_t c) {
    auto values = table_.sample_values(c);
    return std::any_of(values.begin(), values.end(),
                       [](std::string_view v) { return !rebuy::trim_ascii(v).empty(); });
  };
  if (reference && (filled(*reference) || !email))
    columns[*reference].known = REBUY_ROLE_CUSTOMER;
  else if (email)
    columns[*email].known = REBUY_ROLE_CUSTOMER;
  table_.guess(std::move(columns), options);

  // Row 3 says in which zone the zone-less times of a date column are.
  if (!legacy_)
    for (size_t c = 0; c < width; ++c)
      if (std::string zone = time_zone(rows[2][c]); !zone.empty())
        table_.set_suffix(c, std::move(zone));
}

std::string qualtrics_importer::skip_reason(std::string_view status) const {
  status = rebuy::trim_ascii(status);
  std::string lower = rebuy::ascii_lower(status);
  auto has = [&](std::string_view word) { return lower.find(word) != std::string::npos; };
  // Choice-text exports spell the status out ("Survey Preview"); numeric ones give the code.
  std::string what;
  if (status == "8" || status == "9" || has("spam")) {
    if (include_.spam) return {};
    what = "spam): Qualtrics flagged the response as spam; --option include_spam=1 imports it";
  } else if (status == "1" || status == "17" || has("preview")) {
    if (include_.previews) return {};
    what = "survey preview): previews are not responses; --option include_previews=1 imports them";
  } else if (status == "2" || has("test")) {
    if (include_.tests) return {};
    what = "test response): generated by a survey test, not given by a respondent; --option "
           "include_tests=1 imports them";
  } else {
    return {};
  }
  bool code =
      std::all_of(status.begin(), status.end(), [](char c) { return c >= '0' && c <= '9'; });
  return "Status " + (code ? std::string(status) : "\"" + std::string(status) + "\"") + " (" + what;
}

bool qualtrics_importer::read_batch(rebuy::batch_builder &out, size_t max_rows) {
  return table_.read_batch(
      out, max_rows, [this](rebuy::batch_builder &b, const rebuy::csv_record &row) {
        std::string reason = status_column_ ? skip_reason(row.fields[*status_column_]) : "";
        if (reason.empty())
          table_.emit(b, row, REBUY_RECORD_SURVEY);
        else
          b.skip(row.line, reason, row.raw);
      });
}

int qualtrics_importer::probe(std::string_view head, std::string_view) noexcept {
  try {
    rebuy::head_reader reader(head);
    rebuy::csv_record row;
    if (!reader.next(row)) return 0;
    bool legacy = is_legacy_tags(row.fields);
    // Row 3 may be cut off by the end of the head; its first cell is enough.
    if (!reader.next(row)) return 0;
    if (legacy) {
      bool response_id = std::any_of(row.fields.begin(), row.fields.end(), [](std::string_view f) {
        return rebuy::ascii_iequals(rebuy::trim_ascii(f), "ResponseID");
      });
      return response_id ? 90 : 0;
    }
    if (!reader.next(row) || row.fields.empty()) return 0;
    return starts_with(rebuy::trim_ascii(row.fields[0]), import_id_prefix) ? 95 : 0;
  } catch (...) {
    return 0;
  }
}

} // namespace rebuy_qualtrics

REBUY_IMPORTER_PLUGIN(rebuy_qualtrics::qualtrics_importer, "qualtrics", "Qualtrics", "1.0.0",
                      "Qualtrics response exports (CSV/TSV, three header rows or legacy two)")
