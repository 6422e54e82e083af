#include "server/domain/certificate_code.hpp"

#include <set>

#include "server/domain/access_code.hpp"
#include "tests/server/domain/domain_fixture.hpp"

namespace bimtek::test {
namespace {

using namespace domain;

TEST(certificate_code, twelve_characters_without_look_alikes) {
    fake_crypto crypto;
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        std::string code = generate_certificate_code(crypto);
        ASSERT_EQ(code.size(), certificate_code_length);
        for (char c : code) EXPECT_NE(access_code_alphabet.find(c), std::string_view::npos) << code;
        seen.insert(code);
    }
    EXPECT_EQ(seen.size(), 200u);
}

TEST(certificate_code, typed_codes_are_normalized) {
    EXPECT_EQ(normalize_certificate_code("7kq2-m9xd-pa4t"), "7KQ2M9XDPA4T");
    EXPECT_EQ(normalize_certificate_code(" 7KQ2 M9XD PA4T "), "7KQ2M9XDPA4T");
    EXPECT_EQ(normalize_certificate_code("7KQ2M9XDPA4"), std::nullopt);    // too short
    EXPECT_EQ(normalize_certificate_code("7KQ2M9XDPA4TT"), std::nullopt);  // too long
    EXPECT_EQ(normalize_certificate_code("0KQ2M9XDPA4T"), std::nullopt);   // 0 is not used
    EXPECT_EQ(normalize_certificate_code("../../etc/pas"), std::nullopt);
}

}  // namespace
}  // namespace bimtek::test
