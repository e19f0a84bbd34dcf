// A small, correct importer of "LINES" files (a header line "LINES", then one
// text per line; empty lines are skipped), which breaks exactly one rule of
// the plugin ABI when built with FAULT set. `rebuy plugins check` must fail
// that one check and pass the others.
#include <rebuy/plugin.hpp>

#include <csignal>
#include <string>

#define FAULT_NONE 0
#define FAULT_PROBE_EVERYTHING 1    // claims any input
#define FAULT_IGNORES_BATCH_SIZE 2  // returns every row in one batch
#define FAULT_INVALID_UTF8 3        // a value that is not UTF-8
#define FAULT_SILENT_ERROR 4        // read_batch fails without a message
#define FAULT_UNSAFE_CLOSE 5        // crashes when closed part-way
#define FAULT_LINE_ZERO 6           // records on line 0
#define FAULT_SWALLOWS_READ_ERROR 7 // a failing input looks like its end

#ifndef FAULT
#define FAULT FAULT_NONE
#endif

namespace {

class lines_importer : public rebuy::importer {
public:
  static int probe(std::string_view head, std::string_view) noexcept {
    if (FAULT == FAULT_PROBE_EVERYTHING) return 50;
    return head.rfind("LINES\n", 0) == 0 ? 90 : 0;
  }

  lines_importer(const rebuy::host &, const rebuy::input &input, const rebuy::options &)
      : input_(input) {
    std::string header;
    if (!next_line(header) || header != "LINES") throw rebuy::error("not a LINES file");
  }
  ~lines_importer() override {
    if (FAULT == FAULT_UNSAFE_CLOSE && batches_ > 0 && !at_end_ && !failed_) std::raise(SIGSEGV);
  }

  rebuy::source_description describe() const override {
    return {"lines", REBUY_RECORD_SURVEY, {{"text", REBUY_ROLE_TEXT}}};
  }

  bool read_batch(rebuy::batch_builder &out, size_t max_rows) override {
    ++batches_;
    try {
      return read_rows(out, max_rows);
    } catch (...) {
      failed_ = true;
      throw;
    }
  }

private:
  bool read_rows(rebuy::batch_builder &out, size_t max_rows) {
    std::string line;
    while (FAULT == FAULT_IGNORES_BATCH_SIZE || out.row_count() < max_rows) {
      if (!next_line(line)) return false;
      if (line.empty()) {
        out.skip(line_, "empty line");
        continue;
      }
      out.begin_record(FAULT == FAULT_LINE_ZERO ? 0 : line_, REBUY_RECORD_SURVEY);
      if (FAULT == FAULT_INVALID_UTF8 && line_ == 3) line += "\xff";
      out.field(REBUY_ROLE_TEXT, "text", line);
    }
    return true;
  }

  bool next_line(std::string &line) {
    line.clear();
    for (;;) {
      if (pos_ == buffer_.size()) {
        if (at_end_) {
          if (line.empty()) return false;
          ++line_; // a last line without '\n'
          return true;
        }
        char chunk[256];
        size_t n = 0;
        try {
          n = input_.read(chunk, sizeof chunk);
        } catch (const rebuy::error &) {
          if (FAULT != FAULT_SWALLOWS_READ_ERROR) throw;
        }
        buffer_.assign(chunk, n);
        pos_ = 0;
        at_end_ = n == 0;
        continue;
      }
      char c = buffer_[pos_++];
      if (c == '\n') {
        ++line_;
        return true;
      }
      line += c;
    }
  }

  rebuy::input input_;
  std::string buffer_;
  size_t pos_ = 0;
  bool at_end_ = false;
  uint64_t line_ = 0;
  uint64_t batches_ = 0;
  bool failed_ = false;
};

} // namespace

#if FAULT == FAULT_SILENT_ERROR
// The SDK would pass the exception's message on; this entry drops it.
REBUY_MARKER();
extern "C" REBUY_EXPORT const rebuy_plugin_info *rebuy_plugin_entry_v1(void) {
  using tramp = rebuy::detail::importer_trampolines<lines_importer>;
  static const rebuy_importer_api api = {
      sizeof(rebuy_importer_api),
      tramp::probe,
      tramp::open,
      tramp::describe,
      [](rebuy_importer *p, size_t n, rebuy_batch *out, rebuy_error_sink *) noexcept {
        return tramp::read_batch(p, n, out, nullptr);
      },
      tramp::close};
  static const rebuy_plugin_info info = {sizeof info,
                                         REBUY_ABI_MAJOR,
                                         REBUY_PLUGIN_MIN_ABI_MINOR,
                                         REBUY_KIND_IMPORTER,
                                         rebuy::detail::lit(MISBEHAVING_ID),
                                         rebuy::detail::lit("Misbehaving importer"),
                                         rebuy::detail::lit("1.0.0"),
                                         rebuy::detail::lit("Breaks one rule, for tests"),
                                         0,
                                         &api,
                                         nullptr};
  return &info;
}
#else
REBUY_IMPORTER_PLUGIN(lines_importer, MISBEHAVING_ID, "Misbehaving importer", "1.0.0",
                      "Breaks one rule, for tests")
#endif
