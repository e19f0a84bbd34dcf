// Must not build: the store layer cannot see the pipeline above it.
#include "store/score_store.hpp"
#include "pipeline/estimates.hpp"
