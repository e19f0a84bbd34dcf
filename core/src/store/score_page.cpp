#include "store/score_page.hpp"

#include <zstd.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>
#include <memory>
#include <stdexcept>
#include <vector>

namespace rebuy::core {
namespace {

// zstd level 3: as small as deflate at level 6 for a tenth of its time, and
// four times as fast to read back (docs/store.md).
constexpr int compression_level = 3;

// How a value is kept, in its tag byte: whole numbers from -64 to 63 (NPS,
// classes, counts, boxes) take one byte more, values a float holds exactly four.
enum value_tag : uint8_t { no_value = 0, small_whole = 1, exact_float = 2, full_double = 3 };

void put_varint(std::string &out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

template <class T> void put_raw(std::string &out, T v) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &v, sizeof(T));
  out.append(bytes, sizeof(T));
}

void put_value(std::string &out, double v) {
  if (std::isnan(v)) {
    out.push_back(no_value);
  } else if (v >= -64 && v <= 63 && v == std::floor(v) && !(v == 0 && std::signbit(v))) {
    out.push_back(small_whole);
    out.push_back(static_cast<char>(static_cast<int8_t>(v)));
  } else if (static_cast<double>(static_cast<float>(v)) == v) {
    out.push_back(exact_float);
    put_raw(out, static_cast<float>(v));
  } else {
    out.push_back(full_double);
    put_raw(out, v);
  }
}

// Texts in a column: 0 none, 2k+1 the k-th distinct text of the column, 2n+2 a
// new text of n bytes that follows. The texts put must outlive the column: it keeps views.
// The distinct texts are found through a flat table of views: a page's evidence is mostly
// distinct, and a node-based map allocated a node for each.
class text_column {
public:
  void put(std::string_view s) {
    if (s.empty()) return put_varint(out_, 0);
    if ((distinct_.size() + 1) * 2 > slots_.size()) grow();
    const size_t h = std::hash<std::string_view>{}(s);
    for (size_t at = h & (slots_.size() - 1);; at = (at + 1) & (slots_.size() - 1)) {
      slot &x = slots_[at];
      if (x.text == 0) {
        x = {static_cast<uint32_t>(h >> 32), static_cast<uint32_t>(distinct_.size() + 1)};
        distinct_.push_back(s);
        put_varint(out_, 2 * uint64_t(s.size()) + 2);
        out_.append(s);
        return;
      }
      if (x.tag == static_cast<uint32_t>(h >> 32) && distinct_[x.text - 1] == s)
        return put_varint(out_, 2 * uint64_t(x.text - 1) + 1);
    }
  }
  std::string &bytes() { return out_; }
  // Empties it, keeping its memory for the next page.
  void clear() {
    out_.clear();
    distinct_.clear();
    std::fill(slots_.begin(), slots_.end(), slot{});
  }

private:
  struct slot {
    uint32_t tag = 0, text = 0; // text: 1 + its index in distinct_, 0 when free
  };
  void grow() {
    slots_.assign(slots_.empty() ? 64 : slots_.size() * 2, slot{});
    for (size_t i = 0; i < distinct_.size(); ++i) {
      const size_t h = std::hash<std::string_view>{}(distinct_[i]);
      size_t at = h & (slots_.size() - 1);
      while (slots_[at].text != 0)
        at = (at + 1) & (slots_.size() - 1);
      slots_[at] = {static_cast<uint32_t>(h >> 32), static_cast<uint32_t>(i + 1)};
    }
  }

