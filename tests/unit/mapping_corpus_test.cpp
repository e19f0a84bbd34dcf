// The mapping corpus on the fixtures of the project (mapping_corpus.hpp).
#include "mapping_corpus.hpp"

TEST_CASE("mapping corpus: every fixture of the project maps as pinned") {
  mapping_corpus::check_corpus("project", mapping_corpus::project_file(""));
}
