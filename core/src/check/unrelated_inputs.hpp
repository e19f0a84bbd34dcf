#pragma once
// Inputs no importer should claim, generated in memory: `probe` must answer 0
// for each, except that a generic reader of delimited text (like `csv`) may
// make a weak claim (below 60) on prose, which is formally one-column text.
#include <string>
#include <vector>

namespace rebuy::core {

struct unrelated_input {
  std::string label;     // for messages: "a PNG image"
  std::string file_name; // the name probe() is given
  std::string bytes;
  bool generic_claim_allowed = false; // a claim below 60 is acceptable
};

// The empty input, blank lines, a PNG image, random bytes and a short letter.
std::vector<unrelated_input> unrelated_inputs();

// Below this a claim is generic; format-specific importers answer 60-100.
constexpr int generic_claim_limit = 60;

} // namespace rebuy::core
