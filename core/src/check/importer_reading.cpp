#include "check/importer_reading.hpp"

#include "check/abi_strings.hpp"
#include "check/check_host.hpp"
#include "input/decoded_reader.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace rebuy::core {
namespace {

// An importer that keeps answering OK with nothing would never end.
constexpr uint64_t max_empty_batches = 10000;

// The rebuy_input the importer reads: decoded text, counted by lines, that
// can be made to fail part-way.
struct counted_input {
  counted_input(const std::filesystem::path &file, bool raw, uint64_t fail_after)
      : reader(file, raw), name(file.filename().string()), fail_after(fail_after) {
    abi.struct_size = sizeof abi;
    abi.context = this;
    abi.name = {name.data(), name.size()};
    abi.size_hint = reader.file_size();
    abi.read = &read;
  }

  static int64_t read(void *context, char *buffer, size_t capacity) {
    auto *self = static_cast<counted_input *>(context);
    if (self->delivered >= self->fail_after) {
      self->failed = true;
      return -1;
    }
    capacity =
        static_cast<size_t>(std::min<uint64_t>(capacity, self->fail_after - self->delivered));
    size_t n = 0;
    try {
      n = self->reader.read(buffer, capacity);
    } catch (...) {
      self->failed = true;
      return -1;
    }
    self->delivered += n;
    for (size_t i = 0; i < n; ++i) {
      // "\n", "\r\n" and a lone "\r" each end a line.
      if (buffer[i] == '\n' && self->last != '\r') ++self->line_breaks;
      if (buffer[i] == '\r') ++self->line_breaks;
      self->last = buffer[i];
    }
    return static_cast<int64_t>(n);
  }

  // Lines the importer has been given so far, a last one without a break included.
  uint64_t lines() const {
    return line_breaks + (delivered > 0 && last != '\n' && last != '\r' ? 1 : 0);
  }

  decoded_reader reader;
  std::string name;
  uint64_t fail_after, delivered = 0, line_breaks = 0;
  char last = '\0';
  bool failed = false;
  rebuy_input abi{};
};

void hash_str(sha256 &h, std::string_view s) {
  uint64_t size = s.size();
  h.update({reinterpret_cast<const char *>(&size), sizeof size});
  h.update(s);
}

void hash_int(sha256 &h, uint64_t v) { h.update({reinterpret_cast<const char *>(&v), sizeof v}); }

class batch_judge {
public:
  batch_judge(reading &out, bool raw) : out_(out), raw_(raw) {}

  void text(rebuy_str s, std::string_view what) {
    ++out_.strings;
    if (auto problem = string_problem(s); !problem.empty())
      out_.broken.note(importer_rule::utf8, fmt::format("{}: {}", what, problem));
  }

  void line(uint64_t line, uint64_t lines_given, std::string_view what) {
    if (line == 0)
      out_.broken.note(importer_rule::records,
                       fmt::format("{} on line 0 (lines count from 1)", what));
    else if (!raw_ && line > lines_given)
      out_.broken.note(importer_rule::records,
                       fmt::format("{} on line {}, but the input so far has only {} lines", what,
                                   line, lines_given));
  }

  void describe(const rebuy_source_info &info) {
    text(info.source, "the source name");
    if (info.kind < REBUY_RECORD_SURVEY || info.kind > REBUY_RECORD_ORDER)
      out_.broken.note(importer_rule::records,
                       fmt::format("describe: unknown record kind {}", info.kind));
    if (!info.columns && info.column_count) {
      out_.broken.note(importer_rule::records, "describe: a null column array with a count");
      return;
    }
    for (size_t i = 0; i < info.column_count; ++i) {
      text(info.columns[i].name, fmt::format("column {}'s name", i + 1));
      role(info.columns[i].role, fmt::format("column {}", i + 1));
    }
  }

  void role(rebuy_role role, std::string_view what) {
    if (role < 0 || role >= REBUY_ROLE_COUNT_V1_0)
      out_.broken.note(importer_rule::records, fmt::format("{} has unknown role {}", what, role));
  }

  void batch(const rebuy_batch &b, uint64_t lines_given, sha256 &records, sha256 &rejects,
             sha256 &skips) {
    if ((!b.records && b.record_count) || (!b.rejects && b.reject_count) ||
        (!b.skips && b.skip_count)) {
      out_.broken.note(importer_rule::records, "a batch with a null array and a count");
      return;
    }
    for (size_t i = 0; i < b.record_count; ++i) {
      const auto &r = b.records[i];
      line(r.line, lines_given, "a record");
      if (r.kind < REBUY_RECORD_SURVEY || r.kind > REBUY_RECORD_ORDER)
        out_.broken.note(importer_rule::records,
                         fmt::format("the record on line {} has unknown kind {}", r.line, r.kind));
      hash_int(records, r.line);
      hash_int(records, static_cast<uint64_t>(r.kind));
      hash_int(records, r.field_count);
      if (!r.fields && r.field_count) {
        out_.broken.note(importer_rule::records,
                         fmt::format("the record on line {} has a null field array", r.line));
        continue;
      }
      for (size_t f = 0; f < r.field_count; ++f) {
        const auto &field = r.fields[f];
        role(field.role, fmt::format("a field of the record on line {}", r.line));
        text(field.name, fmt::format("a field name on line {}", r.line));
        text(field.value, fmt::format("a value on line {}", r.line));
        hash_int(records, static_cast<uint64_t>(field.role));
        hash_str(records, safe_view(field.name));
        hash_str(records, safe_view(field.value));
      }
    }
    issues(b.rejects, b.reject_count, "reject", lines_given, rejects);
    issues(b.skips, b.skip_count, "skip", lines_given, skips);
  }

private:
  void issues(const rebuy_row_issue *list, size_t count, std::string_view what,
              uint64_t lines_given, sha256 &h) {
    for (size_t i = 0; i < count; ++i) {
      const auto &issue = list[i];
      line(issue.line, lines_given, fmt::format("a {}", what));
      if (issue.reason.size == 0)
        out_.broken.note(importer_rule::records,
                         fmt::format("the {} on line {} has no reason", what, issue.line));
      text(issue.reason, fmt::format("the reason of the {} on line {}", what, issue.line));
      text(issue.raw, fmt::format("the raw text of the {} on line {}", what, issue.line));
      hash_int(h, issue.line);
      hash_str(h, safe_view(issue.reason));
      hash_str(h, safe_view(issue.raw));
    }
  }

