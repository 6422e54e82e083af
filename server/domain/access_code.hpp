// Participants' access codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
// easy to read aloud and to type on a phone. Unique across the installation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "server/domain/crypto.hpp"

namespace bimtek::domain {

inline constexpr std::string_view access_code_alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::size_t access_code_length = 8;

// The alphabet's codes of any length (access codes, certificates' verification codes): a fresh
// random one (not checked for uniqueness), and the canonical form of what a person typed or a
// scanner read (upper case, without spaces or dashes; nullopt for anything that cannot be a code
// of that length).
std::string generate_code(crypto& c, std::size_t length);
std::optional<std::string> normalize_code(std::string_view typed, std::size_t length);

// A fresh random code (not checked for uniqueness).
std::string generate_access_code(crypto& c);

// The canonical form of what a person typed or a scanner read: upper case, without spaces or
// dashes. nullopt for anything that cannot be a code.
std::optional<std::string> normalize_access_code(std::string_view typed);

}  // namespace bimtek::domain
