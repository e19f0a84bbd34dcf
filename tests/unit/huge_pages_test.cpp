#include "util/huge_pages.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <numeric>

using rebuy::core::huge_page_size;
using rebuy::core::huge_vector;

TEST_CASE("huge pages: arrays keep their elements across growth, small ones stay on the heap") {
  huge_vector<uint64_t> values;
  for (uint64_t i = 0; i < 1'000'000; ++i) // 8 MB, through every size from the heap's to mapped
    values.push_back(i);
  CHECK(std::accumulate(values.begin(), values.end(), uint64_t{0}) == 999'999ull * 1'000'000 / 2);
  if (!rebuy::core::sanitized_heap)
    CHECK(reinterpret_cast<uintptr_t>(values.data()) % huge_page_size == 0);
  values.resize(10);
  values.shrink_to_fit(); // back to the heap
  CHECK(values.size() == 10);
  CHECK(values[9] == 9);

  huge_vector<char> exactly(huge_page_size, 'x'); // a whole page, and one more byte
  exactly.push_back('y');
  CHECK(exactly[huge_page_size - 1] == 'x');
  CHECK(exactly.back() == 'y');
}
