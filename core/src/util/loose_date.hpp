#pragma once
// Dates as people and spreadsheets write them: "9/11/2022 17:54",
// "19th November 2023", "7. Januar 2026", "3 de março de 2024",
// "2019/10/01 12:38:43 PM GMT+8", "2019-05-01 10:00 America/Denver". The
// words and forms are the SDK's (<rebuy/date_words.hpp>), so the column-role
// guess and the host agree on what a date is; the host adds the zone database.
#include <rebuy/date_words.hpp>

#include <chrono>
#include <optional>
#include <string_view>

namespace rebuy::core {

using rebuy::date_order;

// The instant `text` names, or nullopt: the forms rebuy::read_date() reads. A
// time without a zone is UTC; an IANA id ("Europe/Berlin") is resolved with
// ICU. Slash and dash dates whose year comes last follow `order`, and are
// refused when they contradict it (13/05/2022 is not month-first).
std::optional<std::chrono::sys_seconds> parse_loose_date(std::string_view text, date_order order);

// What an all-numeric date says about the order: "13/05/2022" can only be
// day-first, "05/13/2022" only month-first; "05/06/2022", dotted dates, dates
// with a month name and anything else say nothing.
std::optional<date_order> date_order_evidence(std::string_view text);

} // namespace rebuy::core
