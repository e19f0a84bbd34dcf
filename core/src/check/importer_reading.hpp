#pragma once
// Reads one file through an importer plugin the way the host does, calling
// its C functions directly and judging every answer against the ABI's rules.
#include "check/findings.hpp"
#include "host/plugin.hpp"

#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

namespace rebuy::core {

// The rules a reading can break; each conformance check looks at some of them.
enum class importer_rule {
  batch_size, // more rows than asked for, or no end in sight
  utf8,       // a string that is not valid UTF-8
  errors,     // a failure without a message, or an unasked-for REBUY_CANCELLED
  records,    // lines outside the input, unknown roles or kinds, issues without a reason
  count_
};

struct reading_options {
  size_t batch_size = 1024;
  // The input fails (read returns -1) once this many bytes have been handed out.
  uint64_t fail_after_bytes = std::numeric_limits<uint64_t>::max();
  // Close after this many batches, before the end.
  uint64_t max_batches = std::numeric_limits<uint64_t>::max();
  bool describe = true; // call describe after open and at the end
};

struct reading {
  bool opened = false;
  bool ended = false;        // REBUY_END was reached
  bool failed = false;       // a call returned something other than OK or END
  bool input_failed = false; // the injected read error happened
  std::string error;         // the message of the failed call, as sent
  uint64_t records = 0, rejects = 0, skips = 0, batches = 0, strings = 0;
  uint64_t largest_batch = 0;
  // Everything the importer produced, hashed as three streams, so two
  // readings can be compared whatever their batch sizes were.
  std::string records_digest, rejects_digest, skips_digest;

  findings<importer_rule> broken;

  uint64_t rows() const { return records + rejects + skips; }
  bool same_rows(const reading &other) const;
};

// Opens `file` (decoded to UTF-8 unless the plugin reads raw bytes), reads it
// to the end or to `options.max_batches`, and closes the importer.
reading read_with_importer(const plugin &importer, const std::filesystem::path &file,
                           const reading_options &options = {});

} // namespace rebuy::core
