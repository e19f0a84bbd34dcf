// Builds: the store layer sees itself and the layers below it.
#include "store/score_store.hpp"
#include "util/string_map.hpp"
