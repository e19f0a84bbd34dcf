// rebuy plugin SDK: the header-only C++17 layer over plugin_abi.h.
//
// Write an ordinary C++ class, then one macro generates the C entry point:
//
//   class my_importer : public rebuy::importer { ... };
//   REBUY_IMPORTER_PLUGIN(my_importer, "myformat", "My format", "1.0.0",
//                         "Reads My Format exports");
//
// Exceptions thrown by plugin code never cross the boundary: the generated
// trampolines catch them and report their message through the error sink.
#ifndef REBUY_PLUGIN_HPP
#define REBUY_PLUGIN_HPP

#include <rebuy/plugin_abi.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <exception>
#include <iterator>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rebuy {

inline rebuy_str to_str(std::string_view s) noexcept { return {s.data(), s.size()}; }
inline std::string_view to_view(rebuy_str s) noexcept {
  return s.size ? std::string_view(s.data, s.size) : std::string_view();
}
// A field's column name, or `fallback` when the source has none.
inline std::string_view field_name_or(const rebuy_field &field,
                                      std::string_view fallback) noexcept {
  const std::string_view name = to_view(field.name);
  return name.empty() ? fallback : name;
}
// The first field of a response with this role, or nullptr: for analyzers that
// need the field's name as well as its value (response_view::field gives the value).
inline const rebuy_field *find_field(const rebuy_response &response, rebuy_role role) noexcept {
  for (size_t i = 0; i < response.field_count; ++i)
    if (response.fields[i].role == role) return &response.fields[i];
  return nullptr;
}

// Thrown by plugin code to fail a call with a message for the user.
class error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Thrown when the host asked to cancel; the call returns REBUY_CANCELLED.
class cancelled : public std::exception {
public:
  const char *what() const noexcept override { return "cancelled"; }
};

// The host's services.
class host {
public:
  explicit host(const rebuy_host *h) noexcept : h_(h) {}
  void log(rebuy_log_level level, std::string_view message) const noexcept {
    if (h_ && h_->log) h_->log(h_->context, level, to_str(message));
  }
  void debug(std::string_view m) const noexcept { log(REBUY_LOG_DEBUG, m); }
  void info(std::string_view m) const noexcept { log(REBUY_LOG_INFO, m); }
  void warn(std::string_view m) const noexcept { log(REBUY_LOG_WARN, m); }
  void progress(uint64_t done, uint64_t total) const noexcept {
    if (h_ && h_->progress) h_->progress(h_->context, done, total);
  }
  bool cancelled() const noexcept { return h_ && h_->cancelled && h_->cancelled(h_->context) != 0; }
  // Throws rebuy::cancelled when the host asked to stop.
  void check_cancelled() const {
    if (cancelled()) throw rebuy::cancelled();
  }

private:
  const rebuy_host *h_;
};

// Options given by the user, e.g. --map nps=Column arrives as {"map", "nps=Column"}.
class options {
public:
  options(const rebuy_option *o, size_t n) {
    for (size_t i = 0; i < n; ++i)
      items_.emplace_back(std::string(to_view(o[i].key)), std::string(to_view(o[i].value)));
  }
  // The last value given for key, if any.
  std::optional<std::string_view> get(std::string_view key) const {
    for (auto it = items_.rbegin(); it != items_.rend(); ++it)
      if (it->first == key) return std::string_view(it->second);
    return std::nullopt;
  }
  std::vector<std::string_view> all(std::string_view key) const {
    std::vector<std::string_view> out;
    for (const auto &kv : items_)
      if (kv.first == key) out.emplace_back(kv.second);
    return out;
  }
  const std::vector<std::pair<std::string, std::string>> &items() const noexcept { return items_; }

private:
  std::vector<std::pair<std::string, std::string>> items_;
};

// The decoded input text of an importer.
class input {
public:
  explicit input(const rebuy_input *in) noexcept : in_(in) {}
  std::string_view name() const noexcept { return to_view(in_->name); }
  uint64_t size_hint() const noexcept { return in_->size_hint; }
  // Reads up to `capacity` bytes; 0 at the end. Throws rebuy::error on failure.
  size_t read(char *buffer, size_t capacity) const {
    int64_t n = in_->read(in_->context, buffer, capacity);
    if (n < 0) throw error("read error");
    return static_cast<size_t>(n);
  }
  // How much to read at a time, at most `chunk_bytes`: no more than the input holds when its size
  // is known, so that a small file does not cost a large buffer filled with zeros.
  size_t chunk_size(size_t chunk_bytes) const noexcept {
    chunk_bytes = std::max<size_t>(chunk_bytes, 1);
    uint64_t hint = size_hint();
    if (hint == 0 || hint >= chunk_bytes) return chunk_bytes;
    return static_cast<size_t>(std::min<uint64_t>(chunk_bytes, std::max<uint64_t>(hint + 1, 4096)));
  }

private:
  const rebuy_input *in_;
};

