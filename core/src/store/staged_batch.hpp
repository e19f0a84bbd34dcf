#pragma once
// Records copied out of an importer's memory, validated and keyed, ready for
// the store. The importer can read its next batch while the store writes this one.
#include <rebuy/plugin_abi.h>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::core {

struct staged_response {
  uint64_t line = 0;
  rebuy_record_kind kind = REBUY_RECORD_SURVEY;
  std::string key;          // unique within the source
  int64_t key_hash = 0;     // set by response_keyer
  bool maybe_seen = true;   // the key may have come before in this import
  std::string external_id;  // the source's own id, if any
  std::string content_hash; // detects edits on re-import
  std::array<std::string, REBUY_ROLE_COUNT_V1_0> roles; // first value per role; "" when absent
  std::optional<int64_t> nps;
  std::optional<double> rating, rating_max, order_value;
  std::optional<int64_t> order_count;
  std::string submitted_at; // normalised UTC, or "" when not understood
  std::string attributes;   // JSON object of every other column
};

struct staged_issue {
  uint64_t line = 0;
  std::string reason, raw;
};

// Skipped rows that hold none of the row's bytes (a blank line) carry nothing
// but their line: they are counted per reason, not stored one by one, so a
// file of newlines costs a counter instead of a row each.
struct counted_skip {
  static constexpr size_t lines_kept = 3;
  std::string reason;
  uint64_t count = 0;
  std::array<uint64_t, lines_kept> first_lines{}; // the first `count` of them, in order

  void add(uint64_t line) {
    if (count < lines_kept) first_lines[count] = line;
    ++count;
  }
  // Adds the skips `later` counted after these.
  void merge(const counted_skip &later) {
    const size_t listed = later.count < lines_kept ? later.count : lines_kept;
    for (size_t i = 0; i < listed; ++i)
      add(later.first_lines[i]);
    count += later.count - listed;
  }
};

class staged_batch {
public:
  std::vector<staged_issue> rejects, skips;
  std::vector<staged_issue> value_rejects; // a value refused for its role; the row is kept
  std::vector<counted_skip> counted_skips; // one per reason

  void count_skip(uint64_t line, std::string_view reason) {
    ++counted_rows_;
    for (auto &c : counted_skips)
      if (c.reason == reason) {
        c.add(line);
        return;
      }
    counted_skips.push_back({std::string(reason)});
    counted_skips.back().add(line);
  }

  // A response slot to fill; slots are reused, so reset what you set.
  staged_response &add() {
    if (count_ == slots_.size()) slots_.emplace_back();
    return slots_[count_++];
  }
  // Room for `rows` slots, so that filling a new batch never moves the ones filled.
  void reserve(size_t rows) { slots_.reserve(rows); }
  // Takes back the slot add() gave last.
  void drop_last() { --count_; }
  std::span<const staged_response> responses() const { return {slots_.data(), count_}; }
  std::span<staged_response> responses_from(size_t first) {
    return {slots_.data() + first, count_ - first};
  }
  uint64_t rows() const { return count_ + rejects.size() + skips.size() + counted_rows_; }
  // Empties the batch but keeps its memory: batches go back to the importing
  // thread after writing, so strings are not allocated again for every row.
  void clear() {
    count_ = 0;
    rejects.clear();
    skips.clear();
    value_rejects.clear();
    counted_skips.clear();
    counted_rows_ = 0;
  }

private:
  std::vector<staged_response> slots_;
  size_t count_ = 0;
  uint64_t counted_rows_ = 0;
};

} // namespace rebuy::core
