#pragma once
#include <cstdint>
#include <string>

namespace rebuy::core {

// "1,234,567": how every count a person reads is written.
std::string format_count(uint64_t n);

} // namespace rebuy::core
