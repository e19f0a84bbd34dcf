// The main of the test programs whose tests all read ../shared/data/real.
// Without that folder they run nothing: the program says why and exits 77,
// which CTest reports as skipped (SKIP_RETURN_CODE), never as passed. Listing
// the tests still works, so each one shows up as skipped rather than missing.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace {

// A listener hears test_run_start() only when tests are to run, not when
// they are listed or counted.
struct real_data_check : doctest::IReporter {
  explicit real_data_check(const doctest::ContextOptions &) {}

  void test_run_start() override {
    if (std::filesystem::is_directory(REBUY_REAL_DATA_DIR)) return;
    std::fputs("SKIP: needs ../shared/data/real (not in this checkout)\n", stdout);
    std::exit(77);
  }

  void report_query(const doctest::QueryData &) override {}
  void test_run_end(const doctest::TestRunStats &) override {}
  void test_case_start(const doctest::TestCaseData &) override {}
  void test_case_reenter(const doctest::TestCaseData &) override {}
  void test_case_end(const doctest::CurrentTestCaseStats &) override {}
  void test_case_exception(const doctest::TestCaseException &) override {}
  void subcase_start(const doctest::SubcaseSignature &) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData &) override {}
  void log_message(const doctest::MessageData &) override {}
  void test_case_skipped(const doctest::TestCaseData &) override {}
};

} // namespace

REGISTER_LISTENER("real_data", 1, real_data_check);
