#pragma once
// `rebuy export`: one line per response with its scores, streamed from the store.
#include "store/sql.hpp"

#include <ostream>
#include <string>

namespace rebuy::core {

enum class export_format { csv, jsonl };

// Writes every response; returns how many. CSV fields go through
// append_csv_field(), so text a spreadsheet would run as a formula is defused.
uint64_t export_responses(sql::connection &db, export_format format, std::ostream &out);

} // namespace rebuy::core
