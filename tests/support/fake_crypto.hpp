// Crypto for tests: fast and deterministic, NOT secret. Thread-safe.
//   hash_password(p)    "fake$" + p
//   verify_password     stored == "fake$" + password
//   token_digest(t)     64 hex characters, a fixed function of t (FNV-1a based)
//   random_*            from std::mt19937 seeded at construction; values queued with
//                       script_random() come first (to force, say, an access-code collision)
// Counts calls, so tests can check that slow work happens (or does not).
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <random>
#include <vector>

#include "server/domain/crypto.hpp"

namespace bimtek::test {

class fake_crypto final : public domain::crypto {
public:
    explicit fake_crypto(std::uint32_t seed = 20261126);

    std::string hash_password(std::string_view password) override;
    bool verify_password(std::string_view stored, std::string_view password) override;
    std::string token_digest(std::string_view token) override;
    void random_bytes(std::span<std::uint8_t> out) override;
    std::uint32_t random_below(std::uint32_t upper) override;

    // The next random_below calls return these (each taken modulo "upper"), in order; random
    // bytes are not affected.
    void script_random(std::vector<std::uint32_t> values);

    int hash_calls() const;
    int verify_calls() const;

private:
    mutable std::mutex mutex_;
    std::mt19937 engine_;                 // guarded by mutex_
    std::deque<std::uint32_t> scripted_;  // guarded by mutex_
    int hash_calls_ = 0;                  // guarded by mutex_
    int verify_calls_ = 0;                // guarded by mutex_
};

}  // namespace bimtek::test
