#include "server/domain/certificate_code.hpp"

#include "server/domain/access_code.hpp"

namespace bimtek::domain {

std::string generate_certificate_code(crypto& c) { return generate_code(c, certificate_code_length); }

std::optional<std::string> normalize_certificate_code(std::string_view typed) {
    return normalize_code(typed, certificate_code_length);
}

}  // namespace bimtek::domain
