// An importer that crashes part-way, for the fault tests: one record per line,
// then, at the row REBUY_TEST_IMPORTER_CRASH_AT names, the signal REBUY_TEST_CRASH_SIGNAL
// names (segv: a write to a page that may not be written; bus; abort; hang: waits forever). Without them it is
// a correct importer. It claims no file: tests choose it with --as.
#include <rebuy/line_reader.hpp>
#include <rebuy/plugin.hpp>

#include <csignal>
#include <cstdlib>
#include <string>

#include <sys/mman.h>
#include <unistd.h>

namespace {

uint64_t crash_at() {
  const char *at = std::getenv("REBUY_TEST_IMPORTER_CRASH_AT");
  return at && *at ? std::strtoull(at, nullptr, 10) : 0;
}

[[noreturn]] void crash() {
  const char *how = std::getenv("REBUY_TEST_CRASH_SIGNAL");
  const std::string signal = how ? how : "segv";
  if (signal == "abort") std::abort();
  if (signal == "hang") // for a signal from outside while a plugin call runs
    for (;;)
      ::pause();
  if (signal == "bus") std::raise(SIGBUS);
  // A real fault, but no undefined behaviour for UndefinedBehaviorSanitizer to
  // stop first: a write to a page that may not be written.
  void *page = ::mmap(nullptr, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  *static_cast<volatile int *>(page) = 1;
  std::abort(); // not reached
}

class crashing_importer : public rebuy::importer {
public:
  static int probe(std::string_view, std::string_view) noexcept { return 0; }
  crashing_importer(const rebuy::host &, const rebuy::input &in, const rebuy::options &)
      : lines_(in), crash_at_(crash_at()) {}
  rebuy::source_description describe() const override {
    rebuy::source_description d;
    d.source = "crashing";
    d.columns = {{"id", REBUY_ROLE_ID}, {"text", REBUY_ROLE_TEXT}};
    return d;
  }
  bool read_batch(rebuy::batch_builder &out, size_t max_rows) override {
    rebuy::line_reader::line line;
    for (size_t n = 0; n < max_rows; ++n) {
      if (!lines_.next(line)) return false;
      if (++rows_ == crash_at_) crash();
      out.begin_record(line.number, REBUY_RECORD_SURVEY);
      out.field(REBUY_ROLE_ID, "id", std::to_string(line.number));
      out.field(REBUY_ROLE_TEXT, "text", line.text);
    }
    return true;
  }

private:
  rebuy::line_reader lines_;
  uint64_t crash_at_;
  uint64_t rows_ = 0;
};

} // namespace

REBUY_IMPORTER_PLUGIN(crashing_importer, "crashing", "Crashing importer", "1.0.0",
                      "Crashes part-way on purpose, for tests")
