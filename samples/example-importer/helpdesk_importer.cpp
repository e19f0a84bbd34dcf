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
// mapping, reading in batches, rejects, skips, progress and cancellation.
#include <rebuy/plugin.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

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

// Drops the '\r' of a CRLF line end.
std::string_view chomp(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Splits one CSV line into fields, handling quoted fields and doubled quotes ("").
// Returns false when a quote is left open. Help-desk exports write one ticket per line, so
// this reader does not support line breaks inside fields: such a row ends up rejected
// (open quote), and so does its continuation line, instead of being misread.
bool split_csv_line(std::string_view line, std::vector<std::string> &fields) {
  fields.assign(1, std::string());
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c != '"') {
        fields.back() += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return !quoted;
}

class helpdesk_importer final : public rebuy::importer {
public:
  // The host shows every plugin the start of the file and picks the most confident one.
  // An exact header is strong evidence, but not certainty: leave room above 90 for a
  // plugin that knows a more specific variant.
  static int probe(std::string_view head, std::string_view /*file_name*/) noexcept {
    return chomp(head.substr(0, head.find('\n'))) == header ? 90 : 0;
  }

  // host and input are copied: the SDK passes temporaries that die after construction.
  helpdesk_importer(const rebuy::host &host, const rebuy::input &input,
                    const rebuy::options & /*options*/)
      : host_(host), input_(input) {
    std::string_view first;
    // The user can force an importer onto any file; fail clearly instead of misreading.
    if (!next_line(first) || chomp(first) != header)
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
    std::string_view line;
    bool more = true;
    while (more && out.row_count() < max_rows) {
      more = next_line(line);
      if (more) read_row(out, chomp(line));
    }
    // Bytes of decoded text against the file's size: close enough for a progress bar.
    host_.progress(consumed_, input_.size_hint());
    return more;
  }

private:
  // Turns one line into exactly one record, reject or skip, so that the host's count
  // "rows in = stored + rejected + skipped" holds.
  void read_row(rebuy::batch_builder &out, std::string_view line) {
    if (line.empty()) {
      out.skip(line_number_, "empty line");
      return;
    }
    if (!split_csv_line(line, fields_)) {
      out.reject(line_number_, "unterminated quote (fields with line breaks are not supported)",
                 line);
      return;
    }
    if (fields_.size() != columns.size()) {
      auto reason = "expected " + std::to_string(columns.size()) + " fields, found " +
                    std::to_string(fields_.size());
      out.reject(line_number_, reason, line);
      return;
    }
    const std::string &satisfaction = fields_[satisfaction_column];
    if (equals_ignoring_case(satisfaction, "offered")) {
      out.skip(line_number_, "satisfaction offered but not answered", line);
      return;
    }
    if (equals_ignoring_case(satisfaction, "unoffered")) {
      out.skip(line_number_, "satisfaction survey not offered", line);
      return;
    }
    out.begin_record(line_number_, REBUY_RECORD_SURVEY);
    for (size_t i = 0; i < columns.size(); ++i) {
      // An empty cell is no answer: leave the field out rather than hand the host an
      // empty csat or timestamp it would have to reject.
      if (!fields_[i].empty()) out.field(columns[i].role, columns[i].name, fields_[i]);
    }
  }

  // Sets `line` to the next line (without its '\n'), valid until the next call; false at
  // the end of the input. Reads in chunks because the input is a stream of unknown size.
  bool next_line(std::string_view &line) {
    for (;;) {
      size_t end = buffer_.find('\n', start_);
      if (end != std::string::npos || (at_end_ && start_ < buffer_.size())) {
        if (end == std::string::npos) end = buffer_.size(); // last line without '\n'
        line = std::string_view(buffer_).substr(start_, end - start_);
        consumed_ += std::min(end + 1, buffer_.size()) - start_;
        start_ = end + 1;
        ++line_number_;
        return true;
      }
      if (at_end_) return false;
      buffer_.erase(0, start_);
      start_ = 0;
      size_t kept = buffer_.size();
      buffer_.resize(kept + chunk_size);
      size_t got = input_.read(buffer_.data() + kept, chunk_size);
      buffer_.resize(kept + got);
      at_end_ = got == 0;
    }
  }

  static constexpr size_t chunk_size = 64 * 1024;

  rebuy::host host_;
  rebuy::input input_;
  std::string buffer_; // unread input starts at start_
  size_t start_ = 0;
  bool at_end_ = false;
  uint64_t line_number_ = 0; // of the line next_line returned last; the header is line 1
  uint64_t consumed_ = 0;
  std::vector<std::string> fields_; // reused for every row to avoid allocations
};

} // namespace

REBUY_IMPORTER_PLUGIN(helpdesk_importer, "helpdesk", "Help-desk CSAT export", "1.0.0",
                      "Reads help-desk ticket exports with a satisfaction (CSAT) answer")
