#include "tests/support/fake_crypto.hpp"

namespace bimtek::test {

fake_crypto::fake_crypto(std::uint32_t seed) : engine_(seed) {}

std::string fake_crypto::hash_password(std::string_view password) {
    std::lock_guard lock(mutex_);
    ++hash_calls_;
    return "fake$" + std::string(password);
}

bool fake_crypto::verify_password(std::string_view stored, std::string_view password) {
    std::lock_guard lock(mutex_);
    ++verify_calls_;
    return stored.size() == password.size() + 5 && stored.starts_with("fake$") &&
           stored.substr(5) == password;
}

std::string fake_crypto::token_digest(std::string_view token) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (std::uint64_t lane = 0; lane < 4; ++lane) {
        std::uint64_t h = 14695981039346656037ull ^ (lane * 0x9E3779B97F4A7C15ull);
        for (unsigned char c : token) {
            h ^= c;
            h *= 1099511628211ull;
        }
        for (int shift = 60; shift >= 0; shift -= 4) out.push_back(digits[(h >> shift) & 0xF]);
    }
    return out;
}

void fake_crypto::random_bytes(std::span<std::uint8_t> out) {
    std::lock_guard lock(mutex_);
    for (auto& b : out) b = static_cast<std::uint8_t>(engine_() & 0xFF);
}

std::uint32_t fake_crypto::random_below(std::uint32_t upper) {
    std::lock_guard lock(mutex_);
    if (!scripted_.empty()) {
        std::uint32_t v = scripted_.front();
        scripted_.pop_front();
        return v % upper;
    }
    return std::uniform_int_distribution<std::uint32_t>(0, upper - 1)(engine_);
}

void fake_crypto::script_random(std::vector<std::uint32_t> values) {
    std::lock_guard lock(mutex_);
    scripted_.insert(scripted_.end(), values.begin(), values.end());
}

int fake_crypto::hash_calls() const {
    std::lock_guard lock(mutex_);
    return hash_calls_;
}

int fake_crypto::verify_calls() const {
    std::lock_guard lock(mutex_);
    return verify_calls_;
}

}  // namespace bimtek::test