// Role names as the CLI and the store spell them.
inline const char *role_name(rebuy_role role) noexcept {
  static const char *const names[] = {
      "attribute",   "id",          "customer",  "submitted_at", "nps",           "buy_again",
      "rating",      "rating_max",  "recommend", "csat",         "ces",           "ces_version",
      "title",       "text",        "product",   "segment",      "journey_stage", "order_id",
      "order_value", "order_count", "country",   "language",     "channel"};
  static_assert(sizeof(names) / sizeof(names[0]) == REBUY_ROLE_COUNT_V1_0, "role names");
  return role >= 0 && role < REBUY_ROLE_COUNT_V1_0 ? names[role] : "attribute";
}

// The role spelled `name`, or nullopt.
inline std::optional<rebuy_role> role_from_name(std::string_view name) noexcept {
  for (rebuy_role r = 0; r < REBUY_ROLE_COUNT_V1_0; ++r)
    if (name == role_name(r)) return r;
  return std::nullopt;
}

namespace detail {
// Strings are appended to one buffer and addressed by offset until finish()
// turns offsets into views, so growing the buffer never invalidates anything.
struct span_ref {
  size_t offset = 0, size = 0;
};
class arena {
public:
  span_ref add(std::string_view s) {
    span_ref r{buf_.size(), s.size()};
    buf_.append(s.data(), s.size());
    return r;
  }
  rebuy_str view(span_ref r) const noexcept { return {buf_.data() + r.offset, r.size}; }
  void clear() noexcept { buf_.clear(); }

private:
  std::string buf_;
};
} // namespace detail

// Collects one batch of an importer's output. Values are copied.
class batch_builder {
public:
  void begin_record(uint64_t line, rebuy_record_kind kind) {
    records_.push_back({line, kind, fields_.size(), 0});
  }
  // Adds a field to the record begun last.
  void field(rebuy_role role, std::string_view name, std::string_view value) {
    fields_.push_back({role, arena_.add(name), arena_.add(value)});
    ++records_.back().field_count;
  }
  // Drops the record begun last (e.g. when it turns out to be a reject).
  void cancel_record() {
    fields_.resize(records_.back().first_field);
    records_.pop_back();
  }
  void reject(uint64_t line, std::string_view reason, std::string_view raw = {}) {
    rejects_.push_back({line, arena_.add(reason), arena_.add(raw.substr(0, max_raw))});
  }
  void skip(uint64_t line, std::string_view reason, std::string_view raw = {}) {
    skips_.push_back({line, arena_.add(reason), arena_.add(raw.substr(0, max_raw))});
  }
  size_t record_count() const noexcept { return records_.size(); }
  size_t row_count() const noexcept { return records_.size() + rejects_.size() + skips_.size(); }
  bool empty() const noexcept { return row_count() == 0; }

  void clear() {
    arena_.clear();
    records_.clear();
    fields_.clear();
    rejects_.clear();
    skips_.clear();
  }

  // Fills `out` with views that stay valid until the next clear().
  void finish(rebuy_batch *out) {
    out_fields_.resize(fields_.size());
    for (size_t i = 0; i < fields_.size(); ++i)
      out_fields_[i] = {fields_[i].role, arena_.view(fields_[i].name),
                        arena_.view(fields_[i].value)};
    out_records_.resize(records_.size());
    for (size_t i = 0; i < records_.size(); ++i)
      out_records_[i] = {records_[i].line, records_[i].kind,
                         out_fields_.data() + records_[i].first_field, records_[i].field_count};
    finish_issues(rejects_, out_rejects_);
    finish_issues(skips_, out_skips_);
    rebuy_batch b{};
    b.struct_size = out->struct_size < sizeof(rebuy_batch) ? out->struct_size : sizeof(rebuy_batch);
    b.records = out_records_.data();
    b.record_count = out_records_.size();
    b.rejects = out_rejects_.data();
    b.reject_count = out_rejects_.size();
    b.skips = out_skips_.data();
    b.skip_count = out_skips_.size();
    std::memcpy(out, &b, b.struct_size); // write only what the host knows
  }

