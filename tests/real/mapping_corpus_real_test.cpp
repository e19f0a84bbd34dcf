// The mapping corpus on the real files of ../shared/data/real (mapping_corpus.hpp).
#include "mapping_corpus.hpp"

TEST_CASE("mapping corpus: every real file maps as pinned") {
  mapping_corpus::check_corpus("real", REBUY_REAL_DATA_DIR);
}
