// rebuy plugin SDK: the importer of one guessed table, and what a
// format-specific importer of delimited exports needs around it.
//
// A survey export's importer is a constructor that reads the export's header
// rows, names the columns and gives the roles the format fixes, plus a probe:
//
//   constexpr rebuy::named_role metadata[] = {{"#", REBUY_ROLE_ID}, ...};
//   class my_importer : public rebuy::guessed_table_importer {
//   public:
//     my_importer(const rebuy::host &h, const rebuy::input &in, const rebuy::options &o)
//         : guessed_table_importer(h, in, {}, "myvendor") {
//       std::vector<std::string> names = table_.read_names("header");
//       table_.read_sample(names.size());
//       table_.guess(rebuy::columns_named(std::move(names), metadata), o);
//     }
//     static int probe(std::string_view head, std::string_view) noexcept; // rebuy::head_reader
//   };
#ifndef REBUY_GUESSED_TABLE_IMPORTER_HPP
#define REBUY_GUESSED_TABLE_IMPORTER_HPP

#include <rebuy/csv_reader.hpp>
#include <rebuy/guessed_table.hpp>
#include <rebuy/plugin.hpp>
#include <rebuy/string_input.hpp>
#include <rebuy/text_util.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy {

// A column an export always has, and the role it plays.
struct named_role {
  std::string_view name;
  rebuy_role role;
};

// The role `table` gives the column `name` (ASCII case ignored), if any.
template <class Table>
std::optional<rebuy_role> role_named(const Table &table, std::string_view name) noexcept {
  for (const named_role &entry : table)
    if (ascii_iequals(entry.name, name)) return entry.role;
  return std::nullopt;
}

// Columns named `names`, each with the role `known` gives its name, if any.
template <class Table>
std::vector<table_column> columns_named(std::vector<std::string> names, const Table &known) {
  std::vector<table_column> columns;
  for (std::string &name : names) {
    std::optional<rebuy_role> role = role_named(known, name);
    columns.push_back({std::move(name), {}, role});
  }
  return columns;
}
inline std::vector<table_column> columns_named(std::vector<std::string> names) {
  return columns_named(std::move(names), std::array<named_role, 0>{});
}

// The records at the head of a file, read with the parser the importer uses,
// for probe(): BOM skipped, delimiter detected, reads bounded by the head.
class head_reader {
public:
  explicit head_reader(std::string_view head)
      : text_(head), reader_(rebuy::input(text_.get()), limits()) {
    reader_.skip_bom();
    reader_.set_delimiter(detect_delimiter(reader_.peek(head.size())));
  }
  bool next(csv_record &row) { return reader_.next(row); }

private:
  static csv_limits limits() {
    csv_limits l;
    l.chunk_bytes = size_t{64} << 10;
    return l;
  }
  string_input text_;
  csv_reader reader_;
};

// The importer of one guessed table: a derived class reads the header and
// calls table_.guess() in its constructor, and writes probe(); rows are
// emitted as records of kind() under the suggested source name.
class guessed_table_importer : public importer {
public:
  source_description describe() const override { return table_.describe(source_, kind_); }
  bool read_batch(batch_builder &out, size_t max_rows) override {
    return table_.read_batch_as(out, max_rows, kind_);
  }
  rebuy_record_kind kind() const noexcept { return kind_; }

protected:
  guessed_table_importer(const rebuy::host &host, const rebuy::input &input, csv_limits limits,
                         std::string source, rebuy_record_kind kind = REBUY_RECORD_SURVEY)
      : table_(host, input, limits), source_(std::move(source)), kind_(kind) {}
  void set_kind(rebuy_record_kind kind) noexcept { kind_ = kind; }

  guessed_table table_;

private:
  std::string source_;
  rebuy_record_kind kind_;
};

} // namespace rebuy

#endif // REBUY_GUESSED_TABLE_IMPORTER_HPP
