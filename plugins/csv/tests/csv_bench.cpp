// Throughput of the csv importer on a generated review export, read from a
// temporary file through the C ABI in 1024-row batches as the host does.
//   rebuy_csv_bench [rows]    (default 1,000,000 rows, about 220 MB)
#include <rebuy/plugin.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" const rebuy_plugin_info *rebuy_plugin_entry_v1(void);

namespace {

int64_t read_file(void *context, char *buffer, size_t capacity) {
  size_t n = std::fread(buffer, 1, capacity, static_cast<std::FILE *>(context));
  return std::ferror(static_cast<std::FILE *>(context)) ? -1 : static_cast<int64_t>(n);
}

} // namespace

int main(int argc, char **argv) {
  size_t rows = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  std::FILE *file = std::tmpfile();
  if (!file) return 1;
  std::string line;
  std::fputs("review_id,customer_id,date,rating,title,comment,product,country\r\n", file);
  for (size_t i = 0; i < rows; ++i) {
    line = std::to_string(i) + ",c" + std::to_string(i % 9973) + ",2024-03-" +
           std::to_string(1 + i % 28) + " 10:00:00," + std::to_string(1 + i % 5) +
           ",Pretty good overall,\"Arrived on time, well packed; the fit is a bit " +
           "small so order one size up.\r\nWould buy again \"\"for sure\"\", the " +
           "colour is exactly as shown.\",SKU-" + std::to_string(i % 500) + ",DE\r\n";
    std::fputs(line.c_str(), file);
  }
  long size = std::ftell(file);
  std::rewind(file);

  rebuy_input in{sizeof(rebuy_input), file, rebuy::to_str("bench.csv"), static_cast<uint64_t>(size),
                 &read_file};
  rebuy_host host{};
  host.struct_size = sizeof(host);
  const rebuy_importer_api *api = rebuy_plugin_entry_v1()->importer;
  auto start = std::chrono::steady_clock::now();
  rebuy_importer *imp = nullptr;
  if (api->open(&host, &in, nullptr, 0, &imp, nullptr) != REBUY_OK) return 1;
  size_t records = 0, fields = 0, issues = 0;
  for (;;) {
    rebuy_batch b{};
    b.struct_size = sizeof(b);
    rebuy_status s = api->read_batch(imp, 1024, &b, nullptr);
    if (s != REBUY_OK) break;
    records += b.record_count;
    issues += b.reject_count + b.skip_count;
    for (size_t i = 0; i < b.record_count; ++i)
      fields += b.records[i].field_count;
  }
  api->close(imp);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu records, %zu fields, %zu rejects+skips, %.1f MB in %.3f s: %.0f MB/s\n", records,
              fields, issues, size / 1e6, seconds, size / 1e6 / seconds);
  std::fclose(file);
  return records == rows && issues == 0 ? 0 : 1;
}
