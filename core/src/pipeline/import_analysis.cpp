#include "pipeline/import_analysis.hpp"

#include "pipeline/response_loader.hpp"
#include "store/analyzer_state.hpp"
#include "util/bounded_queue.hpp"
#include "util/errors.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <deque>
#include <map>
#include <optional>
#include <thread>

#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

namespace rebuy::core {
namespace {

using batch_ptr = std::unique_ptr<loaded_batch>;

// Copied responses not yet written, analyzed or not, in batches of half the analysis' size (the
// import's own batches are in memory meanwhile): enough for the workers to go on while the
// import's thread writes a page of every metric at once (every 20,480 responses, some 30 ms),
// which with four batches left a core idle a tenth of the time.
constexpr uint64_t batches_waiting = 12;
// The workers yield to the import's threads, which feed them: on two cores the four threads
// compete, and a reader or writer that waits for a core stalls every worker after it.
constexpr int worker_niceness = 10;

// The walk beside the import keeps at most this many texts without a verdict (16 bytes each);
// past them, the estimates read them back from the store instead, after the import's memory is
// free.
constexpr size_t walk_unlabelled_limit = size_t{1} << 21;

// The last stored response's id, when every analyzer has analyzed every stored response at its
// version: then the import's new responses (higher ids) are all any analyzer has left.
std::optional<int64_t> caught_up_through(sql::connection &db,
                                         const std::vector<analyzer_identity> &analyzers) {
  auto last = db.prepare("SELECT coalesce(max(id), 0) FROM responses");
  last.step();
  const int64_t stored = last.column_int(0);
  if (stored == 0) return 0; // nothing stored: nothing left behind, whatever the state says
  auto state = db.prepare(
      "SELECT analyzer_version, analyzed_through FROM analyzer_state WHERE analyzer = ?1");
  for (const auto &a : analyzers) {
    state.bind(1, a.id);
    const bool current =
        state.step() && state.column_text(0) == a.version && state.column_int(1) >= stored;
    state.reset();
    if (!current) return std::nullopt;
  }
  return stored;
}

// A response with a text handed over, with what the text model reads of it besides scores.
struct text_row {
  response_ref ref;
  std::optional<double> rating, rating_max;
};

} // namespace

struct import_analysis::state {
  analyzer_lineup analyzers;
  role_names names;
  uint64_t named_roles = 0; // bit r: the mapping named a column for role r
  uint64_t pending = 0;     // every analyzer's bit
  size_t batch_size;
  std::vector<std::unique_ptr<analysis_worker>> workers;
  score_writer writer;
  bounded_queue<batch_ptr> to_analyze;
  bounded_queue<batch_ptr> to_write{256}; // more than can be in flight: workers never wait on it
  std::vector<batch_ptr> spares;          // written, for the next copies
  std::vector<std::thread> threads;
  std::atomic<unsigned> running{0};
  std::atomic<bool> failed{false};
  std::map<uint64_t, batch_ptr> early; // analyzed before a batch handed over earlier
  uint64_t handed = 0, written = 0;
  bool open = true;
  // What the text model's walk finds in the responses written; null once it cannot be whole.
  std::shared_ptr<text_walk_beside> walk;
  std::string source;
  // Of each metric (first_metric[analyzer] + metric), the index of the text reading it gives, or
  // -1.
  std::vector<int> reading_of;
  std::vector<size_t> first_metric;
  std::deque<std::vector<text_row>> texts; // of each batch handed over and not written
  std::vector<text_readings> readings;     // of a batch's texts, while it is written

  state(sql::connection &db, analyzer_lineup lineup, const std::vector<column_mapping> &columns,
        size_t batch_size, std::vector<std::unique_ptr<analysis_worker>> w, int64_t stored,
        std::string source_name)
      : analyzers(std::move(lineup)), names(role_names_of(columns)),
        batch_size(std::max<size_t>(batch_size, 1)), workers(std::move(w)),
        writer(db, analyzers.metrics, true, false), to_analyze(batches_waiting),
        walk(std::make_shared<text_walk_beside>()), source(std::move(source_name)) {
    for (size_t r = 0; r < names.size(); ++r)
      if (!names[r].empty()) named_roles |= uint64_t{1} << r;
    const size_t n = analyzers.identities.size();
    pending = n == 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
    walk->after = walk->last = stored;
    for (const auto &a : analyzers.metrics) {
      first_metric.push_back(reading_of.size());
      for (const auto &m : a.metrics) {
        int reading = -1;
        for (size_t k = 0; k < text_reading_metrics.size(); ++k)
          if (a.identity.id == text_reading_metrics[k][0] && m == text_reading_metrics[k][1])
            reading = static_cast<int>(k);
        reading_of.push_back(reading);
      }
    }
  }

