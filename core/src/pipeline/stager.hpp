#pragma once
// Turns an importer's batch into a staged_batch: copies, validates role
// values, builds the attribute JSON and the keys that make re-imports idempotent,
// on the importing thread, so the writing thread only writes.
#include "pipeline/response_keyer.hpp"
#include "store/staged_batch.hpp"
#include "util/loose_date.hpp"
#include "util/sha256.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace rebuy::core {

class stager {
public:
  // `order` forces the order of all-numeric dates; without it the first batch
  // holding such dates decides it for the whole file, from the dates that can
  // only be read one way (13/05/2022).
  // `input_bytes`: the input's size when known, for response_keyer's filter.
  explicit stager(std::string source = {}, std::optional<date_order> order = std::nullopt,
                  uint64_t input_bytes = 0);

  // Appends the importer's batch to `out`.
  void stage(const rebuy_batch &in, staged_batch &out);

  // How all-numeric dates were read and why, once it was decided; else "".
  const std::string &date_note() const noexcept { return date_note_; }
  // How many dates were relative ("3 days ago") and kept as written; else "".
  std::string relative_date_note() const;
  // Rows staged so far as records, and as rejects or skips kept with their
  // bytes (counted skips are neither).
  uint64_t records() const noexcept { return records_; }
  uint64_t refused() const noexcept { return refused_; }

private:
  void decide_date_order(const rebuy_batch &in);
  void stage_record(const rebuy_record &record, staged_response &out, staged_batch &batch);

  response_keyer keyer_;
  std::optional<date_order> order_;
  std::string date_note_;
  uint64_t relative_dates_ = 0;
  std::pair<uint64_t, std::string> first_relative_; // line, text
  uint64_t records_ = 0, refused_ = 0;
  sha256 content_;
  std::string hashed_; // the row's bytes as the content hash reads them
  // Reused row to row, with their memory.
  rapidjson::StringBuffer json_;
  rapidjson::Writer<rapidjson::StringBuffer> attributes_;
  std::string name_scratch_, value_scratch_;
  std::string rating_name_; // the rating's column, checked against its scale at the row's end
  // Rows without an id are keyed by content; identical rows in one file get
  // their occurrence number, so each is stored and a re-import matches them again.
  std::unordered_map<uint64_t, uint32_t> occurrences_;
};

// Parses a 0-10 answer: "7", " 9 ", "10.0", "10 - Extremely likely".
std::optional<int64_t> parse_nps_answer(std::string_view text);
// Parses a plain decimal number ("4", "4.5", " 1,234 " with thousands commas).
std::optional<double> parse_number(std::string_view text);

} // namespace rebuy::core
