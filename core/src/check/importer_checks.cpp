// The importer checks: probe, batches, strings, errors, early close, records
// and the row count of the author's sample.
#include "check/abi_strings.hpp"
#include "check/importer_reading.hpp"
#include "check/plugin_checks.hpp"
#include "input/decoded_reader.hpp"
#include "pipeline/import_pipeline.hpp"
#include "store/store.hpp"

#include <fmt/format.h>
#include <rebuy/plugin.hpp>

#include <algorithm>
#include <fstream>
#include <optional>

namespace rebuy::core {
namespace {

constexpr size_t head_size = 64 * 1024;
constexpr size_t batch_sizes[] = {1, 3, 1024};

// What probe() is shown: the decoded start of the file, or its raw bytes.
std::string head_of(const std::filesystem::path &file, bool raw) {
  if (!raw) return read_decoded_head(file, head_size);
  std::ifstream in(file, std::ios::binary);
  std::string head(head_size, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

// Decoded bytes of the whole file, as the importer would be given them.
uint64_t decoded_size(const std::filesystem::path &file, bool raw) {
  decoded_reader reader(file, raw);
  std::string buffer(1 << 16, '\0');
  uint64_t total = 0;
  while (size_t n = reader.read(buffer.data(), buffer.size()))
    total += n;
  return total;
}

// "400 records", "22 records, 26 rejects": what a reading produced, zeros left out.
std::string row_summary(const reading &r) {
  std::string out;
  auto add = [&](uint64_t n, std::string_view what) {
    if (n) out += fmt::format("{}{} {}{}", out.empty() ? "" : ", ", n, what, n == 1 ? "" : "s");
  };
  add(r.records, "record");
  add(r.rejects, "reject");
  add(r.skips, "skip");
  return out.empty() ? "no rows" : out;
}

struct input_file {
  std::string label;
  std::filesystem::path path;
};

class importer_checker {
public:
  importer_checker(plugin_ptr p, const plugin_registry &registry, const check_inputs &inputs)
      : plugin_(std::move(p)), registry_(registry), inputs_(inputs),
        raw_(plugin_->has(REBUY_CAP_IMPORTER_RAW_INPUT)) {}

  check_result probe_unrelated() const {
    std::string problems, answers;
    for (const auto &u : inputs_.unrelated) {
      std::string head = head_of(u.path, raw_);
      int first = probe(head, u.input.file_name), second = probe(head, u.input.file_name);
      answers += fmt::format("{}{} {}", answers.empty() ? "" : ", ", u.input.label, first);
      std::string problem;
      if (first != second)
        problem = fmt::format("answers {} and then {} for the same input", first, second);
      else if (first < 0 || first > 100)
        problem = fmt::format("answers {}, outside 0-100", first);
      else if (!u.input.generic_claim_allowed && first != 0)
        problem = fmt::format("claims it with {}; must be 0", first);
      else if (first >= generic_claim_limit)
        problem = fmt::format("claims it with {}; at most a generic claim below {} is allowed",
                              first, generic_claim_limit);
      if (!problem.empty())
        problems += fmt::format("\n{} ({}): {}", u.input.label, u.input.file_name, problem);
    }
    if (!problems.empty())
      return check_result::failed("probe claims input it cannot read" + problems);
    return check_result::passed(
        answers + fmt::format(" (prose may get a generic claim below {})", generic_claim_limit));
  }

  check_result probe_sample() const {
    if (!inputs_.sample) return check_result::skipped("no --sample given");
    const auto &sample = *inputs_.sample;
    int confidence = probe(head_of(sample, raw_), sample.filename().string());
    if (confidence <= 0)
      return check_result::failed(
          fmt::format("answers {} for {}: `rebuy import` would never choose it (only with --as)",
                      confidence, sample.filename().string()));
    return check_result::passed(fmt::format("{} for {}", confidence, sample.filename().string()));
  }

  check_result batches() const {
    auto inputs = readable_inputs();
    if (inputs.empty()) return no_readable_input();
    std::string problems, read;
    for (const auto &in : inputs) {
      std::vector<reading> readings;
      for (size_t size : batch_sizes)
        readings.push_back(read_with_importer(*plugin_, in.path, {.batch_size = size}));
      const reading &largest = readings.back();
      for (size_t i = 0; i < readings.size(); ++i) {
        if (readings[i].broken.any(importer_rule::batch_size))
          problems += fmt::format("\n{} in batches of {}: {}", in.label, batch_sizes[i],
                                  readings[i].broken.list(importer_rule::batch_size));
        // A reading that failed part-way says nothing about the rows of a full one.
        bool comparable = !readings[i].failed && !largest.failed;
        if (comparable && !readings[i].same_rows(largest))
          problems += fmt::format("\n{}: batches of {} give {} rows, batches of {} give {} "
                                  "(or the same count with other content)",
                                  in.label, batch_sizes[i], readings[i].rows(),
                                  batch_sizes[readings.size() - 1], largest.rows());
      }
      read += fmt::format("{}{} ({})", read.empty() ? "" : "; ", in.label, row_summary(largest));
    }
    if (!problems.empty())
      return check_result::failed("batches break the requested size" + problems);
    return check_result::passed(
        fmt::format("batches of 1, 3 and 1024 rows, the same rows each time: {}", read));
  }

  check_result strings() const {
    std::string problems;
    uint64_t count = 0; // the loader has checked the info strings already
    for (const auto &in : opened_or_tried_inputs()) {
      auto r = read_with_importer(*plugin_, in.path);
      count += r.strings;
      if (r.broken.any(importer_rule::utf8))
        problems += fmt::format("\n{}: {}", in.label, r.broken.list(importer_rule::utf8));
    }
    if (!problems.empty())
      return check_result::failed("strings that are not valid UTF-8" + problems);
    return check_result::passed(fmt::format(
        "{} strings: columns, values, reasons, raw rows, error messages and log lines", count));
  }

  check_result errors() const {
    std::string problems;
    size_t refused = 0;
    for (const auto &in : opened_or_tried_inputs()) {
      auto r = read_with_importer(*plugin_, in.path);
      if (!r.opened) ++refused;
      if (r.broken.any(importer_rule::errors))
        problems += fmt::format("\n{}: {}", in.label, r.broken.list(importer_rule::errors));
    }
    std::string injected = read_error_outcome(problems);
    if (!problems.empty())
      return check_result::failed("errors without a proper message" + problems);
    return check_result::passed(fmt::format("open refused {} of {} inputs with a message; {}",
                                            refused, opened_or_tried_inputs().size(), injected));
  }

  check_result early_close() const {
    auto best = best_input();
    if (!best) return no_readable_input();
    const auto &in = *best;
    // Each returns normally unless the plugin crashes; the runner reports a crash.
    read_with_importer(*plugin_, in.path, {.max_batches = 0, .describe = false});
    read_with_importer(*plugin_, in.path, {.max_batches = 0, .describe = true});
    read_with_importer(*plugin_, in.path, {.batch_size = 1, .max_batches = 1});
    return check_result::passed(fmt::format(
        "{}: closed right after open, after describe, and after a first batch of 1 row", in.label));
  }

  check_result records() const {
    auto inputs = readable_inputs();
    if (inputs.empty()) return no_readable_input();
    std::string problems, read;
    for (const auto &in : inputs) {
      auto r = read_with_importer(*plugin_, in.path);
      if (r.broken.any(importer_rule::records))
        problems += fmt::format("\n{}: {}", in.label, r.broken.list(importer_rule::records));
      read += fmt::format("{}{} ({})", read.empty() ? "" : "; ", in.label, row_summary(r));
    }
    if (!problems.empty()) return check_result::failed("malformed rows" + problems);
    return check_result::passed(
        "lines within the input, known roles and kinds, a reason for every reject and skip: " +
        read);
  }

  check_result sample_rows() const {
    if (!inputs_.sample) return check_result::skipped("no --sample given");
    const auto &sample = *inputs_.sample;
    auto direct = read_with_importer(*plugin_, sample);
    if (!direct.opened || direct.failed)
      return check_result::failed(
          fmt::format("cannot read {}: {}", sample.string(), quoted_excerpt(direct.error, 200)));
    if (direct.rows() == 0)
      return check_result::failed(fmt::format("{} gives no rows", sample.filename().string()));

    // Imported twice, as `rebuy import --as ID` does, into a scratch database: the host
    // must count exactly the rows the importer produces, and the second time store nothing
    // new (an importer whose output changes from run to run duplicates responses).
    auto db = open_store(inputs_.scratch / "sample.db");
    import_request request;
    request.file = sample;
    request.importer = plugin_->id();
    row_counts first, second;
    try {
      first = import_file(registry_, *db, request).run.counts;
      second = import_file(registry_, *db, request).run.counts;
    } catch (const std::exception &e) {
      return check_result::failed(fmt::format("`rebuy import` of the sample fails: {}", e.what()));
    }
    auto equation = fmt::format("{} rows in = {} stored + {} rejected + {} skipped",
                                first.rows_in(), first.stored(), first.rejected, first.skipped);
    if (first.rows_in() != direct.rows())
      return check_result::failed(fmt::format("{}: {}, but the importer produced {} rows ({})",
                                              sample.filename().string(), equation, direct.rows(),
                                              row_summary(direct)));
    if (second.added != 0 || second.rows_in() != first.rows_in())
      return check_result::failed(fmt::format(
          "{}: {}; imported again, {} rows in and {} new responses: its output changes from "
          "run to run, so every import duplicates responses",
          sample.filename().string(), equation, second.rows_in(), second.added));
    return check_result::passed(
        fmt::format("{}: {}; imported again: nothing new", sample.filename().string(), equation));
  }

private:
  int probe(const std::string &head, const std::string &file_name) const {
    return plugin_->importer_api()->probe(to_str(head), to_str(file_name));
  }

  // The sample first, then every unrelated input.
  std::vector<input_file> opened_or_tried_inputs() const {
    std::vector<input_file> out;
    if (inputs_.sample) out.push_back({inputs_.sample->filename().string(), *inputs_.sample});
    for (const auto &u : inputs_.unrelated)
      out.push_back({u.input.label, u.path});
    return out;
  }

  // Those the importer opens; it may open unrelated input (when forced with --as).
  std::vector<input_file> readable_inputs() const {
    std::vector<input_file> out;
    for (auto &in : opened_or_tried_inputs())
      if (read_with_importer(*plugin_, in.path, {.max_batches = 0, .describe = false}).opened)
        out.push_back(std::move(in));
    return out;
  }

  static check_result no_readable_input() {
    return check_result::skipped("it opens none of the inputs: give --sample FILE");
  }

  // The sample when the importer opens it, else the longest input it opens.
  std::optional<input_file> best_input() const {
    auto inputs = readable_inputs();
    if (inputs.empty()) return std::nullopt;
    if (inputs_.sample && inputs.front().path == *inputs_.sample) return inputs.front();
    return *std::max_element(inputs.begin(), inputs.end(), [&](const auto &a, const auto &b) {
      return decoded_size(a.path, raw_) < decoded_size(b.path, raw_);
    });
  }

  // Makes the best input fail half-way; the importer must fail with a message.
  std::string read_error_outcome(std::string &problems) const {
    if (auto in = best_input()) {
      uint64_t size = decoded_size(in->path, raw_);
      if (size < 2) return "no input it opens is long enough to fail half-way";
      uint64_t fail_after = size / 2;
      auto r = read_with_importer(*plugin_, in->path, {.fail_after_bytes = fail_after});
      if (r.ended) {
        problems += fmt::format("\n{}: the input failed after {} of {} bytes, yet the importer "
                                "ended normally with {} rows: the rest would be lost silently",
                                in->label, fail_after, size, r.rows());
        return {};
      }
      if (r.broken.any(importer_rule::errors))
        problems += fmt::format("\n{} with a read error after {} bytes: {}", in->label, fail_after,
                                r.broken.list(importer_rule::errors));
      return fmt::format("a read error after {} of {} bytes of {} fails with {}", fail_after, size,
                         in->label, quoted_excerpt(r.error, 80));
    }
    return "it opens no input, so no read error was tried";
  }

  plugin_ptr plugin_;
  const plugin_registry &registry_;
  const check_inputs &inputs_;
  bool raw_;
};

} // namespace

std::vector<named_check> importer_checks(const plugin_ptr &importer,
                                         const plugin_registry &registry,
                                         const check_inputs &inputs) {
  auto c = std::make_shared<importer_checker>(importer, registry, inputs);
  return {
      {"probe on unrelated input", [c] { return c->probe_unrelated(); }},
      {"probe claims the sample", [c] { return c->probe_sample(); }},
      {"batches respect the size", [c] { return c->batches(); }},
      {"strings are valid UTF-8", [c] { return c->strings(); }},
      {"errors carry messages", [c] { return c->errors(); }},
      {"closing early is safe", [c] { return c->early_close(); }},
      {"rows are well-formed", [c] { return c->records(); }},
      {"rows in = stored + rejected + skipped", [c] { return c->sample_rows(); }},
  };
}

} // namespace rebuy::core
