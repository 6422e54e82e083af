// Certificates' verification codes: 12 characters from the access codes' alphabet (no 0/O,
// 1/I/L), about 59 bits, printed on the certificate and in its QR code's URL. Unique across the
// installation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "server/domain/crypto.hpp"

namespace bimtek::domain {

inline constexpr std::size_t certificate_code_length = 12;

// A fresh random code (not checked for uniqueness).
std::string generate_certificate_code(crypto& c);

// The canonical form of a typed or scanned code: upper case, without spaces or dashes; nullopt
// for anything that cannot be a code.
std::optional<std::string> normalize_certificate_code(std::string_view typed);

}  // namespace bimtek::domain
