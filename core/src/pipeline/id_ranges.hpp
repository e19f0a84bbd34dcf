#pragma once
// The ranges of response ids an analysis reads, one after another: everything pending at
// once for a rebuy alone, or the chunks of a shared plan claimed as the reading goes
// (store/analysis_chunks.hpp), so that the pipeline never drains between chunks.
#include "store/analysis_chunks.hpp"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>

namespace rebuy::core {

struct id_range {
  int64_t after, last; // the responses with ids in (after, last]
};

class range_source {
public:
  virtual ~range_source() = default;
  // The next range to read; nothing when none is left. Called by the reading thread.
  virtual std::optional<id_range> next() = 0;
  // The oldest range handed out and not yet written has all its scores committed. Called by
  // the writing thread.
  virtual void written() {}
  // The analysis failed: next() returns nothing instead of waiting.
  virtual void stop() {}
};

class one_range final : public range_source {
public:
  explicit one_range(id_range range) : range_(range) {}
  std::optional<id_range> next() override;

private:
  std::optional<id_range> range_;
};

// A plan's chunks: free ones first, then those other rebuys hold, which come back when their
// holder finished them (none left) or died (read here). A few are held at once, each on a
// connection of its own, so the next chunk is read while the last is written.
class claimed_chunks final : public range_source {
public:
  claimed_chunks(sql::connection &db, const std::string &plan);
  std::optional<id_range> next() override;
  void written() override;
  void stop() override;

private:
  static constexpr size_t held_at_most = 3;
  // A claims connection with no chunk in flight; null once stopped.
  std::unique_ptr<chunk_claims> free_claims();

  std::mutex mutex_;
  std::condition_variable returned_;
  std::deque<std::unique_ptr<chunk_claims>> free_, in_flight_;
  bool waiting_ = false; // every free chunk is taken: wait for the others' to come back
  bool stopped_ = false;
};

} // namespace rebuy::core
