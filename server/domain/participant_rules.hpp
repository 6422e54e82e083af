// The rules for a participant's fields, shared by the roster import (one call per CSV line) and
// the API (add/update one participant). Pure functions; use from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "server/domain/participant.hpp"
#include "server/domain/roster_service.hpp"
#include "server/domain/validation.hpp"

namespace bimtek::domain {

inline constexpr std::size_t max_participant_name = 120;
inline constexpr std::size_t max_region = 120;
inline constexpr std::size_t max_business_name = 120;

// Applies every field given in "f" to "p", checking each:
//   name      1..120 code points, valid UTF-8, white space collapsed ("required", "too_long", ...)
//   category  parse_category ("unknown_category")
//   region    1..120 code points
//   phone     optional; spaces, dashes, dots and parentheses removed, then +?[0-9]{8,15}
//             ("invalid_phone"); empty clears it
//   business_name  optional, at most 120 code points; empty clears it
//   mode      parse_mode ("unknown_mode")
// With "require_all", name, category, region and mode must be given ("required").
// Adds a problem to "out" for every bad field; fields without problems are applied to "p".
void apply_participant_fields(participant_fields const& f, bool require_all, participant& p,
                              field_problems& out);

// The phone number as stored ("+6281234567890"), or nullopt when it is not one.
std::optional<std::string> normalize_phone(std::string_view typed);

}  // namespace bimtek::domain
