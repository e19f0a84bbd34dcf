// Example rebuy importer: a help-desk ticket export with a satisfaction (CSAT) answer.
//
//   ticket_id,closed_at,requester_email,subject,satisfaction,comment
//   48213,2026-03-02T09:14:00Z,ana@example.com,Where is my order?,bad,Took two weeks.
//
// `satisfaction` is what the help desk recorded: "good"/"bad" (Zendesk-style) or 1-5. It is
// passed on verbatim as the csat field: interpreting scales is the host's job, so every
// importer stays a plain reader and nothing is lost. Tickets whose survey was sent but not
// answered ("offered"), or never sent ("unoffered"), are skipped with a reason the user
// sees, not silently dropped.
//
// This is the file plugin authors copy: it shows probing, opening, describing the column
// mapping, reading in batches with the SDK's CSV reader (quoted fields with commas, doubled
// quotes and line breaks; CRLF; line numbers), rejects, skips, progress and cancellation.
#include <rebuy/csv_reader.hpp>
#include <rebuy/plugin.hpp>

#include <array>
#include <string>
#include <string_view>

namespace {

struct column {
  std::string_view name;
  rebuy_role role;
};

// The export's columns, in file order, and the roles they play.
constexpr std::array<column, 6> columns{{
    {"ticket_id", REBUY_ROLE_ID},
    {"closed_at", REBUY_ROLE_SUBMITTED_AT},
    {"requester_email", REBUY_ROLE_CUSTOMER},
    {"subject", REBUY_ROLE_TITLE},
    {"satisfaction", REBUY_ROLE_CSAT},
    {"comment", REBUY_ROLE_TEXT},
}};
constexpr size_t satisfaction_column = 4;
constexpr std::string_view header =
    "ticket_id,closed_at,requester_email,subject,satisfaction,comment";

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool is_header(const rebuy::csv_record &row) {
  if (row.status != rebuy::csv_status::ok || row.fields.size() != columns.size()) return false;
  for (size_t i = 0; i < columns.size(); ++i)
    if (row.fields[i] != columns[i].name) return false;
  return true;
}

class helpdesk_importer final : public rebuy::importer {
public:
  // The host shows every plugin the start of the file and picks the most confident one.
  // An exact header is strong evidence, but not certainty: leave room above 90 for a
  // plugin that knows a more specific variant.
  static int probe(std::string_view head, std::string_view /*file_name*/) noexcept {
    std::string_view first = head.substr(0, head.find('\n'));
    if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
    return first == header ? 90 : 0;
  }

  // host is copied: the SDK passes temporaries that die after construction (the reader
  // copies the input).
  helpdesk_importer(const rebuy::host &host, const rebuy::input &input,
                    const rebuy::options & /*options*/)
      : host_(host), size_hint_(input.size_hint()), reader_(input) {
    // The user can force an importer onto any file; fail clearly instead of misreading.
    if (!reader_.next(row_) || !is_header(row_))
      throw rebuy::error("not a help-desk ticket export: the first line must be \"" +
                         std::string(header) + "\"");
  }

  rebuy::source_description describe() const override {
    rebuy::source_description d;
    d.source = "helpdesk";
    d.kind = REBUY_RECORD_SURVEY; // a CSAT answer is a survey response about a ticket
    for (const auto &c : columns)
      d.columns.emplace_back(std::string(c.name), c.role);
    return d;
  }

  bool read_batch(rebuy::batch_builder &out, size_t max_rows) override {
    host_.check_cancelled();
    bool more = true;
    while (more && out.row_count() < max_rows) {
      more = reader_.next(row_);
      if (more) read_row(out);
    }
    // Bytes of decoded text against the file's size: close enough for a progress bar.
    host_.progress(reader_.bytes_consumed(), size_hint_);
    return more;
  }

private:
  // Turns one row into exactly one record, reject or skip, so that the host's count
  // "rows in = stored + rejected + skipped" holds.
  void read_row(rebuy::batch_builder &out) {
    const uint64_t line = row_.line; // where the row starts: a quoted field may span lines
    switch (row_.status) {
    case rebuy::csv_status::blank:
      out.skip(line, "empty line");
      return;
    case rebuy::csv_status::unterminated_quote:
      out.reject(line,
                 "a quote opened on line " + std::to_string(row_.quote_line) + " is never closed",
                 row_.raw);
      return;
    case rebuy::csv_status::too_many_bytes:
    case rebuy::csv_status::too_many_fields:
      out.reject(line, "the row is too long", row_.raw);
      return;
    case rebuy::csv_status::ok:
      break;
    }
    if (row_.fields.size() != columns.size()) {
      auto reason = "expected " + std::to_string(columns.size()) + " fields, found " +
                    std::to_string(row_.fields.size());
      out.reject(line, reason, row_.raw);
      return;
    }
    const std::string_view satisfaction = row_.fields[satisfaction_column];
    if (equals_ignoring_case(satisfaction, "offered")) {
      out.skip(line, "satisfaction offered but not answered", row_.raw);
      return;
    }
    if (equals_ignoring_case(satisfaction, "unoffered")) {
      out.skip(line, "satisfaction survey not offered", row_.raw);
      return;
    }
    out.begin_record(line, REBUY_RECORD_SURVEY);
    for (size_t i = 0; i < columns.size(); ++i) {
      // An empty cell is no answer: leave the field out rather than hand the host an
      // empty csat or timestamp it would have to reject.
      if (!row_.fields[i].empty()) out.field(columns[i].role, columns[i].name, row_.fields[i]);
    }
  }

  rebuy::host host_;
  uint64_t size_hint_;
  rebuy::csv_reader reader_;
  rebuy::csv_record row_; // reused for every row to avoid allocations
};

} // namespace

REBUY_IMPORTER_PLUGIN(helpdesk_importer, "helpdesk", "Help-desk CSAT export", "1.0.0",
                      "Reads help-desk ticket exports with a satisfaction (CSAT) answer")