  static constexpr size_t max_raw = 4096; // raw row text kept with a reject

private:
  struct record_ref {
    uint64_t line;
    rebuy_record_kind kind;
    size_t first_field, field_count;
  };
  struct field_ref {
    rebuy_role role;
    detail::span_ref name, value;
  };
  struct issue_ref {
    uint64_t line;
    detail::span_ref reason, raw;
  };
  void finish_issues(const std::vector<issue_ref> &in, std::vector<rebuy_row_issue> &out) const {
    out.resize(in.size());
    for (size_t i = 0; i < in.size(); ++i)
      out[i] = {in[i].line, arena_.view(in[i].reason), arena_.view(in[i].raw)};
  }

  detail::arena arena_;
  std::vector<record_ref> records_;
  std::vector<field_ref> fields_;
  std::vector<issue_ref> rejects_, skips_;
  std::vector<rebuy_field> out_fields_;
  std::vector<rebuy_record> out_records_;
  std::vector<rebuy_row_issue> out_rejects_, out_skips_;
};

// What an importer can say of a column beyond its role (rebuy_column_note).
struct column_note {
  std::string scale;      // "1-10", "0-10", "1-5 in half steps"
  std::string reason;     // why the column has its role; for an attribute, what it looks like
  std::string missing;    // missing-value markers seen so far: "\"NA\" x12"
  std::string suggestion; // for an attribute, the --map that would map it
};

// How the source maps to roles; shown by `rebuy import --dry-run` and the
// import summary.
struct source_description {
  std::string source; // suggested source name; empty: the file name
  rebuy_record_kind kind = REBUY_RECORD_SURVEY;
  std::vector<std::pair<std::string, rebuy_role>> columns;
  std::vector<column_note> notes{}; // empty, or one per column
  std::string note{};               // about the whole source; may be empty
};

// Base of every importer. The derived class also provides
//   static int probe(std::string_view head, std::string_view file_name) noexcept;
// and a constructor (const rebuy::host&, const rebuy::input&, const rebuy::options&)
// that throws rebuy::error when the input cannot be opened.
class importer {
public:
  virtual ~importer() = default;
  virtual source_description describe() const = 0;
  // Adds up to max_rows rows (records, rejects and skips together) to `out`;
  // returns false once the input is exhausted.
  virtual bool read_batch(batch_builder &out, size_t max_rows) = 0;
};

// Read-only view of a response given to an analyzer.
class response_view {
public:
  explicit response_view(const rebuy_response &r) noexcept : r_(&r) {}
  int64_t id() const noexcept { return r_->id; }
  rebuy_record_kind kind() const noexcept { return r_->kind; }
  // The first field with this role.
  std::optional<std::string_view> field(rebuy_role role) const noexcept {
    for (size_t i = 0; i < r_->field_count; ++i)
      if (r_->fields[i].role == role) return to_view(r_->fields[i].value);
    return std::nullopt;
  }
  const rebuy_field *fields_begin() const noexcept { return r_->fields; }
  const rebuy_field *fields_end() const noexcept { return r_->fields + r_->field_count; }
  const rebuy_text *texts_begin() const noexcept { return r_->texts; }
  const rebuy_text *texts_end() const noexcept { return r_->texts + r_->text_count; }

private:
  const rebuy_response *r_;
};

// Collects an analyzer's scores for one batch. Labels and evidence are copied.
class score_builder {
public:
  void add(size_t response_index, uint32_t metric, double value, std::string_view label = {},
           std::string_view evidence = {}) {
    scores_.push_back({response_index, metric, value, arena_.add(label), arena_.add(evidence)});
  }
  void add_label(size_t response_index, uint32_t metric, std::string_view label,
                 std::string_view evidence = {}) {
    add(response_index, metric, std::nan(""), label, evidence);
  }
  void clear() {
    arena_.clear();
    scores_.clear();
  }
  size_t size() const noexcept { return scores_.size(); }
  void finish(rebuy_scores *out) {
    out_.resize(scores_.size());
    for (size_t i = 0; i < scores_.size(); ++i)
      out_[i] = {scores_[i].response_index, scores_[i].metric, scores_[i].value,
                 arena_.view(scores_[i].label), arena_.view(scores_[i].evidence)};
    rebuy_scores s{};
    s.struct_size =
        out->struct_size < sizeof(rebuy_scores) ? out->struct_size : sizeof(rebuy_scores);
    s.scores = out_.data();
    s.score_count = out_.size();
    std::memcpy(out, &s, s.struct_size);
  }

private:
  struct score_ref {
    size_t response_index;
    uint32_t metric;
    double value;
    detail::span_ref label, evidence;
  };
  detail::arena arena_;
  std::vector<score_ref> scores_;
  std::vector<rebuy_score> out_;
};

