// A time zone from the system's tz database (TZif files, /usr/share/zoneinfo on Debian).
// Events store instants in UTC and are shown in their zone (Asia/Jakarta by default).
// A time_zone is an immutable value: copy it freely, use it from any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/time/timestamp.hpp"

namespace bimtek {

// The calendar fields of a wall-clock time.
struct local_fields {
    int year, month, day, hour, minute, second;
};

class time_zone {
public:
    // Reads "name" (e.g. "Asia/Jakarta") from "zoneinfo_dir". nullopt when the name is not a
    // plain zone name or no such zone exists.
    static std::optional<time_zone> load(std::string_view name,
                                         std::string const& zoneinfo_dir = "/usr/share/zoneinfo");
    // A fixed-offset zone (tests, and a fallback that never fails).
    static time_zone fixed(std::string name, std::chrono::seconds offset, std::string abbreviation);

    std::string const& name() const { return name_; }
    std::chrono::seconds offset_at(timestamp utc) const;
    std::string abbreviation_at(timestamp utc) const;  // "WIB", "WITA", ...

    // A wall-clock time given as if it were UTC (see parse_local_iso8601) to the instant it names.
    // Ambiguous or skipped wall times resolve to the earlier offset.
    timestamp to_utc(timestamp wall) const;
    local_fields to_local(timestamp utc) const;

    // "2026-11-26 09:00"
    std::string format_datetime(timestamp utc) const;
    // "09:00"
    std::string format_time(timestamp utc) const;
    // "26 November 2026" (Indonesian month names for lang "id", English for "en").
    std::string format_date_long(timestamp utc, std::string_view lang = "id") const;
    // "2026-11-26T09:00:00+07:00"
    std::string format_iso_local(timestamp utc) const;

private:
    struct kind {
        std::int32_t offset;
        std::string abbreviation;
    };
    std::size_t kind_at(timestamp utc) const;

    std::string name_;
    std::vector<std::int64_t> transitions_;  // unix seconds, ascending
    std::vector<std::uint8_t> kind_index_;   // kinds_ index in force from transitions_[i]
    std::vector<kind> kinds_;
    std::size_t initial_kind_ = 0;           // in force before the first transition
};

}  // namespace bimtek
