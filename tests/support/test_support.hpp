// Drives the csv importer through its C ABI, the way the host does, and
// copies everything it returns so tests can inspect it afterwards.
#ifndef REBUY_CSV_TESTS_TEST_SUPPORT_HPP
#define REBUY_CSV_TESTS_TEST_SUPPORT_HPP

#include <rebuy/plugin.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

extern "C" const rebuy_plugin_info *rebuy_plugin_entry_v1(void);

namespace csv_test {

// A rebuy_input over a string that hands out read() chunks of the sizes in
// `pattern`, cycling, so parsing meets every buffer boundary. An empty
// pattern returns as much as asked for.
class chunked_input {
public:
  explicit chunked_input(std::string text, std::vector<size_t> pattern = {},
                         std::string name = "test.csv")
      : text_(std::move(text)), name_(std::move(name)), pattern_(std::move(pattern)) {
    in_.struct_size = sizeof(rebuy_input);
    in_.context = this;
    in_.name = rebuy::to_str(name_);
    in_.size_hint = text_.size();
    in_.read = &chunked_input::read;
  }
  chunked_input(const chunked_input &) = delete;
  chunked_input &operator=(const chunked_input &) = delete;
  const rebuy_input *get() const { return &in_; }

private:
  static int64_t read(void *context, char *buffer, size_t capacity) {
    auto *self = static_cast<chunked_input *>(context);
    size_t n = std::min(capacity, self->text_.size() - self->pos_);
    if (!self->pattern_.empty()) {
      n = std::min(n, self->pattern_[self->next_++ % self->pattern_.size()]);
    }
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
  rebuy_status open_status = REBUY_ERROR;
  std::string error;
  rebuy_record_kind kind = 0;
  std::vector<std::pair<std::string, rebuy_role>> columns;
  std::vector<record> records;
  std::vector<issue> rejects, skips;
  size_t batches = 0;

  size_t rows() const { return records.size() + rejects.size() + skips.size(); }
  // The role describe() gave the column, or -1 when there is no such column.
  rebuy_role role_of(std::string_view column) const {
    for (const auto &c : columns)
      if (c.first == column) return c.second;
    return -1;
  }
};

using option_list = std::vector<std::pair<std::string, std::string>>;

inline void set_error(void *context, rebuy_str message) {
  static_cast<std::string *>(context)->assign(message.data, message.size);
}

// Opens, describes and reads the whole input through the C ABI.
inline result run(const rebuy_input *input, const option_list &options = {},
                  size_t batch_rows = 1024) {
  const rebuy_importer_api *api = rebuy_plugin_entry_v1()->importer;
  result r;
  rebuy_error_sink sink{&r.error, &set_error};
  std::vector<rebuy_option> opts;
  for (const auto &[k, v] : options)
    opts.push_back({rebuy::to_str(k), rebuy::to_str(v)});
  rebuy_host host{};
  host.struct_size = sizeof(host);
  rebuy_importer *imp = nullptr;
  r.open_status = api->open(&host, input, opts.data(), opts.size(), &imp, &sink);
  if (r.open_status != REBUY_OK) return r;

  rebuy_source_info info{};
  info.struct_size = sizeof(info);
  if (api->describe(imp, &info, &sink) == REBUY_OK) {
    r.kind = info.kind;
    for (size_t i = 0; i < info.column_count; ++i)
      r.columns.emplace_back(std::string(rebuy::to_view(info.columns[i].name)),
                             info.columns[i].role);
  }
  for (;;) {
    rebuy_batch b{};
    b.struct_size = sizeof(b);
    rebuy_status s = api->read_batch(imp, batch_rows, &b, &sink);
    if (s == REBUY_END) break;
    if (s != REBUY_OK) {
      r.open_status = s;
      break;
    }
    ++r.batches;
    for (size_t i = 0; i < b.record_count; ++i) {
      record rec{b.records[i].line, b.records[i].kind, {}};
      for (size_t f = 0; f < b.records[i].field_count; ++f) {
        const rebuy_field &fld = b.records[i].fields[f];
        rec.fields.push_back({fld.role, std::string(rebuy::to_view(fld.name)),
                              std::string(rebuy::to_view(fld.value))});
      }
      r.records.push_back(std::move(rec));
    }
    for (size_t i = 0; i < b.reject_count; ++i)
      r.rejects.push_back({b.rejects[i].line, std::string(rebuy::to_view(b.rejects[i].reason)),
                           std::string(rebuy::to_view(b.rejects[i].raw))});
    for (size_t i = 0; i < b.skip_count; ++i)
      r.skips.push_back({b.skips[i].line, std::string(rebuy::to_view(b.skips[i].reason)),
                         std::string(rebuy::to_view(b.skips[i].raw))});
  }
  api->close(imp);
  return r;
}

inline result run(std::string text, const option_list &options = {},
                  std::vector<size_t> pattern = {}, size_t batch_rows = 1024) {
  chunked_input in(std::move(text), std::move(pattern));
  return run(in.get(), options, batch_rows);
}

// run() for an input that must open; reports the error otherwise.
inline result run_ok(std::string text, const option_list &options = {},
                     std::vector<size_t> pattern = {}) {
  auto r = run(std::move(text), options, std::move(pattern));
  INFO("error: ", r.error);
  REQUIRE(r.open_status == REBUY_OK);
  return r;
}

// `text` with every CRLF and LF line end written as `line_end`; with
// "mixed", alternately CRLF and LF.
inline std::string with_line_ends(const std::string &text, std::string_view line_end) {
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (text[i] != '\n') {
      out.push_back(text[i]);
      continue;
    }
    if (line_end == "mixed")
      out += n++ % 2 ? "\n" : "\r\n";
    else
      out += line_end;
  }
  return out;
}

inline std::string read_file(const std::string &path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// The first 64 KiB of every file in `real_dir` (../shared/data/real) outside
// its folder `own_real`, and of every plugin's tests/data/check_sample.* in
// `plugins_dir` but `own_plugin`'s: what a format-specific probe must give 0.
inline std::vector<std::pair<std::string, std::string>>
foreign_heads(const std::string &real_dir, const std::string &own_real,
              const std::string &plugins_dir, const std::string &own_plugin) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> heads;
  auto add = [&](const fs::path &file) {
    heads.emplace_back(file.string(), read_file(file.string()).substr(0, size_t{64} << 10));
  };
  for (const auto &entry : fs::recursive_directory_iterator(real_dir))
    if (entry.is_regular_file() && entry.path().extension() != ".md" &&
        entry.path().parent_path().filename() != own_real)
      add(entry.path());
  for (const auto &plugin : fs::directory_iterator(plugins_dir))
    if (plugin.path().filename() != own_plugin &&
        fs::is_directory(plugin.path() / "tests" / "data"))
      for (const auto &entry : fs::directory_iterator(plugin.path() / "tests" / "data"))
        if (entry.path().stem() == "check_sample") add(entry.path());
  std::sort(heads.begin(), heads.end());
  return heads;
}

// probe() of the plugin under test, on the first 64 KiB as the host gives it.
inline int probe(std::string_view head, std::string_view file_name = "export.csv") {
  head = head.substr(0, size_t{64} << 10);
  return rebuy_plugin_entry_v1()->importer->probe(rebuy::to_str(head), rebuy::to_str(file_name));
}

#if defined(REBUY_REAL_DATA_DIR) && defined(REBUY_PLUGINS_DIR)
// A file of ../shared/data/real ("qualtrics/qualtrics_sample.csv").
inline std::string real_file(const std::string &relative) {
  return read_file(std::string(REBUY_REAL_DATA_DIR) + "/" + relative);
}
// A file of a plugin's tests/data.
inline std::string test_file(const std::string &plugin, const std::string &file) {
  return read_file(std::string(REBUY_PLUGINS_DIR) + "/" + plugin + "/tests/data/" + file);
}
// A format-specific importer claims none of what foreign_heads() lists.
inline void check_claims_nothing_foreign(const std::string &own_real,
                                         const std::string &own_plugin) {
  auto heads = foreign_heads(REBUY_REAL_DATA_DIR, own_real, REBUY_PLUGINS_DIR, own_plugin);
  CHECK(heads.size() >= 10); // 6 real files at least, and the other plugins' samples
  for (const auto &[file, head] : heads) {
    INFO(file);
    CHECK(probe(head) == 0);
  }
}
#endif

// Every read() size pattern the boundary tests try.
inline std::vector<std::vector<size_t>> chunk_patterns() {
  return {{}, {1}, {2}, {3}, {7}, {1, 2, 3, 4, 5, 6, 7}, {5, 1, 7, 2}};
}

// `text` gives the same rows with LF, CRLF, bare CR and mixed line ends, read
// in chunks of every size pattern: the same lines, ids and field counts.
inline void check_same_rows_whatever_line_ends(const std::string &text) {
  auto expected = run_ok(text);
  for (const char *end : {"\n", "\r\n", "\r", "mixed"}) {
    for (const auto &pattern : chunk_patterns()) {
      INFO("line end ", end == std::string_view("\r") ? "CR" : end, ", pattern of ",
           pattern.size());
      auto r = run_ok(with_line_ends(text, end), {}, pattern);
      REQUIRE(r.records.size() == expected.records.size());
      CHECK(r.skips.size() == expected.skips.size());
      CHECK(r.rejects.size() == expected.rejects.size());
      for (size_t i = 0; i < r.records.size(); ++i) {
        CHECK(r.records[i].line == expected.records[i].line);
        CHECK(r.records[i].role(REBUY_ROLE_ID) == expected.records[i].role(REBUY_ROLE_ID));
        CHECK(r.records[i].fields.size() == expected.records[i].fields.size());
      }
    }
  }
}

} // namespace csv_test

#endif // REBUY_CSV_TESTS_TEST_SUPPORT_HPP
