#include "pipeline/analyze_pipeline.hpp"

#include "pipeline/analysis_worker.hpp"
#include "pipeline/estimates.hpp"
#include "pipeline/id_ranges.hpp"
#include "pipeline/response_loader.hpp"
#include "pipeline/text_model.hpp"
#include "store/analysis_chunks.hpp"
#include "store/score_store.hpp"
#include "store/score_writer.hpp"
#include "store/wal_checkpointer.hpp"
#include "util/bounded_queue.hpp"
#include "util/cancel.hpp"
#include "util/errors.hpp"
#include "util/phase_timer.hpp"
#include "util/progress_line.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include <malloc.h>
#include <pthread.h>

namespace rebuy::core {
namespace {

using batch_ptr = std::unique_ptr<loaded_batch>;

// Keeps the first failure of any thread and stops the others.
struct failure {
  std::mutex mutex;
  std::exception_ptr error;
  void set(std::exception_ptr e) {
    std::lock_guard lock(mutex);
    if (!error) error = e;
  }
  bool any() {
    std::lock_guard lock(mutex);
    return error != nullptr;
  }
};

// What every run of the analyzers' pipeline over a range of responses shares.
struct analysis_setup {
  sql::connection &db;
  const analysis_request &request;
  analyzer_lineup analyzers{};
  std::vector<std::unique_ptr<analysis_worker>> workers{};
  std::unique_ptr<sql::connection> reader{}; // pages are read beside the writing

