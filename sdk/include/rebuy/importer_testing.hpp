// rebuy plugin SDK: drives an importer through its C ABI in tests, the way
// the host does, and copies everything it returns so a test can inspect it
// afterwards. Link the plugin's sources into the test program; any test
// framework will do:
//
//   auto r = rebuy::testing::run("{\"a\":1}\n", {}, {1, 7}); // read() gives 1, then 7 bytes
//   CHECK(r.records.size() == 1);
#ifndef REBUY_IMPORTER_TESTING_HPP
#define REBUY_IMPORTER_TESTING_HPP

#include <rebuy/plugin.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Defined by REBUY_IMPORTER_PLUGIN in the plugin linked into the test.
extern "C" const rebuy_plugin_info *rebuy_plugin_entry_v1(void);

namespace rebuy::testing {

// The importer of the plugin linked into the test program.
inline const rebuy_importer_api *linked_importer() { return ::rebuy_plugin_entry_v1()->importer; }

// A rebuy_input over a string that hands out read() chunks of the sizes in
// `pattern`, cycling, so parsing meets every buffer boundary. An empty
// pattern returns as much as asked for.
class chunked_input {
public:
  explicit chunked_input(std::string text, std::vector<size_t> pattern = {},
                         std::string name = "test")
      : text_(std::move(text)), name_(std::move(name)), pattern_(std::move(pattern)) {
    in_.struct_size = sizeof(rebuy_input);
    in_.context = this;
    in_.name = to_str(name_);
    in_.size_hint = text_.size();
    in_.read = &chunked_input::read;
  }
  // in_.context points at this object, so it must stay where it is.
  chunked_input(const chunked_input &) = delete;
  chunked_input &operator=(const chunked_input &) = delete;
  const rebuy_input *get() const { return &in_; }

private:
  static int64_t read(void *context, char *buffer, size_t capacity) {
    auto *self = static_cast<chunked_input *>(context);
    size_t n = std::min(capacity, self->text_.size() - self->pos_);
    if (!self->pattern_.empty())
      n = std::min(n, self->pattern_[self->next_++ % self->pattern_.size()]);
    std::memcpy(buffer, self->text_.data() + self->pos_, n);
    self->pos_ += n;
    return static_cast<int64_t>(n);
  }

  std::string text_, name_;
  std::vector<size_t> pattern_;
  size_t pos_ = 0, next_ = 0;
  rebuy_input in_{};
};

struct field {
  rebuy_role role;
  std::string name, value;
};

struct record {
  uint64_t line;
  rebuy_record_kind kind;
  std::vector<field> fields;

  // The value of the field named `name`, if the record has one.
  std::optional<std::string> get(std::string_view name) const {
    for (const auto &f : fields)
      if (f.name == name) return f.value;
    return std::nullopt;
  }
  // The value of the first field with role `r`, if any.
  std::optional<std::string> role(rebuy_role r) const {
    for (const auto &f : fields)
      if (f.role == r) return f.value;
    return std::nullopt;
  }
};

struct issue {
  uint64_t line;
  std::string reason, raw;
};

struct result {
  rebuy_status status = REBUY_ERROR; // of open, or of the read_batch that failed
  std::string error;
  std::string source;
  rebuy_record_kind kind = 0;
  std::vector<std::pair<std::string, rebuy_role>> columns; // describe() after the last batch
  std::vector<record> records;
  std::vector<issue> rejects, skips;
  std::vector<std::pair<rebuy_log_level, std::string>> log;
  size_t batches = 0; // read_batch calls that returned REBUY_OK

  size_t rows() const { return records.size() + rejects.size() + skips.size(); }
  // The role describe() gave the column, or -1 when there is no such column.
  rebuy_role role_of(std::string_view column) const {
    for (const auto &c : columns)
      if (c.first == column) return c.second;
    return -1;
  }
  bool logged(std::string_view text) const {
    return std::any_of(log.begin(), log.end(),
                       [&](const auto &l) { return l.second.find(text) != std::string::npos; });
  }
};

using option_list = std::vector<std::pair<std::string, std::string>>;

namespace detail {
inline void set_error(void *context, rebuy_str message) {
  static_cast<std::string *>(context)->assign(message.data, message.size);
}
inline void log(void *context, rebuy_log_level level, rebuy_str message) {
  static_cast<result *>(context)->log.emplace_back(level, std::string(to_view(message)));
}
inline void copy_issues(const rebuy_row_issue *in, size_t n, std::vector<issue> &out) {
  for (size_t i = 0; i < n; ++i)
    out.push_back(
        {in[i].line, std::string(to_view(in[i].reason)), std::string(to_view(in[i].raw))});
}
} // namespace detail

// Opens the input, reads it to the end in batches of batch_rows, describes
// the columns, and closes.
inline result run(const rebuy_input *input, const option_list &options = {},
                  size_t batch_rows = 1024, const rebuy_importer_api *api = linked_importer()) {
  result r;
  rebuy_error_sink sink{&r.error, &detail::set_error};
  std::vector<rebuy_option> opts;
  for (const auto &[k, v] : options)
    opts.push_back({to_str(k), to_str(v)});
  rebuy_host host{};
  host.struct_size = sizeof(host);
  host.context = &r;
  host.log = &detail::log;
  rebuy_importer *imp = nullptr;
  r.status = api->open(&host, input, opts.data(), opts.size(), &imp, &sink);
  if (r.status != REBUY_OK) return r;
  for (;;) {
    rebuy_batch b{};
    b.struct_size = sizeof(b);
    rebuy_status s = api->read_batch(imp, batch_rows, &b, &sink);
    if (s == REBUY_END) break;
    if (s != REBUY_OK) {
      r.status = s;
      break;
    }
    ++r.batches;
    for (size_t i = 0; i < b.record_count; ++i) {
      record rec{b.records[i].line, b.records[i].kind, {}};
      for (size_t f = 0; f < b.records[i].field_count; ++f) {
        const rebuy_field &fld = b.records[i].fields[f];
        rec.fields.push_back(
            {fld.role, std::string(to_view(fld.name)), std::string(to_view(fld.value))});
      }
      r.records.push_back(std::move(rec));
    }
    detail::copy_issues(b.rejects, b.reject_count, r.rejects);
    detail::copy_issues(b.skips, b.skip_count, r.skips);
  }
  rebuy_source_info info{};
  info.struct_size = sizeof(info);
  if (api->describe(imp, &info, &sink) == REBUY_OK) {
    r.source = std::string(to_view(info.source));
    r.kind = info.kind;
    for (size_t i = 0; i < info.column_count; ++i)
      r.columns.emplace_back(std::string(to_view(info.columns[i].name)), info.columns[i].role);
  }
  api->close(imp);
  return r;
}

inline result run(std::string text, const option_list &options = {},
                  std::vector<size_t> pattern = {}, size_t batch_rows = 1024) {
  chunked_input in(std::move(text), std::move(pattern));
  return run(in.get(), options, batch_rows);
}

inline int probe(std::string_view head, std::string_view file_name = "test",
                 const rebuy_importer_api *api = linked_importer()) {
  return api->probe(to_str(head), to_str(file_name));
}

// The whole file, or "" when it cannot be read.
inline std::string read_file(const std::string &path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// read() size patterns worth trying: whole, byte by byte, odd sizes, mixed.
inline std::vector<std::vector<size_t>> chunk_patterns() {
  return {{}, {1}, {2}, {3}, {7}, {1, 2, 3, 4, 5, 6, 7}, {5, 1, 7, 2}};
}

} // namespace rebuy::testing

#endif // REBUY_IMPORTER_TESTING_HPP
