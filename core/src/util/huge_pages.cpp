#include "util/huge_pages.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <new>

namespace rebuy::core {
namespace {

size_t whole_pages(size_t bytes) {
  return (bytes + huge_page_size - 1) / huge_page_size * huge_page_size;
}

} // namespace

void *map_huge(size_t bytes) {
  const size_t size = whole_pages(bytes);
  // Mapped one page longer, then trimmed to an aligned start: only aligned 2 MiB can be huge.
  void *mapping = mmap(nullptr, size + huge_page_size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<uintptr_t>(mapping);
  const uintptr_t aligned = (start + huge_page_size - 1) & ~(uintptr_t{huge_page_size} - 1);
  if (aligned > start) munmap(mapping, aligned - start);
  if (const uintptr_t end = start + size + huge_page_size, used = aligned + size; end > used)
    munmap(reinterpret_cast<void *>(used), end - used);
  void *out = reinterpret_cast<void *>(aligned);
  madvise(out, size, MADV_HUGEPAGE); // a request: without huge pages, ordinary ones serve
  return out;
}

void unmap_huge(void *mapping, size_t bytes) { munmap(mapping, whole_pages(bytes)); }

} // namespace rebuy::core
