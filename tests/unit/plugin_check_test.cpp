// The building blocks of `rebuy plugins check`: isolating a check in a child
// process, and quoting what a plugin sent without passing bad bytes on.
#include "check/abi_strings.hpp"
#include "host/isolated_run.hpp"
#include "check/unrelated_inputs.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <thread>

#include <unistd.h>

using namespace rebuy::core;
using namespace std::chrono_literals;

TEST_CASE("isolated check: the child's result comes back") {
  auto r = run_isolated([] { return check_result::failed("first line\nsecond line"); }, 10s);
  CHECK(r.status == check_result::outcome::fail);
  CHECK(r.detail == "first line\nsecond line");
  CHECK(run_isolated([] { return check_result::skipped(""); }, 10s).status ==
        check_result::outcome::skip);
}

TEST_CASE("isolated check: a crash, a hang, an exit and an exception each fail it with why") {
  // abort(), not a segmentation fault: AddressSanitizer turns the latter into exit code 1.
  auto crash = run_isolated([]() -> check_result { std::abort(); }, 10s);
  CHECK(crash.status == check_result::outcome::fail);
  CHECK(crash.detail.find("crashed: signal 6") != std::string::npos);

  auto hang = run_isolated(
      [] {
        std::this_thread::sleep_for(30s);
        return check_result::passed("unreachable");
      },
      1s);
  CHECK(hang.status == check_result::outcome::fail);
  CHECK(hang.detail.find("did not finish within 1 s") != std::string::npos);

  auto exits = run_isolated([]() -> check_result { ::_exit(3); }, 10s);
  CHECK(exits.status == check_result::outcome::fail);
  CHECK(exits.detail.find("exit code 3") != std::string::npos);

  auto throws = run_isolated([]() -> check_result { throw std::runtime_error("boom"); }, 10s);
  CHECK(throws.status == check_result::outcome::fail);
  CHECK(throws.detail == "the check itself failed: boom");
}

TEST_CASE("quoted excerpt: valid text stays, bad bytes and controls are escaped") {
  CHECK(quoted_excerpt("Größe") == "\"Größe\"");
  CHECK(quoted_excerpt("a\xff"
                       "b\n\"") == "\"a\\xffb\\x0a\\\"\"");
  CHECK(quoted_excerpt("\xc3") == "\"\\xc3\""); // a character cut short
  CHECK(quoted_excerpt("abcdef", 3) == "\"abc\"…");
}

TEST_CASE("ABI strings: null with a size, and invalid UTF-8, are problems") {
  CHECK(string_problem({"ok", 2}).empty());
  CHECK(string_problem({nullptr, 0}).empty());
  CHECK(string_problem({nullptr, 3}) == "a null pointer with size 3");
  CHECK(string_problem({"\xed\xa0\x80", 3}) == "invalid UTF-8 at byte 0 of 3: \"\\xed\\xa0\\x80\"");
  // The bad bytes are shown, with a little of what comes before them.
  std::string long_text = std::string(100, 'a') + "Qualtrics\xe2\x80";
  CHECK(string_problem({long_text.data(), long_text.size()}) ==
        "invalid UTF-8 at byte 109 of 111: …\"aaaaaaaaaaaaaaaQualtrics\\xe2\\x80\"");
}

TEST_CASE("unrelated inputs: binary ones really are binary, only prose may be claimed") {
  for (const auto &input : unrelated_inputs()) {
    CAPTURE(input.label);
    CHECK(input.generic_claim_allowed == (input.file_name == "letter.txt"));
    if (input.file_name == "image.png" || input.file_name == "random.bin")
      CHECK(input.bytes.find('\0') != std::string::npos);
  }
}
