// The domain's crypto on libsodium: argon2id password hashes (interactive limits), BLAKE2b-256
// token digests and the system's CSPRNG. Stateless after construction; use from any thread.
#pragma once

#include "server/domain/crypto.hpp"

namespace bimtek::security {

class sodium_crypto final : public domain::crypto {
public:
    // Initializes libsodium (idempotent); throws std::runtime_error when it cannot.
    sodium_crypto();

    // "$argon2id$v=19$m=...". Throws std::runtime_error when the memory for it is not there.
    std::string hash_password(std::string_view password) override;
    // False for a wrong password and for anything that is not an argon2 hash string.
    bool verify_password(std::string_view stored, std::string_view password) override;
    // 64 lower-case hex characters.
    std::string token_digest(std::string_view token) override;
    void random_bytes(std::span<std::uint8_t> out) override;
    std::uint32_t random_below(std::uint32_t upper) override;
};

}  // namespace bimtek::security