// A metric an analyzer declares, in a static array named `metrics`.
struct metric_def {
  const char *name;
  const char *description;
  rebuy_metric_type type;
};

// Base of every analyzer. The derived class also provides
//   static constexpr rebuy::metric_def metrics[] = {...};
// and a constructor (const rebuy::host&, const rebuy::options&).
class analyzer {
public:
  virtual ~analyzer() = default;
  virtual void analyze(const rebuy_response *responses, size_t count, score_builder &out) = 0;
};

namespace detail {

inline rebuy_str lit(const char *s) noexcept { return {s, s ? std::strlen(s) : 0}; }

// Runs f, turning exceptions into a status and a message.
template <class F> rebuy_status guarded(rebuy_error_sink *errors, F &&f) noexcept {
  const char *message = nullptr;
  std::string owned;
  try {
    return f();
  } catch (const cancelled &) {
    return REBUY_CANCELLED;
  } catch (const std::exception &e) {
    try {
      owned = e.what();
      message = owned.c_str();
    } catch (...) {
      message = "out of memory";
    }
  } catch (...) {
    message = "unknown exception";
  }
  if (errors && errors->set) errors->set(errors->context, lit(message));
  return REBUY_ERROR;
}

template <class T> struct importer_box {
  host host_;
  std::unique_ptr<T> impl;
  batch_builder batch;
  source_description description;
  std::vector<rebuy_column> columns;
  std::vector<rebuy_column_note> notes;
  bool ended = false;
};

template <class T> struct importer_trampolines {
  using box = importer_box<T>;
  static int32_t probe(rebuy_str head, rebuy_str file_name) noexcept {
    try {
      int c = T::probe(to_view(head), to_view(file_name));
      return c < 0 ? 0 : c > 100 ? 100 : c;
    } catch (...) {
      return 0;
    }
  }
  static rebuy_status open(const rebuy_host *h, const rebuy_input *in, const rebuy_option *o,
                           size_t n, rebuy_importer **out, rebuy_error_sink *errors) noexcept {
    return guarded(errors, [&] {
      auto b = std::make_unique<box>(box{host(h), nullptr, {}, {}, {}, {}, false});
      b->impl = std::make_unique<T>(b->host_, input(in), options(o, n));
      *out = reinterpret_cast<rebuy_importer *>(b.release());
      return REBUY_OK;
    });
  }
  static rebuy_status describe(rebuy_importer *p, rebuy_source_info *out,
                               rebuy_error_sink *errors) noexcept {
    return guarded(errors, [&] {
      auto *b = reinterpret_cast<box *>(p);
      b->description = b->impl->describe();
      const source_description &d = b->description;
      b->columns.clear();
      for (const auto &c : d.columns)
        b->columns.push_back({to_str(c.first), c.second});
      b->notes.clear();
      if (d.notes.size() == d.columns.size())
        for (const column_note &n : d.notes)
          b->notes.push_back(
              {to_str(n.scale), to_str(n.reason), to_str(n.missing), to_str(n.suggestion)});
      rebuy_source_info s{};
      s.struct_size = out->struct_size < sizeof(s) ? out->struct_size : sizeof(s);
      s.source = to_str(d.source);
      s.kind = d.kind;
      s.columns = b->columns.data();
      s.column_count = b->columns.size();
      s.column_notes = b->notes.empty() ? nullptr : b->notes.data();
      s.note = to_str(d.note);
      std::memcpy(out, &s, s.struct_size);
      return REBUY_OK;
    });
  }
  static rebuy_status read_batch(rebuy_importer *p, size_t max_rows, rebuy_batch *out,
                                 rebuy_error_sink *errors) noexcept {
    return guarded(errors, [&] {
      auto *b = reinterpret_cast<box *>(p);
      b->batch.clear();
      if (!b->ended) b->ended = !b->impl->read_batch(b->batch, max_rows ? max_rows : 1);
      b->batch.finish(out);
      return b->batch.empty() && b->ended ? REBUY_END : REBUY_OK;
    });
  }
  static void close(rebuy_importer *p) noexcept { delete reinterpret_cast<box *>(p); }
};

template <class T> struct analyzer_box {
  std::unique_ptr<T> impl;
  score_builder scores;
};

template <class T> struct analyzer_trampolines {
  using box = analyzer_box<T>;
  static rebuy_status create(const rebuy_host *h, const rebuy_option *o, size_t n,
                             rebuy_analyzer **out, rebuy_error_sink *errors) noexcept {
    return guarded(errors, [&] {
      auto b = std::make_unique<box>();
      b->impl = std::make_unique<T>(host(h), options(o, n));
      *out = reinterpret_cast<rebuy_analyzer *>(b.release());
      return REBUY_OK;
    });
  }
  static rebuy_status analyze_batch(rebuy_analyzer *p, const rebuy_response *r, size_t n,
                                    rebuy_scores *out, rebuy_error_sink *errors) noexcept {
    return guarded(errors, [&] {
      auto *b = reinterpret_cast<box *>(p);
      b->scores.clear();
      b->impl->analyze(r, n, b->scores);
      b->scores.finish(out);
      return REBUY_OK;
    });
  }
  static void destroy(rebuy_analyzer *p) noexcept { delete reinterpret_cast<box *>(p); }
  static const rebuy_metric *metrics() noexcept {
    static const auto table = [] {
      std::vector<rebuy_metric> m;
      for (const auto &d : T::metrics)
        m.push_back({lit(d.name), lit(d.description), d.type});
      return m;
    }();
    return table.data();
  }
};

} // namespace detail
} // namespace rebuy

