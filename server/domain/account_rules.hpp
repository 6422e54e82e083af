// The rules for staff accounts' fields, shared by logging in and managing accounts.
// Pure functions; use from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "server/domain/validation.hpp"

namespace bimtek::domain {

inline constexpr std::size_t min_username = 3;
inline constexpr std::size_t max_username = 32;
inline constexpr std::size_t min_password = 8;    // bytes
inline constexpr std::size_t max_password = 256;  // bytes
inline constexpr std::size_t max_display_name = 100;

// A username as stored: trimmed, ASCII upper case folded to lower case. Not checked.
std::string fold_username(std::string_view typed);

// True when a folded username is 3..32 of a-z 0-9 . _ -; otherwise adds the problem
// ("required", "too_short", "too_long", "invalid_characters") under "field".
bool check_username(std::string_view folded, field_problems& out,
                    std::string_view field = "username");

// True when a password has 8..256 bytes; otherwise adds "required"/"too_short"/"too_long".
bool check_password(std::string_view password, field_problems& out,
                    std::string_view field = "password");

}  // namespace bimtek::domain
