#include "pipeline/id_ranges.hpp"

#include <utility>

namespace rebuy::core {

std::optional<id_range> one_range::next() { return std::exchange(range_, std::nullopt); }

claimed_chunks::claimed_chunks(sql::connection &db, const std::string &plan) {
  for (size_t i = 0; i < held_at_most; ++i)
    free_.push_back(std::make_unique<chunk_claims>(db, plan));
}

std::unique_ptr<chunk_claims> claimed_chunks::free_claims() {
  std::unique_lock lock(mutex_);
  // Waiting for a chunk another rebuy holds must not wait for one of ours: those go first.
  returned_.wait(lock,
                 [this] { return stopped_ || (waiting_ ? in_flight_.empty() : !free_.empty()); });
  if (stopped_) return nullptr;
  auto claims = std::move(free_.front());
  free_.pop_front();
  return claims;
}

std::optional<id_range> claimed_chunks::next() {
  for (;;) {
    auto claims = free_claims();
    if (!claims) return std::nullopt;
    const bool wait = waiting_;
    const auto chunk = claims->claim(wait);
    std::lock_guard lock(mutex_);
    if (chunk) {
      in_flight_.push_back(std::move(claims));
      return id_range{chunk->first_id - 1, chunk->last_id};
    }
    free_.push_back(std::move(claims));
    if (wait) return std::nullopt;
    waiting_ = true;
  }
}

void claimed_chunks::written() {
  chunk_claims *oldest;
  {
    std::lock_guard lock(mutex_);
    oldest = in_flight_.front().get(); // only this thread takes from in_flight_
  }
  oldest->done();
  std::lock_guard lock(mutex_);
  free_.push_back(std::move(in_flight_.front()));
  in_flight_.pop_front();
  returned_.notify_all();
}

void claimed_chunks::stop() {
  std::lock_guard lock(mutex_);
  stopped_ = true;
  returned_.notify_all();
}

} // namespace rebuy::core