  // Adds a batch's texts to the walk, with their readings as the score writer stores them.
  void walk_batch(const loaded_batch &batch, const std::vector<text_row> &rows) {
    readings.assign(rows.size(), {});
    for (size_t i = 0; i < rows.size(); ++i)
      readings[i].rating = rows[i].rating, readings[i].rating_max = rows[i].rating_max;
    for (const score_row &s : batch.scores) {
      const int reading = reading_of[first_metric[s.analyzer] + s.metric];
      if (reading < 0) continue;
      auto row = std::lower_bound(rows.begin(), rows.end(), s.response_id,
                                  [](const text_row &t, int64_t id) { return t.ref.id < id; });
      if (row == rows.end() || row->ref.id != s.response_id) continue;
      // As stored: of two scores for one metric the last, and a value only when finite.
      const double value = std::isfinite(s.value) ? s.value : NAN;
      text_readings &r = readings[static_cast<size_t>(row - rows.begin())];
      (reading == 0   ? r.answer
       : reading == 1 ? r.recommend
       : reading == 2 ? r.nps_class
                      : r.lexicon) = value;
    }
    for (size_t i = 0; i < rows.size(); ++i)
      walk->walk.add(rows[i].ref, source, readings[i]);
    if (walk->walk.unlabelled().size() > walk_unlabelled_limit) drop_walk();
  }

  void drop_walk() {
    walk.reset();
    texts.clear();
  }

  void analyze(analysis_worker &worker) {
    while (auto batch = to_analyze.pop()) {
      worker.run(**batch);
      to_write.push(std::move(*batch));
    }
  }

  // Writes the batches analyzed, in order, waiting for the workers until at most `unwritten` of
  // those handed over are not written, then whatever else is ready.
  void write(uint64_t unwritten, uint64_t &responses, uint64_t &scores) {
    while (!failed) {
      auto analyzed = handed - written > unwritten ? to_write.pop() : to_write.try_pop();
      if (!analyzed) break;
      early.emplace((*analyzed)->sequence, std::move(*analyzed));
      for (auto it = early.begin(); it != early.end() && it->first == written;
           it = early.begin(), ++written) {
        scores += writer.write(*it->second);
        responses += it->second->responses.size();
        if (walk) {
          walk_batch(*it->second, texts.front());
          if (walk) texts.pop_front();
        }
        spares.push_back(std::move(it->second));
        early.erase(it);
      }
    }
  }

  void stop() {
    to_analyze.close();
    for (auto &t : threads)
      t.join();
    threads.clear();
  }
};

import_analysis::import_analysis(std::unique_ptr<state> s) : state_(std::move(s)) {}

import_analysis::~import_analysis() {
  if (state_) state_->stop();
}

std::unique_ptr<import_analysis> import_analysis::start(const plugin_registry &registry,
                                                        sql::connection &db,
                                                        const analysis_request &request,
                                                        const std::vector<column_mapping> &columns,
                                                        std::string source) {
  if (db.dialect() != sql::dialect::sqlite || request.rerun) return nullptr;
  analyzer_lineup lineup;
  std::vector<std::unique_ptr<analysis_worker>> workers;
  std::optional<int64_t> stored;
  try {
    lineup = installed_analyzers(registry);
    if (lineup.plugins.empty() || !(stored = caught_up_through(db, lineup.identities)))
      return nullptr;
    workers = lineup.make_workers(request, db.name());
  } catch (const input_error &e) { // an analyzer refused: the analysis after the import says why
    spdlog::debug("no analysis beside the import: {}", e.what());
    return nullptr;
  }
  prepare_analyzer_state(db, lineup.identities, false); // an analyzer new to the store joins
  sql::transaction tx(db);                              // the scores' metrics
  auto s = std::make_unique<state>(db, std::move(lineup), columns, request.batch_size / 2,
                                   std::move(workers), *stored, std::move(source));
  tx.commit();
  std::unique_ptr<import_analysis> analysis(new import_analysis(std::move(s)));
  state &st = *analysis->state_;
  st.running = static_cast<unsigned>(st.workers.size());
  for (auto &worker : st.workers)
    st.threads.emplace_back([&st, w = worker.get()] {
      pthread_setname_np(pthread_self(), "rebuy-analyze");
      setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), worker_niceness);
      try {
        st.analyze(*w);
      } catch (...) { // the analysis after the import meets it again, and says what it is
        st.failed = true;
        st.to_analyze.close();
      }
      if (--st.running == 0) st.to_write.close();
    });
  return analysis;
}