  // Before any response is analyzed, so that a failing analyzer stops the analysis before it
  // starts; not before it is known that there is something to analyze (an import analyzed it
  // all, say).
  void make_workers() {
    // What an import before freed is still held by the allocator: given back, the analysis'
    // memory does not pile on top of it. Only before work that needs it: every page given back
    // costs a fault (~10 us here) when it is used again.
    if (workers.empty()) {
      malloc_trim(0);
      workers = analyzers.make_workers(request, db.name());
    }
    if (!reader) reader = db.open_reader();
  }
};

// On PostgreSQL, other rebuys may analyze the same store: a plan is made and
// finished by one at a time.
class analysis_turn {
public:
  explicit analysis_turn(sql::connection &db) : db_(db) {
    if (db.dialect() == sql::dialect::postgres)
      db.prepare(fmt::format("SELECT pg_advisory_lock({})", analysis_lock)).run();
  }
  ~analysis_turn() {
    if (db_.dialect() != sql::dialect::postgres) return;
    try {
      db_.prepare(fmt::format("SELECT pg_advisory_unlock({})", analysis_lock)).run();
    } catch (const sql::error &) { // the session's end releases it
    }
  }
  analysis_turn(const analysis_turn &) = delete;
  analysis_turn &operator=(const analysis_turn &) = delete;

private:
  sql::connection &db_;
};

// The pipeline over the ranges `ranges` hands out: a reader thread, the workers, and this
// thread writing, in the order the batches were read. A range's end reaches the writer as an
// empty batch: its scores are committed, then the range is written. With `record_progress`
// the analyzers' state advances as pages are written (one rebuy analyzing alone).
void analyze_ranges(analysis_setup &setup, const std::vector<int64_t> &through,
                    range_source &ranges, bool record_progress, progress_line &progress,
                    uint64_t pending, analysis_outcome &outcome) {
  const analysis_request &request = setup.request;
  sql::connection &db = setup.db;
  response_loader loader(setup.reader ? *setup.reader : db, through,
                         setup.analyzers.with_attributes);
  const auto worker_count = static_cast<unsigned>(setup.workers.size());
  bounded_queue<batch_ptr> to_analyze(2 * worker_count), to_write(2 * worker_count);
  // Written batches go back to the reader with their memory.
  bounded_queue<batch_ptr> spares(64); // more than can ever be in flight: never blocks
  failure failed;
  auto stop_all = [&] {
    ranges.stop();
    to_analyze.close();
    to_write.close();
  };

  // Before any thread starts: should it fail, no thread is left running.
  score_writer writer(db, setup.analyzers.metrics, record_progress);
  auto read = [&] {
    uint64_t pages = 0;
    while (const auto range = ranges.next()) {
      loader.start(range->after, range->last);
      for (bool in_range = true; in_range;) {
        if (cancel_requested() || failed.any()) return;
        auto spare = spares.try_pop();
        auto batch = spare ? std::move(*spare) : std::make_unique<loaded_batch>();
        in_range = loader.next(request.batch_size, *batch);
        batch->ends_range = !in_range;
        batch->sequence = pages++;
        if (!to_analyze.push(std::move(batch))) return;
      }
    }
  };
  std::thread reading([&] {
    pthread_setname_np(pthread_self(), "rebuy-load");
    try {
      read();
    } catch (...) {
      failed.set(std::current_exception());
      ranges.stop();
    }
    to_analyze.close();
  });

  std::vector<std::thread> analyzing;
  std::atomic<unsigned> running{worker_count};
  for (auto &worker : setup.workers)
    analyzing.emplace_back([&, w = worker.get()] {
      pthread_setname_np(pthread_self(), "rebuy-analyze");
      try {
        while (auto batch = to_analyze.pop()) {
          if (!(*batch)->ends_range) w->run(**batch);
          if (!to_write.push(std::move(*batch))) break;
        }
      } catch (...) {
        failed.set(std::current_exception());
        stop_all();
      }
      if (--running == 0) to_write.close();
    });

  std::map<uint64_t, batch_ptr> early; // analyzed before a batch read earlier
  uint64_t next_page = 0;
  while (auto analyzed = to_write.pop()) {
    early.emplace((*analyzed)->sequence, std::move(*analyzed));
    for (auto it = early.begin(); it != early.end() && it->first == next_page;
         it = early.begin(), ++next_page) {
      batch_ptr batch = std::move(it->second);
      early.erase(it);
      try {
        if (batch->ends_range) {
          writer.finish();
          ranges.written();
        } else {
          outcome.scores += writer.write(*batch);
          outcome.responses += batch->responses.size();
          progress.update_rows(outcome.responses, pending);
        }
        spares.push(std::move(batch));
      } catch (...) {
        failed.set(std::current_exception());
        stop_all();
      }
    }
  }
  reading.join();
  for (auto &t : analyzing)
    t.join();
  // What was analyzed is kept, whatever stopped the rest.
  try {
    writer.finish();
  } catch (...) {
    failed.set(std::current_exception());
  }
  if (failed.error) std::rethrow_exception(failed.error);
  if (cancel_requested()) throw input_error("analysis cancelled; what was analyzed is kept");
}

// Brings the analyzers' state in line (a new version starts over) and drops
// the scores of responses deleted outside an import (whose commit drops them).
std::vector<int64_t> prepare(analysis_setup &setup, bool rerun) {
  {
    sql::transaction tx(setup.db);
    score_store(setup.db).purge_dropped();
    tx.commit();
  }
  return prepare_analyzer_state(setup.db, setup.analyzers.identities, rerun);
}

// One rebuy on its store: everything pending, in one range.
void analyze_alone(analysis_setup &setup, analysis_outcome &outcome) {
  const auto through = prepare(setup, setup.request.rerun);
  const int64_t after = *std::min_element(through.begin(), through.end());
  const int64_t last = analysis_bound(setup.db);
  // Nothing past what every analyzer has seen (an import analyzed beside it): the count below
  // would still read every key.
  if (after >= last) return;
  // response_keys has a small row for each response (SQLite alone runs this): counting the
  // responses' own rows would read every page of their texts.
  auto count = setup.db.prepare("SELECT count(*) FROM response_keys WHERE id > ?1 AND id <= ?2");
  count.bind(1, after).bind(2, last);
  count.step();
  const auto pending = static_cast<uint64_t>(count.column_int(0));
  count.reset();
  if (pending == 0) return;
  setup.make_workers();
  progress_line progress("analyzing");
  one_range everything({after, last});
  analyze_ranges(setup, through, everything, true, progress, pending, outcome);
  progress.finish();
}

// Several rebuys on one PostgreSQL store share the work: each takes chunks of
// a plan until none is left (store/analysis_chunks.hpp), and whoever finds
// the plan complete records the analyzers' progress; then new responses, if
// any came meanwhile, get a plan of their own.
void analyze_shared(analysis_setup &setup, analysis_outcome &outcome) {
  setup.make_workers();
  bool rerun = setup.request.rerun;
  for (;;) {
    std::vector<int64_t> through;
    std::optional<analysis_plan> plan;
    {
      analysis_turn turn(setup.db);
      through = prepare(setup, std::exchange(rerun, false));
      plan = join_or_plan(setup.db, setup.analyzers.identities, through);
    }
    if (!plan) return;
    spdlog::debug("analysis plan {}: {} responses to share", plan->key, plan->responses);
    progress_line progress("analyzing");
    claimed_chunks chunks(setup.db, plan->key);
    analyze_ranges(setup, through, chunks, false, progress, plan->responses, outcome);
    progress.finish();
    analysis_turn turn(setup.db);
    if (plan_complete(setup.db, plan->key))
      advance_analyzer_state(setup.db, setup.analyzers.identities, plan->bound);
  }
}

} // namespace

analyzer_lineup installed_analyzers(const plugin_registry &registry) {
  analyzer_lineup lineup;
  lineup.plugins = registry.of_kind(REBUY_KIND_ANALYZER);
  if (lineup.plugins.size() > 64) throw input_error("more than 64 analyzers are installed");
  for (const auto &p : lineup.plugins) {
    lineup.identities.push_back({p->id(), p->version()});
    analyzer_metrics m{lineup.identities.back(), {}};
    for (const auto &metric : p->metrics())
      m.metrics.push_back(metric.name);
    lineup.metrics.push_back(std::move(m));
    lineup.with_attributes |= p->has(REBUY_CAP_ANALYZER_ATTRIBUTES);
  }
  return lineup;
}

std::vector<std::unique_ptr<analysis_worker>>
analyzer_lineup::make_workers(const analysis_request &request, const std::string &subject) const {
  const unsigned count =
      request.workers ? request.workers : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<analysis_worker>> workers;
  for (unsigned i = 0; i < count; ++i)
    workers.push_back(
        std::make_unique<analysis_worker>(plugins, request.options, request.scoped, subject));
  return workers;
}

static analysis_outcome run_analyzers(const plugin_registry &registry, sql::connection &db,
                                      const analysis_request &request) {
  analysis_outcome outcome;
  analysis_setup setup{db, request, installed_analyzers(registry)};
  if (setup.analyzers.plugins.empty()) {
    spdlog::warn("no analyzer plugins are installed; nothing to analyze");
    return outcome;
  }
  for (const auto &id : setup.analyzers.identities)
    outcome.analyzers.push_back(id.id + " " + id.version);
  if (db.dialect() == sql::dialect::postgres)
    analyze_shared(setup, outcome);
  else
    analyze_alone(setup, outcome);
  return outcome;
}

analysis_outcome analyze_store(const plugin_registry &registry, sql::connection &db,
                               const analysis_request &request) {
  analysis_outcome outcome;
  // The log fills with score pages faster than anything else: checkpointed beside the work.
  std::optional<wal_checkpointer> checkpointer;
  if (db.dialect() == sql::dialect::sqlite && db.reads_beside_writes()) {
    try {
      checkpointer.emplace(sql::sqlite_of(db));
    } catch (const sql::error &e) { // SQLite then checkpoints by itself, as without it
      spdlog::debug("no checkpoints beside the analysis: {}", e.what());
    }
  }
  {
    phase_timer timer("analyzers");
    outcome = run_analyzers(registry, db, request);
  }
  // The scores' pages are synced into the store while the estimates are derived, which write
  // little: closing the store then has little left to sync.
  if (checkpointer) checkpointer->request();
  // The analyzers' threads freed their batches, but glibc keeps such memory for the threads that
  // had it: given back now, the estimates' memory comes in its place, not on top of it.
  if (outcome.responses) malloc_trim(0);
  analysis_turn turn(db); // estimates are derived by one rebuy at a time
  // Estimates depend on every analyzer's scores and on the orders: redo them
  // when any of those changed since they were last derived.
  const char *concat = db.dialect() == sql::dialect::postgres
                           ? "string_agg(analyzer || ' ' || analyzer_version || ' ' || "
                             "analyzed_through, ',' ORDER BY analyzer)"
                           : "group_concat(analyzer || ' ' || analyzer_version || ' ' || "
                             "analyzed_through)";
  // On SQLite, responses are counted in response_keys, one small row each.
  const char *response_rows =
      db.dialect() == sql::dialect::postgres ? "responses" : "response_keys";
  auto state = db.prepare(fmt::format(R"sql(
SELECT (SELECT coalesce(max(id), 0) FROM responses) || ':' || (SELECT count(*) FROM {1}) || '|' ||
       (SELECT coalesce(max(id), 0) || ':' || count(*) || ':' || coalesce(max(run_id), 0)
        FROM orders) || '|' ||
       (SELECT coalesce({0}, '') FROM analyzer_state WHERE analyzer <> 'rebuy'),
       (SELECT analyzer_version FROM analyzer_state WHERE analyzer = 'rebuy'))sql",
                                      concat, response_rows));
  state.step();
  estimate_options estimates;
  estimates.horizon_days = stored_horizon_days(db);
  const std::string fingerprint =
      fmt::format("{}/h{}/{}", estimates_version, estimates.horizon_days, state.column_text(0));
  const bool same = state.column_text(1) == fingerprint;
  state.reset();
  if (same && !request.rerun) return outcome;
  // Estimates are written in two transactions: until both are in, no fingerprint says they are
  // up to date, so that an analysis stopped between them derives them again.
  db.prepare("DELETE FROM analyzer_state WHERE analyzer = 'rebuy'").run();
  const text_walk_beside *walked =
      request.text_walk && db.dialect() == sql::dialect::sqlite &&
              sql::sqlite_of(db).pragma("PRAGMA data_version") == request.text_walk->data_version
          ? request.text_walk.get()
          : nullptr;
  if (request.text_walk)
    spdlog::debug("the text model {} the import's walk", walked ? "takes" : "cannot take");
  derive_estimates(db, estimates, walked);
  auto remember = db.prepare("INSERT INTO analyzer_state (analyzer, analyzer_version) "
                             "VALUES ('rebuy', ?1) ON CONFLICT (analyzer) DO UPDATE SET "
                             "analyzer_version = excluded.analyzer_version");
  remember.bind(1, fingerprint).run();
  return outcome;
}

} // namespace rebuy::core
