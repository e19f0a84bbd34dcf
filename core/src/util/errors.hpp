#pragma once
// Exceptions inside core; the CLI turns them into exit codes.
#include <stdexcept>

namespace rebuy::core {

// The user's input (a file, a flag value, a plugin) is wrong: exit code 2.
class input_error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// The store or an input cannot be used just now, through no fault of rebuy's or
// the input's (locked, disk full, permission denied, cannot be opened): exit
// code 4. The message says what to do.
class unavailable_error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// The command line itself is wrong: exit code 1.
class usage_error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

} // namespace rebuy::core
