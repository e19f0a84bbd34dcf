#pragma once
// Responses made up for checking analyzers: every role with usual, odd and
// hostile values, texts in several scripts, and responses with nothing at
// all, with their text prepared by the host's own tokeniser.
#include "text/text_batch.hpp"

#include <rebuy/plugin_abi.h>

#include <span>
#include <string>
#include <vector>

namespace rebuy::core {

struct response_fields {
  struct field {
    rebuy_role role;
    std::string name, value;
  };
  rebuy_record_kind kind = REBUY_RECORD_SURVEY;
  std::vector<field> fields;
};

class prepared_responses {
public:
  // Attribute fields are passed only when `with_attributes` (the capability).
  prepared_responses(std::vector<response_fields> responses, bool with_attributes);
  prepared_responses(const prepared_responses &) = delete;
  prepared_responses &operator=(const prepared_responses &) = delete;

  std::span<const rebuy_response> all() const { return responses_; }

private:
  std::vector<response_fields> source_; // owns every string the views point into
  std::vector<rebuy_field> fields_;
  text_batch text_;
  std::vector<rebuy_response> responses_;
};

// About fifty responses covering what analyzers meet in real imports.
std::vector<response_fields> synthetic_responses();

} // namespace rebuy::core
