#pragma once
// An allocator for arrays of one element per response (millions of them): from 2 MiB on, they
// are mapped on their own and the kernel is asked for transparent huge pages, so filling one costs
// a page fault per 2 MiB instead of one per 4 KiB. On a virtual machine a fault costs about 10 µs:
// a report touching 200 MB in small pages spends half a second of CPU in them.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace rebuy::core {

inline constexpr size_t huge_page_size = size_t{2} << 20;

// AddressSanitizer checks only what the heap gives: the sanitizer builds keep to it.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool sanitized_heap = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool sanitized_heap = true;
#else
inline constexpr bool sanitized_heap = false;
#endif
#else
inline constexpr bool sanitized_heap = false;
#endif

// A mapping of at least `bytes`, aligned to huge_page_size, advised to use huge pages where the
// kernel has them (else ordinary pages). Throws std::bad_alloc.
void *map_huge(size_t bytes);
// Unmaps what map_huge(bytes) returned.
void unmap_huge(void *mapping, size_t bytes);

template <typename T> struct huge_page_allocator {
  using value_type = T;

  huge_page_allocator() = default;
  template <typename U> huge_page_allocator(const huge_page_allocator<U> &) {}

  T *allocate(size_t n) {
    if (n > SIZE_MAX / sizeof(T)) throw std::bad_array_new_length();
    if (mapped(n)) return static_cast<T *>(map_huge(n * sizeof(T)));
    return std::allocator<T>{}.allocate(n);
  }
  void deallocate(T *p, size_t n) {
    if (mapped(n))
      unmap_huge(p, n * sizeof(T));
    else
      std::allocator<T>{}.deallocate(p, n);
  }
  template <typename U> bool operator==(const huge_page_allocator<U> &) const { return true; }

private:
  static bool mapped(size_t n) { return !sanitized_heap && n * sizeof(T) >= huge_page_size; }
};

template <typename T> using huge_vector = std::vector<T, huge_page_allocator<T>>;

} // namespace rebuy::core