  std::string out_;
  std::vector<std::string_view> distinct_;
  std::vector<slot> slots_; // a power of two, at most half used
};

// With a checksum of its content: a damaged page is refused, never misread.
std::string compressed(const std::string &raw) {
  struct context_deleter {
    void operator()(ZSTD_CCtx *c) const { ZSTD_freeCCtx(c); }
  };
  thread_local std::unique_ptr<ZSTD_CCtx, context_deleter> context = [] {
    std::unique_ptr<ZSTD_CCtx, context_deleter> c(ZSTD_createCCtx());
    if (!c ||
        ZSTD_isError(ZSTD_CCtx_setParameter(c.get(), ZSTD_c_compressionLevel, compression_level)) ||
        ZSTD_isError(ZSTD_CCtx_setParameter(c.get(), ZSTD_c_checksumFlag, 1)))
      throw std::runtime_error("could not set up compression");
    return c;
  }();
  // Into a buffer of the thread's, then copied at its size: a page kept before it is written
  // (metric_appender without a store) must not hold a buffer as large as its raw bytes.
  thread_local std::string scratch;
  if (scratch.size() < ZSTD_compressBound(raw.size()))
    scratch.resize(ZSTD_compressBound(raw.size()));
  const size_t size =
      ZSTD_compress2(context.get(), scratch.data(), scratch.size(), raw.data(), raw.size());
  if (ZSTD_isError(size)) throw std::runtime_error("could not compress a page of scores");
  return scratch.substr(0, size);
}

[[noreturn]] void damaged() { throw std::runtime_error("a page of scores is damaged"); }

class reader {
public:
  explicit reader(std::string_view bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) damaged();
      const auto b = static_cast<uint8_t>(*p_++);
      v |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    damaged();
  }
  std::string_view take(size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) damaged();
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }
  template <class T> T raw() {
    T v;
    std::memcpy(&v, take(sizeof(T)).data(), sizeof(T));
    return v;
  }
  double value() {
    switch (raw<uint8_t>()) {
    case no_value:
      return NAN;
    case small_whole:
      return raw<int8_t>();
    case exact_float:
      return raw<float>();
    case full_double:
      return raw<double>();
    default:
      damaged();
    }
  }
  std::string_view text(std::vector<std::string_view> &seen) {
    const uint64_t code = varint();
    if (code == 0) return {};
    if (code & 1) {
      if ((code - 1) / 2 >= seen.size()) damaged();
      return seen[(code - 1) / 2];
    }
    seen.push_back(take((code - 2) / 2));
    return seen.back();
  }
  const char *at() const { return p_; }

private:
  const char *p_, *end_;
};

void decompress_into(std::string_view stored, std::string &out) {
  const unsigned long long size = ZSTD_getFrameContentSize(stored.data(), stored.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
      size > (uint64_t(1) << 32))
    damaged();
  out.resize(static_cast<size_t>(size));
  const size_t got = ZSTD_decompress(out.data(), out.size(), stored.data(), stored.size());
  if (ZSTD_isError(got) || got != size) damaged();
}

} // namespace

encoded_page encode_score_page(std::span<const page_score> scores) {
  // A page's columns take megabytes: kept by the thread, they are not allocated and faulted in
  // again for every page.
  thread_local std::string columns;
  thread_local text_column labels, evidence;
  columns.clear(), labels.clear(), evidence.clear();
  put_varint(columns, scores.size());
  int64_t previous = 0;
  for (const auto &s : scores) {
    put_varint(columns, static_cast<uint64_t>(s.response_id - previous));
    previous = s.response_id;
  }
  for (const auto &s : scores)
    put_value(columns, s.value);
  encoded_page out;
  for (const auto &s : scores) {
    labels.put(s.label);
    evidence.put(s.evidence);
    out.labelled |= !s.label.empty();
  }
  columns += labels.bytes();
  out.data = compressed(columns);
  out.evidence = compressed(evidence.bytes());
  return out;
}

void decoded_page::decode(std::string_view data, std::string_view evidence, bool with_evidence) {
  decompress_into(data, data_);
  reader r(data_);
  const uint64_t n = r.varint();
  if (n > data_.size()) damaged(); // each score takes at least a byte
  scores_.assign(static_cast<size_t>(n), {});
  int64_t id = 0;
  for (auto &s : scores_)
    s.response_id = id += static_cast<int64_t>(r.varint());
  for (auto &s : scores_)
    s.value = r.value();
  std::vector<std::string_view> seen;
  for (auto &s : scores_)
    s.label = r.text(seen);
  if (!with_evidence) return;
  decompress_into(evidence, evidence_);
  reader e(evidence_);
  seen.clear();
  for (auto &s : scores_)
    s.evidence = e.text(seen);
}

} // namespace rebuy::core