static_assert(REBUY_PLUGIN_MIN_ABI_MINOR <= REBUY_ABI_MINOR,
              "REBUY_PLUGIN_MIN_ABI_MINOR names a minor newer than this SDK's");

#define REBUY_DETAIL_INFO(KIND, ID, NAME, VERSION, DESCRIPTION, CAPS, IMPORTER, ANALYZER)          \
  static const rebuy_plugin_info info = {sizeof(rebuy_plugin_info),                                \
                                         REBUY_ABI_MAJOR,                                          \
                                         REBUY_PLUGIN_MIN_ABI_MINOR,                               \
                                         KIND,                                                     \
                                         ::rebuy::detail::lit(ID),                                 \
                                         ::rebuy::detail::lit(NAME),                               \
                                         ::rebuy::detail::lit(VERSION),                            \
                                         ::rebuy::detail::lit(DESCRIPTION),                        \
                                         CAPS,                                                     \
                                         IMPORTER,                                                 \
                                         ANALYZER};                                                \
  return &info

// Declares CLASS (derived from rebuy::importer) as this library's plugin.
#define REBUY_IMPORTER_PLUGIN_CAPS(CLASS, ID, NAME, VERSION, DESCRIPTION, CAPS)                    \
  REBUY_MARKER();                                                                                  \
  extern "C" REBUY_EXPORT const rebuy_plugin_info *rebuy_plugin_entry_v1(void) {                   \
    using tramp = ::rebuy::detail::importer_trampolines<CLASS>;                                    \
    static const rebuy_importer_api api = {                                                        \
        sizeof(rebuy_importer_api), tramp::probe, tramp::open, tramp::describe,                    \
        tramp::read_batch,          tramp::close};                                                 \
    REBUY_DETAIL_INFO(REBUY_KIND_IMPORTER, ID, NAME, VERSION, DESCRIPTION, CAPS, &api, nullptr);   \
  }
#define REBUY_IMPORTER_PLUGIN(CLASS, ID, NAME, VERSION, DESCRIPTION)                               \
  REBUY_IMPORTER_PLUGIN_CAPS(CLASS, ID, NAME, VERSION, DESCRIPTION, 0)

// Declares CLASS (derived from rebuy::analyzer) as this library's plugin.
#define REBUY_ANALYZER_PLUGIN_CAPS(CLASS, ID, NAME, VERSION, DESCRIPTION, CAPS)                    \
  REBUY_MARKER();                                                                                  \
  extern "C" REBUY_EXPORT const rebuy_plugin_info *rebuy_plugin_entry_v1(void) {                   \
    using tramp = ::rebuy::detail::analyzer_trampolines<CLASS>;                                    \
    static const rebuy_analyzer_api api = {sizeof(rebuy_analyzer_api), tramp::metrics(),           \
                                           std::size(CLASS::metrics),  tramp::create,              \
                                           tramp::analyze_batch,       tramp::destroy};            \
    REBUY_DETAIL_INFO(REBUY_KIND_ANALYZER, ID, NAME, VERSION, DESCRIPTION, CAPS, nullptr, &api);   \
  }
#define REBUY_ANALYZER_PLUGIN(CLASS, ID, NAME, VERSION, DESCRIPTION)                               \
  REBUY_ANALYZER_PLUGIN_CAPS(CLASS, ID, NAME, VERSION, DESCRIPTION, 0)

#endif // REBUY_PLUGIN_HPP
