#include "server/domain/crypto.hpp"

#include <array>

namespace bimtek::domain {

std::string new_bearer_token(crypto& c) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::array<std::uint8_t, 33> bytes{};  // 33 bytes: a whole number of base64 groups
    c.random_bytes(bytes);
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::uint32_t v = (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
        for (int k = 3; k >= 0; --k) out.push_back(alphabet[(v >> (6 * k)) & 0x3F]);
    }
    return out;
}

std::string random_hex(crypto& c, std::size_t bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string raw(bytes, '\0');
    c.random_bytes(std::span(reinterpret_cast<std::uint8_t*>(raw.data()), raw.size()));
    std::string out;
    for (unsigned char b : raw) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0xF]);
    }
    return out;
}

}  // namespace bimtek::domain
