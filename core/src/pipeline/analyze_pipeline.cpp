#include "pipeline/analyze_pipeline.hpp"

#include "pipeline/analysis_worker.hpp"
#include "pipeline/estimates.hpp"
#include "pipeline/response_loader.hpp"
#include "store/score_store.hpp"
#include "store/score_writer.hpp"
#include "util/bounded_queue.hpp"
#include "util/cancel.hpp"
#include "util/errors.hpp"
#include "util/progress_line.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

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

} // namespace

static analysis_outcome run_analyzers(const plugin_registry &registry, sql::connection &db,
                                      const analysis_request &request) {
  auto plugins = registry.of_kind(REBUY_KIND_ANALYZER);
  if (plugins.size() > 64) throw input_error("more than 64 analyzers are installed");
  analysis_outcome outcome;
  if (plugins.empty()) {
    spdlog::warn("no analyzer plugins are installed; nothing to analyze");
    return outcome;
  }
  std::vector<analyzer_identity> identities;
  std::vector<analyzer_metrics> metrics;
  bool with_attributes = false;
  for (const auto &p : plugins) {
    identities.push_back({p->id(), p->version()});
    analyzer_metrics m{identities.back(), {}};
    for (const auto &metric : p->metrics())
      m.metrics.push_back(metric.name);
    metrics.push_back(std::move(m));
    with_attributes |= p->has(REBUY_CAP_ANALYZER_ATTRIBUTES);
    outcome.analyzers.push_back(p->id() + " " + p->version());
  }
  {
    // Scores of responses deleted outside an import (whose commit drops them) go first.
    sql::transaction tx(db);
    score_store(db).purge_dropped();
    tx.commit();
  }
  auto through = prepare_analyzer_state(db, identities, request.rerun);

  // Workers are created up front so a failing analyzer stops us before any work.
  unsigned worker_count =
      request.workers ? request.workers : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<analysis_worker>> workers;
  for (unsigned i = 0; i < worker_count; ++i)
    workers.push_back(std::make_unique<analysis_worker>(plugins, request.options, request.scoped,
                                                        db.path().string()));

  sql::connection reader_db(db.path(), /*read_only=*/true, db.busy_timeout());
  response_loader loader(reader_db, through, with_attributes);
  uint64_t pending = loader.count_pending();
  if (pending == 0) return outcome;

  bounded_queue<batch_ptr> to_analyze(2 * worker_count), to_write(2 * worker_count);
  // Written batches go back to the reader with their memory.
  bounded_queue<batch_ptr> spares(64); // more than can ever be in flight: never blocks
  failure failed;

  uint64_t pages = 0;
  std::thread reading([&] {
    pthread_setname_np(pthread_self(), "rebuy-load");
    try {
      for (;;) {
        auto spare = spares.try_pop();
        auto batch = spare ? std::move(*spare) : std::make_unique<loaded_batch>();
        if (cancel_requested() || failed.any() || !loader.next(request.batch_size, *batch)) break;
        batch->sequence = pages++;
        if (!to_analyze.push(std::move(batch))) break;
      }
    } catch (...) {
      failed.set(std::current_exception());
    }
    to_analyze.close();
  });

  std::vector<std::thread> analyzing;
  std::atomic<unsigned> running{worker_count};
  for (auto &worker : workers)
    analyzing.emplace_back([&, w = worker.get()] {
      pthread_setname_np(pthread_self(), "rebuy-analyze");
      try {
        while (auto batch = to_analyze.pop()) {
          w->run(**batch);
          if (!to_write.push(std::move(*batch))) break;
        }
      } catch (...) {
        failed.set(std::current_exception());
        to_analyze.close();
      }
      if (--running == 0) to_write.close();
    });

  score_writer writer(db, metrics);
  progress_line progress("analyzing");
  while (auto batch = to_write.pop()) {
    try {
      outcome.scores += writer.write(**batch);
      outcome.responses += (*batch)->responses.size();
      spares.push(std::move(*batch));
      progress.update_rows(outcome.responses, pending);
    } catch (...) {
      failed.set(std::current_exception());
      to_analyze.close();
      to_write.close();
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
  progress.finish();
  if (failed.error) std::rethrow_exception(failed.error);
  if (cancel_requested()) throw input_error("analysis cancelled; what was analyzed is kept");
  return outcome;
}

analysis_outcome analyze_store(const plugin_registry &registry, sql::connection &db,
                               const analysis_request &request) {
  analysis_outcome outcome = run_analyzers(registry, db, request);
  // Estimates depend on every analyzer's scores and on the orders: redo them
  // when any of those changed since they were last derived.
  auto state = db.prepare(R"sql(
SELECT (SELECT coalesce(max(id), 0) || ':' || count(*) FROM responses) || '|' ||
       (SELECT coalesce(max(id), 0) || ':' || count(*) || ':' || coalesce(max(run_id), 0)
        FROM orders) || '|' ||
       (SELECT coalesce(group_concat(analyzer || ' ' || analyzer_version || ' ' || analyzed_through),
                        '') FROM analyzer_state WHERE analyzer <> 'rebuy'),
       (SELECT analyzer_version FROM analyzer_state WHERE analyzer = 'rebuy'))sql");
  state.step();
  estimate_options estimates;
  estimates.horizon_days = stored_horizon_days(db);
  const std::string fingerprint =
      fmt::format("{}/h{}/{}", estimates_version, estimates.horizon_days, state.column_text(0));
  const bool same = state.column_text(1) == fingerprint;
  state.reset();
  if (same && !request.rerun) return outcome;
  derive_estimates(db, estimates);
  auto remember = db.prepare("INSERT INTO analyzer_state (analyzer, analyzer_version) "
                             "VALUES ('rebuy', ?1) ON CONFLICT (analyzer) DO UPDATE SET "
                             "analyzer_version = excluded.analyzer_version");
  remember.bind(1, fingerprint).run();
  return outcome;
}

} // namespace rebuy::core