void import_analysis::take(const written_batch &batch) {
  if (!state_->open) return;
  // A replaced response's old id may be among those handed over: its scores are written before
  // the commit drops them with it.
  const char *why = batch.replaced                              ? "a stored response was replaced"
                    : (batch.roles & ~state_->named_roles) != 0 ? "a role the mapping did not name"
                    : state_->failed                            ? "an analyzer failed"
                                                                : nullptr;
  if (why) {
    spdlog::debug("the analysis beside the import ends ({}); the rest is analyzed after it", why);
    state_->drop_walk(); // a replaced response's old id may be in it
    end(!state_->failed);
    return;
  }
  const std::vector<stored_anew> &stored = batch.stored;
  if (stored.empty()) return;
  // Copied here, in batches of the analysis' size, so that the written batch goes back to the
  // import at once: staged responses take several times the memory of the fields analyzers read.
  for (size_t first = 0; first < stored.size(); first += state_->batch_size) {
    // At most batches_waiting copies exist, analyzed or not: the import's thread writes the
    // analyzed ones before it copies more.
    state_->write(batches_waiting - 1, responses_, scores_);
    if (state_->failed) break;
    batch_ptr loaded;
    if (state_->spares.empty()) {
      loaded = std::make_unique<loaded_batch>();
    } else {
      loaded = std::move(state_->spares.back());
      state_->spares.pop_back();
      loaded->clear();
    }
    loaded->sequence = state_->handed;
    const size_t last = std::min(first + state_->batch_size, stored.size());
    for (size_t i = first; i < last; ++i)
      load_staged(*stored[i].response, stored[i].id, state_->names,
                  state_->analyzers.with_attributes, state_->pending, *loaded);
    if (state_->walk) {
      // The texts, as the walk over the store selects them: a text or a title stored.
      auto &texts = state_->texts.emplace_back();
      for (size_t i = first; i < last; ++i) {
        const staged_response &r = *stored[i].response;
        if (!r.roles[REBUY_ROLE_TEXT].empty() || !r.roles[REBUY_ROLE_TITLE].empty())
          texts.push_back({{stored[i].id, r.key_hash}, r.rating, r.rating_max});
        state_->walk->last = std::max(state_->walk->last, stored[i].id);
      }
      std::sort(texts.begin(), texts.end(),
                [](const text_row &a, const text_row &b) { return a.ref.id < b.ref.id; });
    }
    if (!state_->to_analyze.push(std::move(loaded))) break; // a worker failed
    ++state_->handed;
  }
  state_->write(UINT64_MAX, responses_, scores_);
}

void import_analysis::finish() { end(true); }

void import_analysis::abandon() {
  state_->drop_walk();
  end(false);
}

std::shared_ptr<text_walk_beside> import_analysis::text_walk() { return state_->walk; }

void import_analysis::end(bool write) {
  if (!state_->open) return;
  state_->open = false;
  state_->to_analyze.close();
  if (write && !state_->failed) {
    state_->write(0, responses_, scores_);
    if (!state_->failed) state_->writer.finish(); // records how far the analyzers came
  }
  if (state_->failed) state_->drop_walk();
  state_->stop();
  spdlog::debug("analyzed beside the import: {} responses, {} scores", responses_, scores_);
}

} // namespace rebuy::core
