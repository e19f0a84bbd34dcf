#include "pipeline/import_pipeline.hpp"

#include "pipeline/import_analysis.hpp"
#include "pipeline/import_source.hpp"
#include "pipeline/stager.hpp"
#include "store/bulk_write.hpp"
#include "store/response_writer.hpp"
#include "util/bounded_queue.hpp"
#include "util/cancel.hpp"
#include "util/errors.hpp"
#include "util/progress_line.hpp"
#include "util/timestamp.hpp"

#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <rebuy/plugin.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <thread>

#include <pthread.h>

namespace rebuy::core {
namespace {

// Rows staged together before the writer takes them; half as many when the analysis works beside
// the import, whose memory it then shares: a staged row keeps its strings' memory for the next
// (about 2.5 KB a row on the benchmark's file, 13 MB a batch).
constexpr uint64_t rows_per_hand_over = 4096;
// How often the writer commits, so that an interrupted import keeps its work: from every 200,000
// rows or 2 s, spaced in proportion to the responses already stored (half of them), up to every
// 2,000,000 rows or 20 s. A commit merges its keys into `response_keys`, ordered by their hash,
// rewriting pages all over that table, so its cost grows with the store; so spaced, most of the
// merging overlaps the reading.
//
// On a large store, or for a large file, the keys wait in import_keys instead, merged once at the
// end (store/set_aside_keys.hpp): 4 s less of a 10M import's 35. For a small file on a small store
// the merges at the commits cost less than that second pass (0.2 s of a 1M import's 2.4).
constexpr uint64_t set_aside_keys_stored = 2000000;
constexpr uint64_t set_aside_keys_file_bytes = uint64_t{512} << 20; // ~2,000,000 survey rows
struct commit_interval {
  uint64_t rows;
  std::chrono::milliseconds time;
};
commit_interval commit_interval_for(uint64_t stored_keys) {
  constexpr uint64_t least = 200000, most = 2000000;
  const uint64_t rows = std::clamp(stored_keys / 2, least, most);
  return {rows, std::chrono::milliseconds(2000 * rows / least)};
}

// A file an importer cannot read is mostly rejects: once this many rows were
// rejected or skipped, and ten times as many as were read as records, the
// import stops (docs/importers.md). Counted skips (blank lines) do not count.
constexpr uint64_t refusal_floor = 1000;
constexpr uint64_t refusal_ratio = 10;

using batch_queue = bounded_queue<std::unique_ptr<staged_batch>>;

// Reads batches from the importer and stages them, on its own thread.
class batch_producer {
public:
  batch_producer(importer_session &session, std::string importer, size_t batch_size,
                 uint64_t hand_over_rows, std::string source, std::optional<date_order> dates,
                 uint64_t input_bytes)
      : session_(session), importer_(std::move(importer)), batch_size_(batch_size),
        hand_over_rows_(hand_over_rows), stager_(std::move(source), dates, input_bytes) {}

