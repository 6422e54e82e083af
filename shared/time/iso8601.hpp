// ISO 8601 / RFC 3339 text for timestamps, as the API and the protocol carry them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shared/time/timestamp.hpp"

namespace bimtek {

// "2026-11-26T02:00:00Z", or "2026-11-26T02:00:00.250Z" when the milliseconds are not zero.
std::string format_iso8601(timestamp t);

// Accepts "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z" or "+HH:MM"/"-HH:MM" (a space may stand
// for the "T"). Returns nullopt for anything else, including out-of-range fields.
std::optional<timestamp> parse_iso8601(std::string_view text);

// The same grammar without the offset ("2026-11-26T09:00"), read as a wall-clock time: the
// result is that wall-clock time as if it were UTC. time_zone::to_utc turns it into an instant.
std::optional<timestamp> parse_local_iso8601(std::string_view text);

// True when the text ends in "Z" or a numeric offset, i.e. names an instant by itself.
bool has_utc_offset(std::string_view text);

}  // namespace bimtek
