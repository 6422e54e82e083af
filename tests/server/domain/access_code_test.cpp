#include "server/domain/access_code.hpp"

#include <gtest/gtest.h>

#include <set>

#include "tests/support/fake_crypto.hpp"

namespace bimtek::domain {
namespace {

TEST(access_code, generated_codes_use_the_alphabet) {
    test::fake_crypto c;
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        std::string code = generate_access_code(c);
        ASSERT_EQ(code.size(), access_code_length);
        for (char ch : code)
            EXPECT_NE(access_code_alphabet.find(ch), std::string_view::npos) << code;
        EXPECT_EQ(normalize_access_code(code), code);
        seen.insert(code);
    }
    EXPECT_EQ(seen.size(), 200u);
}

TEST(access_code, scripted_randomness_gives_a_known_code) {
    test::fake_crypto c;
    c.script_random({8, 8, 8, 8, 9, 9, 9, 9});  // 'A' and 'B'
    EXPECT_EQ(generate_access_code(c), "AAAABBBB");
}

TEST(access_code, normalizes_what_people_type) {
    EXPECT_EQ(normalize_access_code("abcd-efgh"), "ABCDEFGH");
    EXPECT_EQ(normalize_access_code(" ABCD EFGH \n"), "ABCDEFGH");
    EXPECT_EQ(normalize_access_code("23456789"), "23456789");
}

TEST(access_code, refuses_what_cannot_be_a_code) {
    EXPECT_EQ(normalize_access_code(""), std::nullopt);
    EXPECT_EQ(normalize_access_code("ABCDEFG"), std::nullopt);    // 7
    EXPECT_EQ(normalize_access_code("ABCDEFGHJ"), std::nullopt);  // 9
    EXPECT_EQ(normalize_access_code("ABCDEFG0"), std::nullopt);   // 0 looks like O
    EXPECT_EQ(normalize_access_code("ABCDEFGO"), std::nullopt);
    EXPECT_EQ(normalize_access_code("ABCDEFG1"), std::nullopt);
    EXPECT_EQ(normalize_access_code("ABCDEFGI"), std::nullopt);
    EXPECT_EQ(normalize_access_code("ABCDEFGL"), std::nullopt);
    EXPECT_EQ(normalize_access_code("ABCD_EFG"), std::nullopt);
    EXPECT_EQ(normalize_access_code("ABCDÉFGH"), std::nullopt);
}

}  // namespace
}  // namespace bimtek::domain
