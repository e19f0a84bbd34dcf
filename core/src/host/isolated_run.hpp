#pragma once
// Runs a check in a child process, so that a plugin that crashes, hangs or
// trips a sanitizer fails that one check instead of ending the whole run.
#include "host/check_result.hpp"

#include <chrono>
#include <functional>

namespace rebuy::core {

// Forks; the child runs `body` and sends its result back through a pipe. A
// child that dies, exits without a result, or runs longer than `timeout`
// yields a failure that says so.
check_result run_isolated(const std::function<check_result()> &body, std::chrono::seconds timeout);

} // namespace rebuy::core