  void run(batch_queue &queue, batch_queue &spares) {
    // Batches come back from the writer emptied, with their memory.
    auto next_batch = [&] {
      if (auto spare = spares.try_pop()) return std::move(*spare);
      auto batch = std::make_unique<staged_batch>();
      batch->reserve(hand_over_rows_ + batch_size_);
      return batch;
    };
    try {
      rebuy_batch batch;
      int empty_streak = 0;
      auto staged = next_batch();
      while (session_.next(batch_size_, batch)) {
        if (cancel_requested()) throw input_error("cancelled");
        uint64_t rows = batch.record_count + batch.reject_count + batch.skip_count;
        // An importer that keeps answering "more" with nothing would spin forever.
        if (rows == 0 && ++empty_streak > 10000)
          throw input_error("the importer keeps returning empty batches");
        if (rows) empty_streak = 0;
        stager_.stage(batch, *staged);
        const uint64_t refused = stager_.refused(), records = stager_.records();
        if (refused >= refusal_floor && refused > refusal_ratio * records) {
          queue.push(std::move(staged)); // stored with its rejects, so the counts add up
          throw input_error(fmt::format("this does not look like a {} file: {} of its first {} "
                                        "rows were rejected or skipped; what was read is kept "
                                        "(--as chooses another importer)",
                                        importer_, refused, refused + records));
        }
        if (staged->rows() >= hand_over_rows_) {
          if (!queue.push(std::move(staged))) break;
          staged = next_batch();
        }
      }
      if (staged && staged->rows()) queue.push(std::move(staged));
    } catch (...) {
      error_ = std::current_exception();
    }
    queue.close();
  }
  std::exception_ptr error() const { return error_; }
  const std::string &date_note() const { return stager_.date_note(); }
  std::string relative_date_note() const { return stager_.relative_date_note(); }

private:
  importer_session &session_;
  std::string importer_;
  size_t batch_size_;
  uint64_t hand_over_rows_;
  stager stager_;
  std::exception_ptr error_;
};

// Whether the rows read may be committed, once reading is over. A compressed
// file's rows are worth what its check says, and the check comes at the end of
// each member: when reading stopped early, the rest is inflated to get it, but
// for a cancelled import, whose user wants it to stop, nothing was verified.
bool keep_what_was_read(decoded_reader &reader, bool committed_while_reading, bool stopped_early) {
  if (committed_while_reading) return true;
  if (stopped_early) {
    if (cancel_requested()) return false;
    reader.check_rest();
  }
  return reader.damage_kind() != gzip_damage::corrupt;
}

} // namespace

std::string mapping_json(const std::vector<column_mapping> &columns) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const auto &c : columns) {
    w.StartObject();
    w.Key("column");
    w.String(c.name.c_str(), static_cast<rapidjson::SizeType>(c.name.size()));
    w.Key("role");
    w.String(role_name(c.role));
    for (auto [key, value] : {std::pair<const char *, const std::string *>{"scale", &c.scale},
                              {"why", &c.reason},
                              {"missing", &c.missing},
                              {"suggest", &c.suggestion}})
      if (!value->empty()) {
        w.Key(key);
        w.String(value->c_str(), static_cast<rapidjson::SizeType>(value->size()));
      }
    w.EndObject();
  }
  w.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