  reading &out_;
  bool raw_;
};

// Judges the status and message of a fallible call; true when it succeeded.
bool judge_call(reading &out, rebuy_status status, const raw_error_sink &errors,
                std::string_view call) {
  if (status == REBUY_OK || status == REBUY_END) return true;
  out.failed = true;
  out.error = errors.message();
  auto problem = judge_failure(status, errors, call);
  if (!problem.what.empty())
    out.broken.note(problem.in_message_encoding ? importer_rule::utf8 : importer_rule::errors,
                    std::move(problem.what));
  return false;
}

void note_log_messages(reading &out, const check_host &host) {
  out.strings += host.messages();
  for (const auto &message : host.invalid_messages())
    out.broken.note(
        importer_rule::utf8,
        fmt::format("a log message: {}", string_problem({message.data(), message.size()})));
}

} // namespace

bool reading::same_rows(const reading &o) const {
  return records == o.records && rejects == o.rejects && skips == o.skips &&
         records_digest == o.records_digest && rejects_digest == o.rejects_digest &&
         skips_digest == o.skips_digest;
}

reading read_with_importer(const plugin &importer, const std::filesystem::path &file,
                           const reading_options &options) {
  const rebuy_importer_api &api = *importer.importer_api();
  const bool raw = importer.has(REBUY_CAP_IMPORTER_RAW_INPUT);
  reading out;
  batch_judge judge(out, raw);
  counted_input input(file, raw, options.fail_after_bytes);
  check_host host;

  rebuy_importer *handle = nullptr;
  {
    raw_error_sink errors;
    auto status = api.open(host.get(), &input.abi, nullptr, 0, &handle, errors.get());
    if (!judge_call(out, status, errors, "open")) {
      out.input_failed = input.failed;
      note_log_messages(out, host);
      return out;
    }
    if (!handle) {
      out.broken.note(importer_rule::errors, "open returned REBUY_OK without an importer");
      out.failed = true;
      return out;
    }
  }
  out.opened = true;

  auto describe = [&] {
    rebuy_source_info info{};
    info.struct_size = sizeof info;
    raw_error_sink errors;
    if (judge_call(out, api.describe(handle, &info, errors.get()), errors, "describe"))
      judge.describe(info);
  };
  if (options.describe) describe();

  sha256 records, rejects, skips;
  uint64_t empty_streak = 0;
  while (!out.failed && out.batches < options.max_batches) {
    rebuy_batch batch{};
    batch.struct_size = sizeof batch;
    raw_error_sink errors;
    auto status = api.read_batch(handle, options.batch_size, &batch, errors.get());
    if (!judge_call(out, status, errors, "read_batch")) break;
    ++out.batches;
    uint64_t rows = uint64_t{batch.record_count} + batch.reject_count + batch.skip_count;
    if (status == REBUY_END) {
      out.ended = true;
      if (rows)
        out.broken.note(importer_rule::batch_size,
                        fmt::format("REBUY_END came with {} rows; return them with REBUY_OK "
                                    "and end with an empty batch (this rebuy keeps them, older "
                                    "ones dropped them)",
                                    rows));
      break;
    }
    judge.batch(batch, input.lines(), records, rejects, skips);
    out.records += batch.record_count;
    out.rejects += batch.reject_count;
    out.skips += batch.skip_count;
    out.largest_batch = std::max(out.largest_batch, rows);
    if (rows > options.batch_size)
      out.broken.note(importer_rule::batch_size,
                      fmt::format("batch {} has {} rows, {} were asked for", out.batches, rows,
                                  options.batch_size));
    empty_streak = rows ? 0 : empty_streak + 1;
    if (empty_streak > max_empty_batches) {
      out.broken.note(importer_rule::batch_size,
                      fmt::format("{} empty batches in a row without REBUY_END", empty_streak));
      break;
    }
  }
  if (options.describe && !out.failed) describe();
  api.close(handle);
  out.input_failed = input.failed;
  note_log_messages(out, host);
  out.records_digest = records.hex_digest();
  out.rejects_digest = rejects.hex_digest();
  out.skips_digest = skips.hex_digest();
  return out;
}

} // namespace rebuy::core
