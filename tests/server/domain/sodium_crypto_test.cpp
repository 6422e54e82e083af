#include "server/security/sodium_crypto.hpp"

#include <gtest/gtest.h>

#include <array>
#include <set>

namespace bimtek::security {
namespace {

TEST(sodium_crypto, password_hash_verifies) {
    sodium_crypto c;
    std::string hash = c.hash_password("rahasia-bimtek");
    EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
    EXPECT_TRUE(c.verify_password(hash, "rahasia-bimtek"));
    EXPECT_FALSE(c.verify_password(hash, "rahasia-bimteK"));
    EXPECT_FALSE(c.verify_password(hash, ""));
}

TEST(sodium_crypto, hashes_are_salted) {
    sodium_crypto c;
    EXPECT_NE(c.hash_password("sama saja"), c.hash_password("sama saja"));
}

TEST(sodium_crypto, garbage_hashes_never_verify) {
    sodium_crypto c;
    EXPECT_FALSE(c.verify_password("", "x"));
    EXPECT_FALSE(c.verify_password("fake$x", "x"));
    EXPECT_FALSE(c.verify_password(std::string(500, '$'), "x"));
}

TEST(sodium_crypto, token_digests_are_stable_hex) {
    sodium_crypto c;
    std::string d = c.token_digest("token-satu");
    ASSERT_EQ(d.size(), 64u);
    EXPECT_EQ(d.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(d, c.token_digest("token-satu"));
    EXPECT_EQ(d, sodium_crypto{}.token_digest("token-satu"));
    EXPECT_NE(d, c.token_digest("token-dua"));
    // BLAKE2b-256 of the empty string.
    EXPECT_EQ(c.token_digest(""),
              "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
}

TEST(sodium_crypto, random_below_stays_in_range) {
    sodium_crypto c;
    std::set<std::uint32_t> seen;
    for (int i = 0; i < 1000; ++i) {
        std::uint32_t v = c.random_below(31);
        ASSERT_LT(v, 31u);
        seen.insert(v);
    }
    EXPECT_GT(seen.size(), 25u);
    EXPECT_EQ(c.random_below(1), 0u);
}

TEST(sodium_crypto, random_bytes_fill_the_buffer) {
    sodium_crypto c;
    std::array<std::uint8_t, 64> a{}, b{};
    c.random_bytes(a);
    c.random_bytes(b);
    EXPECT_NE(a, b);
}

}  // namespace
}  // namespace bimtek::security