import_outcome import_file(const plugin_registry &registry, sql::connection &db,
                           const import_request &request, const analysis_request *analysis_wanted) {
  const auto &file = request.file;
  import_source opened(registry, request);
  auto &plugin = opened.plugin;
  auto &reader = opened.reader;
  auto &input = opened.input;
  auto &session = opened.session;

  import_outcome outcome;
  auto description = session->describe();
  outcome.columns = description.columns;
  outcome.converted = reader.converted();
  auto &run = outcome.run;
  run.file = file.string();
  run.file_size = reader.file_size();
  run.encoding = reader.compressed() ? "gzip, " + reader.encoding() : reader.encoding();
  run.importer = plugin->id();
  run.importer_version = plugin->version();
  run.source = !request.source.empty()       ? request.source
               : !description.source.empty() ? description.source
                                             : file.filename().string();
  run.started_at = now_utc();
  run.mapping = mapping_json(description.columns);
  std::optional<bulk_write_scope> bulk(std::in_place, db);
  run_lease alive; // until the run is finished, whichever way
  run.id = begin_run(db, run, alive);
  spdlog::debug("run {}: {} with {} {}", run.id, file.string(), plugin->id(), plugin->version());

  // About the keys the store holds: ids only grow, and few responses are ever replaced.
  const uint64_t stored_before = [&db] {
    auto s = db.prepare("SELECT coalesce(max(id), 0) FROM responses");
    return s.step() ? static_cast<uint64_t>(s.column_int(0)) : uint64_t{0};
  }();
  response_writer writer(db, run.id, run.source,
                         /*keys_at_end=*/stored_before >= set_aside_keys_stored ||
                             reader.file_size() >= set_aside_keys_file_bytes);
  constexpr size_t in_flight = 2;
  batch_queue queue(in_flight), spares(in_flight + 2);
  written_batch written;
  std::unique_ptr<import_analysis> analysis;
  if (analysis_wanted) {
    analysis =
        import_analysis::start(registry, db, *analysis_wanted, description.columns, run.source);
    if (analysis) writer.describe_writes(&written);
  }
  batch_producer producer(*session, plugin->id(), request.batch_size,
                          analysis ? rows_per_hand_over / 2 : rows_per_hand_over, run.source,
                          request.dates, reader.file_size());
  std::thread reading([&] {
    pthread_setname_np(pthread_self(), "rebuy-read");
    producer.run(queue, spares);
  });

  // Compressed data is verified only at the end of each member: rows of a
  // member that fails its check cannot be told from good ones, so a compressed
  // file is committed once, after it was read to its end (docs/importers.md).
  const bool commit_while_reading = !reader.compressed();
  progress_line progress("importing " + file.filename().string());
  std::exception_ptr write_error;
  auto last_commit = std::chrono::steady_clock::now();
  for (;;) {
    auto batch = queue.pop();
    try {
      if (batch) {
        writer.write(**batch);
        if (analysis) analysis->take(written);
        (*batch)->clear();
        spares.push(std::move(*batch));
      }
      auto now = std::chrono::steady_clock::now();
      if (!batch) {
        if (keep_what_was_read(reader, commit_while_reading, producer.error() != nullptr)) {
          // The analysis of a file that failed part-way, or whose import was cancelled, is left
          // to a later `rebuy analyze`, as it would be without it.
          if (analysis && !producer.error() && !cancel_requested()) {
            writer.begin();
            analysis->finish();
          } else if (analysis) {
            analysis->abandon();
          }
          writer.commit(run.counts);
        } else {
          if (analysis) analysis->abandon();
          writer.rollback();
        }
      } else if (const auto interval = commit_interval_for(stored_before + run.counts.added);
                 writer.pending_rows() >= interval.rows || now - last_commit >= interval.time) {
        if (commit_while_reading)
          writer.commit(run.counts);
        else
          writer.flush();
        last_commit = now;
      }
    } catch (...) {
      write_error = std::current_exception();
      if (analysis) analysis->abandon();
      writer.rollback();
      queue.close();
      break;
    }
    if (!batch) break;
    progress.update_bytes(input.raw_bytes.load(std::memory_order_relaxed), run.file_size,
                          run.counts.rows_in());
  }
  reading.join();
  progress.finish();
  // What was committed, however the reading ended, is found by its keys from now on. A store
  // that failed leaves them to the next open_store.
  if (!write_error) {
    try {
      writer.finish();
    } catch (...) {
      write_error = std::current_exception();
    }
  }

  // The mapping can grow while reading (e.g. JSON keys seen late).
  auto error = write_error ? write_error : producer.error();
  if (!error) {
    try {
      auto described = session->describe();
      outcome.columns = std::move(described.columns);
      outcome.source_note = std::move(described.note);
      run.mapping = mapping_json(outcome.columns);
      run.sha256 = reader.sha256_hex();
    } catch (...) {
      error = std::current_exception();
    }
  }
  run.invalid_bytes = reader.invalid_sequences();
  outcome.damage = reader.damage();
  outcome.date_note = producer.date_note();
  outcome.relative_date_note = producer.relative_date_note();
  if (!outcome.damage.empty()) run.message = outcome.damage;
  run.finished_at = now_utc();
  // Corrupt data explains whatever the importer made of it: it is the reason given.
  if (!write_error && reader.damage_kind() == gzip_damage::corrupt) {
    run.status = "failed";
    run.message = outcome.damage + "; nothing of the file was stored";
    finish_run(db, run);
    throw input_error(fmt::format("{}: {}: nothing of it was stored, since none of its rows can "
                                  "be trusted",
                                  file.string(), outcome.damage));
  }
  if (!error) {
    if (analysis) {
      outcome.analyzed = analysis->responses();
      // Back to WAL first: the switch changes the connection's data_version.
      bulk.reset();
      if ((outcome.text_walk = analysis->text_walk()))
        outcome.text_walk->data_version = sql::sqlite_of(db).pragma("PRAGMA data_version");
    }
    outcome.truncated = reader.damage_kind() == gzip_damage::truncated;
    run.status = outcome.truncated ? "failed" : "done";
    if (outcome.truncated) run.message += "; the complete rows before were stored";
    finish_run(db, run);
    return outcome;
  }
  try {
    std::rethrow_exception(error);
  } catch (const std::exception &e) {
    std::string why = input.error.empty() ? e.what() : input.error;
    run.status = cancel_requested() || why == "cancelled" ? "cancelled" : "failed";
    run.message = why;
    finish_run(db, run);
    if (write_error) throw; // a store failure is ours, not the input's
    if (run.status == "cancelled")
      throw input_error(fmt::format("{}: import cancelled after {} rows (kept)", file.string(),
                                    run.counts.rows_in()));
    throw input_error(fmt::format("{}: import failed after {} rows: {}", file.string(),
                                  run.counts.rows_in(), why));
  }
}

} // namespace rebuy::core
