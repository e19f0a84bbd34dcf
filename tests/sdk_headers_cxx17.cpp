// Compiles every SDK header as C++17: plugin authors may use any recent
// compiler and standard, so the SDK must not require C++20.
#include <rebuy/column_mapping.hpp>
#include <rebuy/date_words.hpp>
#include <rebuy/guessed_table.hpp>
#include <rebuy/guessed_table_importer.hpp>
#include <rebuy/role_guess.hpp>
#include <rebuy/csv_reader.hpp>
#include <rebuy/importer_testing.hpp>
#include <rebuy/json_importer.hpp>
#include <rebuy/json_lines.hpp>
#include <rebuy/line_reader.hpp>
#include <rebuy/plugin.hpp>
#include <rebuy/string_input.hpp>
#include <rebuy/tabular_importer.hpp>
#include <rebuy/text_util.hpp>
