// The secrets the domain needs, behind an interface: password hashing, token digests and
// randomness. The server uses libsodium (server/security/sodium_crypto); domain tests use a fast
// deterministic fake. Implementations must be safe to call from any thread.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace bimtek::domain {

class crypto {
public:
    virtual ~crypto() = default;

    // A self-describing hash of "password" (argon2id in production).
    virtual std::string hash_password(std::string_view password) = 0;
    // True when "password" matches "stored" (a value hash_password returned).
    virtual bool verify_password(std::string_view stored, std::string_view password) = 0;
    // A one-way digest of a bearer token, as stored in the database (hex).
    virtual std::string token_digest(std::string_view token) = 0;
    // Unpredictable bytes.
    virtual void random_bytes(std::span<std::uint8_t> out) = 0;
    // Uniform in [0, upper), upper > 0.
    virtual std::uint32_t random_below(std::uint32_t upper) = 0;
};

// A random bearer token: 33 bytes (264 bits) from "c", base64url (44 characters).
std::string new_bearer_token(crypto& c);

// A random hex string of 2 * bytes characters.
std::string random_hex(crypto& c, std::size_t bytes);

}  // namespace bimtek::domain
