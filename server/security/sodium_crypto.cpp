#include "server/security/sodium_crypto.hpp"

#include <sodium.h>

#include <array>
#include <cassert>
#include <stdexcept>
#include <string>

namespace bimtek::security {

sodium_crypto::sodium_crypto() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialized");
}

std::string sodium_crypto::hash_password(std::string_view password) {
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str_alg(
            out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("argon2id hashing failed: not enough memory");
    return std::string(out.data());
}

bool sodium_crypto::verify_password(std::string_view stored, std::string_view password) {
    if (stored.empty() || stored.size() >= crypto_pwhash_STRBYTES) return false;
    std::string terminated(stored);  // libsodium reads a NUL-terminated string
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

std::string sodium_crypto::token_digest(std::string_view token) {
    std::array<unsigned char, crypto_generichash_BYTES> digest{};
    static_assert(crypto_generichash_BYTES == 32, "BLAKE2b-256");
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<unsigned char const*>(token.data()), token.size(), nullptr,
                       0);
    std::array<char, crypto_generichash_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), digest.size() * 2);
}

void sodium_crypto::random_bytes(std::span<std::uint8_t> out) {
    randombytes_buf(out.data(), out.size());
}

std::uint32_t sodium_crypto::random_below(std::uint32_t upper) {
    assert(upper > 0);
    return randombytes_uniform(upper);
}

}  // namespace bimtek::security
