// The SDK's JSON lines and JSON array reader (rebuy/json_lines.hpp) on hostile bytes, with
// small limits so that they are reached too. Property: the rows (objects, rejects and skips
// with their line numbers and reasons) and the error that ends a file do not depend on how the
// input is read: whole, or in the chunks and read() sizes the input's shape picks.
#include "fuzz_input.hpp"

#include <rebuy/json_lines.hpp>

#include <string>
#include <vector>

namespace {

struct row {
  rebuy::json_row::kind what;
  uint64_t line;
  std::string reason, raw, object;
  bool operator==(const row &) const = default;
};

struct outcome {
  std::vector<row> rows;
  std::string error; // a file the reader gives up on (rebuy::error), and why
  bool array_unclosed;
  uint64_t bytes_consumed;
  bool operator==(const outcome &) const = default;
};

outcome read_all(std::string_view text, size_t chunk_bytes, std::vector<size_t> pattern) {
  rebuy::testing::chunked_input in{std::string(text), std::move(pattern)};
  rebuy::line_limits limits;
  limits.chunk_bytes = chunk_bytes;
  limits.max_line_bytes = 4096;
  limits.kept_prefix_bytes = 300;
  rebuy::json_lines_reader reader(rebuy::input(in.get()), limits, 16);
  outcome out;
  rebuy::json_row r;
  std::string scratch;
  try {
    while (reader.next(r)) {
      std::string object;
      if (r.what == rebuy::json_row::kind::object)
        object = std::string(rebuy::json_value_text(reader.object(), scratch));
      out.rows.push_back({r.what, r.line, r.reason, std::string(r.raw), std::move(object)});
    }
  } catch (const rebuy::error &e) {
    out.error = e.what();
  }
  out.array_unclosed = reader.array_unclosed();
  out.bytes_consumed = reader.bytes_consumed();
  return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  auto [shape, text] = rebuy::fuzz::split_input(data, size);
  rebuy::fuzz::check_same_whatever_the_reads(text, shape, read_all,
                                             "JSON rows do not depend on read sizes");
  return 0;
}
