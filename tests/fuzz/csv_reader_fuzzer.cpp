// The SDK's CSV reader (rebuy/csv_reader.hpp), which every delimited-text importer shares, on
// hostile bytes, with small limits so that the limits are reached too. Property: the records
// (line numbers, status, fields, raw text) do not depend on how the input is read: whole, or
// in the chunks and read() sizes the input's shape picks.
#include "fuzz_input.hpp"

#include <rebuy/csv_reader.hpp>

#include <string>
#include <vector>

namespace {

struct record {
  uint64_t line, quote_line;
  rebuy::csv_status status;
  std::vector<std::string> fields;
  std::string raw;
  bool operator==(const record &) const = default;
};

std::vector<record> read_all(std::string_view text, size_t chunk_bytes,
                             std::vector<size_t> pattern) {
  rebuy::testing::chunked_input in{std::string(text), std::move(pattern)};
  rebuy::csv_limits limits;
  limits.chunk_bytes = chunk_bytes;
  limits.max_record_bytes = 2048;
  limits.max_fields = 40;
  limits.max_raw_bytes = 300;
  rebuy::csv_reader reader(rebuy::input(in.get()), limits);
  reader.skip_bom();
  reader.set_delimiter(rebuy::detect_delimiter(reader.peek(4096)));
  std::vector<record> out;
  rebuy::csv_record row;
  while (reader.next(row))
    out.push_back({row.line, row.quote_line, row.status,
                   std::vector<std::string>(row.fields.begin(), row.fields.end()),
                   std::string(row.raw)});
  return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  auto [shape, text] = rebuy::fuzz::split_input(data, size);
  rebuy::fuzz::check_same_whatever_the_reads(text, shape, read_all,
                                             "CSV records do not depend on read sizes");
  return 0;
}
