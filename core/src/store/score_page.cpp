#include "store/score_page.hpp"

#include "util/string_map.hpp"

#include <zlib.h>

#include <bit>
#include <cstring>
#include <stdexcept>

namespace rebuy::core {
namespace {

// Level 6 keeps a fifth less than level 1 for about 3 s more of the writer's
// time per million responses (docs/store.md); inflating costs the same.
constexpr int deflate_level = 6;

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
// new text of n bytes that follows.
class text_column {
public:
  void put(std::string_view s) {
    if (s.empty()) return put_varint(out_, 0);
    if (auto it = seen_.find(s); it != seen_.end())
      return put_varint(out_, 2 * uint64_t(it->second) + 1);
    seen_.emplace(std::string(s), static_cast<uint32_t>(seen_.size()));
    put_varint(out_, 2 * uint64_t(s.size()) + 2);
    out_.append(s);
  }
  std::string &bytes() { return out_; }

private:
  std::string out_;
  string_map<uint32_t> seen_;
};

std::string deflated(const std::string &raw) {
  std::string out;
  put_varint(out, raw.size());
  const size_t header = out.size();
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  out.resize(header + size);
  if (compress2(reinterpret_cast<Bytef *>(out.data() + header), &size,
                reinterpret_cast<const Bytef *>(raw.data()), static_cast<uLong>(raw.size()),
                deflate_level) != Z_OK)
    throw std::runtime_error("could not compress a page of scores");
  out.resize(header + size);
  return out;
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

void inflate_into(std::string_view stored, std::string &out) {
  reader r(stored);
  const uint64_t size = r.varint();
  if (size > (uint64_t(1) << 32)) damaged();
  out.resize(size);
  auto compressed = stored.substr(static_cast<size_t>(r.at() - stored.data()));
  uLongf got = static_cast<uLongf>(size);
  if (uncompress(reinterpret_cast<Bytef *>(out.data()), &got,
                 reinterpret_cast<const Bytef *>(compressed.data()),
                 static_cast<uLong>(compressed.size())) != Z_OK ||
      got != size)
    damaged();
}

} // namespace

encoded_page encode_score_page(std::span<const page_score> scores) {
  std::string columns;
  put_varint(columns, scores.size());
  int64_t previous = 0;
  for (const auto &s : scores) {
    put_varint(columns, static_cast<uint64_t>(s.response_id - previous));
    previous = s.response_id;
  }
  for (const auto &s : scores)
    put_value(columns, s.value);
  text_column labels, evidence;
  encoded_page out;
  for (const auto &s : scores) {
    labels.put(s.label);
    evidence.put(s.evidence);
    out.labelled |= !s.label.empty();
  }
  columns += labels.bytes();
  out.data = deflated(columns);
  out.evidence = deflated(evidence.bytes());
  return out;
}

void decoded_page::decode(std::string_view data, std::string_view evidence, bool with_evidence) {
  inflate_into(data, data_);
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
  inflate_into(evidence, evidence_);
  reader e(evidence_);
  seen.clear();
  for (auto &s : scores_)
    s.evidence = e.text(seen);
}

} // namespace rebuy::core
