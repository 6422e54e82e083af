#include "server/domain/access_code.hpp"

namespace bimtek::domain {

std::string generate_code(crypto& c, std::size_t length) {
    std::string code;
    auto n = static_cast<std::uint32_t>(access_code_alphabet.size());
    for (std::size_t i = 0; i < length; ++i) code.push_back(access_code_alphabet[c.random_below(n)]);
    return code;
}

std::optional<std::string> normalize_code(std::string_view typed, std::size_t length) {
    std::string code;
    for (char ch : typed) {
        if (ch == ' ' || ch == '-' || ch == '\t' || ch == '\r' || ch == '\n') continue;
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        if (access_code_alphabet.find(ch) == std::string_view::npos) return std::nullopt;
        code.push_back(ch);
        if (code.size() > length) return std::nullopt;
    }
    if (code.size() != length) return std::nullopt;
    return code;
}

std::string generate_access_code(crypto& c) { return generate_code(c, access_code_length); }

std::optional<std::string> normalize_access_code(std::string_view typed) {
    return normalize_code(typed, access_code_length);
}

}  // namespace bimtek::domain
