#pragma once
// Dates as people and spreadsheets write them: "9/11/2022 17:54",
// "09 13, 2009", "19th November 2023", "Nov 19, 2023 5:04 PM",
// "18.07.2017", "2025-03-02 10:12:00 UTC", "2019-05-01 10:00 America/Denver".
#include <chrono>
#include <optional>
#include <string_view>

namespace rebuy::core {

// Which of the first two numbers of an all-numeric date is the month.
enum class date_order { month_first, day_first };

// The instant `text` names, or nullopt. A time without a zone is UTC; a
// trailing IANA zone id ("Europe/Berlin") or UTC/GMT or ±hh:mm says otherwise.
// Slash and dash dates whose year comes last follow `order`, and are refused
// when they contradict it (13/05/2022 is not month-first). Dotted dates
// (18.07.2017) are day-first, as everywhere that writes them.
std::optional<std::chrono::sys_seconds> parse_loose_date(std::string_view text, date_order order);

// What an all-numeric date says about the order: "13/05/2022" can only be
// day-first, "05/13/2022" only month-first; "05/06/2022" and anything else
// says nothing.
std::optional<date_order> date_order_evidence(std::string_view text);

} // namespace rebuy::core
