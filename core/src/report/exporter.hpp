#pragma once
// `rebuy export`: one line per response with its scores, streamed from the store.
#include "store/sqlite.hpp"

#include <ostream>
#include <string>

namespace rebuy::core {

enum class export_format { csv, jsonl };

// Writes every response; returns how many.
uint64_t export_responses(sql::connection &db, export_format format, std::ostream &out);

// One RFC 4180 field: quoted when it holds a delimiter, quote or line break.
void write_csv_field(std::ostream &out, std::string_view value);

} // namespace rebuy::core
