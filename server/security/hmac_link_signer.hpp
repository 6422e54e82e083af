// domain::link_signer with HMAC-SHA-256 (libsodium) under a 32-byte key that stays with the
// installation (load_link_key keeps it in the data directory), so links survive restarts and
// are worthless elsewhere. Immutable after construction: safe from any thread.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>

#include "server/domain/link_signer.hpp"
#include "server/domain/result.hpp"

namespace bimtek::security {

using link_key = std::array<std::uint8_t, 32>;

// The key in the file "path": read when it exists (it must hold exactly 32 bytes), created with
// 32 random bytes otherwise (mode 0600, written to a temporary file, synced and renamed, so a
// crash never leaves a short key). Error "link_key_unusable" (internal).
domain::result<link_key> load_link_key(std::filesystem::path const& path);

class hmac_link_signer final : public domain::link_signer {
public:
    // Initializes libsodium (idempotent); throws std::runtime_error when it cannot.
    explicit hmac_link_signer(link_key const& key);

    // 64 lower-case hex characters.
    std::string sign(std::string_view message) override;
    bool verify(std::string_view message, std::string_view signature) override;

private:
    link_key key_;
};

}  // namespace bimtek::security
