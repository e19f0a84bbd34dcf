#pragma once
// Timestamps as the store keeps them: UTC ISO 8601, "2024-05-01T13:45:00Z".
#include "util/loose_date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rebuy::core {

// Understands ISO 8601 dates and date-times (with 'T' or a space, optional
// seconds and fraction, 'Z' or a ±hh:mm offset; no zone means UTC), Unix
// seconds (9-10 digits) or milliseconds (12-13 digits), and the forms
// parse_loose_date() reads, all-numeric ones in `order`. nullopt otherwise,
// and always for relative dates ("3 days ago"), which name no day.
std::optional<std::string> normalize_timestamp(std::string_view text,
                                               date_order order = date_order::month_first);

// Seconds since the epoch of a normalised timestamp.
std::optional<int64_t> epoch_seconds(std::string_view iso);

// The current time, normalised.
std::string now_utc();

} // namespace rebuy::core
