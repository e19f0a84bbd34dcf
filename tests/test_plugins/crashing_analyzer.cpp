// An analyzer that crashes in its REBUY_TEST_ANALYZER_CRASH_AT-th batch with the
// signal REBUY_TEST_CRASH_SIGNAL names (segv, bus, abort), for the fault tests.
// Without them it scores each response's word count.
#include <rebuy/plugin.hpp>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <string>

#include <sys/mman.h>

namespace {

std::atomic<uint64_t> batches{0}; // all of the plugin's objects: one per worker thread

[[noreturn]] void crash() {
  const char *how = std::getenv("REBUY_TEST_CRASH_SIGNAL");
  const std::string signal = how ? how : "segv";
  if (signal == "abort") std::abort();
  if (signal == "bus") std::raise(SIGBUS);
  // A real fault, but no undefined behaviour for UndefinedBehaviorSanitizer to
  // stop first: a write to a page that may not be written.
  void *page = ::mmap(nullptr, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  *static_cast<volatile int *>(page) = 1;
  std::abort(); // not reached
}

class crashing_analyzer : public rebuy::analyzer {
public:
  static constexpr rebuy::metric_def metrics[] = {
      {"words", "Words in the response's texts", REBUY_METRIC_NUMBER}};

  crashing_analyzer(const rebuy::host &, const rebuy::options &) {
    const char *at = std::getenv("REBUY_TEST_ANALYZER_CRASH_AT");
    crash_at_ = at && *at ? std::strtoull(at, nullptr, 10) : 0;
  }

  void analyze(const rebuy_response *responses, size_t count, rebuy::score_builder &out) override {
    if (++batches == crash_at_) crash();
    for (size_t i = 0; i < count; ++i) {
      size_t words = 0;
      for (size_t t = 0; t < responses[i].text_count; ++t)
        words += responses[i].texts[t].token_count;
      out.add(i, 0, static_cast<double>(words));
    }
  }

private:
  uint64_t crash_at_ = 0;
};

} // namespace

REBUY_ANALYZER_PLUGIN(crashing_analyzer, "crashing_analyzer", "Crashing analyzer", "1.0.0",
                      "Crashes in a batch on purpose, for tests")
