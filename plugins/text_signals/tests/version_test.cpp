// The plugin version names the lexicons: scores record the version that made them, and
// `rebuy analyze` re-scores when it changes. A changed table must come with a new version.
#include "lexicon.hpp"
#include "version.hpp"

#include <doctest/doctest.h>

#include <string>

TEST_CASE("the lexicons are the ones this version was released with") {
  // When this fails you changed a lexicon or a phrase rule: bump `version` in version.hpp, then
  // pin both new values here.
  CHECK(std::string(rebuy::text_signals::version) == "1.2.0");
  CHECK(rebuy::text_signals::lexicon_fingerprint() == 16246362131845031181ull);
}
