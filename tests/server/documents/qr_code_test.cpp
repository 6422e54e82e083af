#include "server/documents/qr_code.hpp"

#include <gtest/gtest.h>

namespace bimtek::documents {
namespace {

TEST(QrCode, EncodesASquareOfModules) {
    auto m = encode_qr("http://127.0.0.1:8080/verify/7KQ2M9XDPA4T");
    ASSERT_TRUE(m.ok()) << m.error().message;
    EXPECT_GE(m->size, 21);            // version 1 is the smallest
    EXPECT_EQ((m->size - 17) % 4, 0);  // sizes are 17 + 4 * version
    ASSERT_EQ(m->modules.size(), static_cast<std::size_t>(m->size * m->size));
    // The finder pattern's corner modules are dark, the separator beside them light.
    EXPECT_TRUE(m->dark(0, 0));
    EXPECT_TRUE(m->dark(m->size - 1, 0));
    EXPECT_TRUE(m->dark(0, m->size - 1));
    EXPECT_FALSE(m->dark(7, 7));
}

TEST(QrCode, LongerTextNeedsALargerSymbol) {
    auto small = encode_qr("K7PM2QXD");
    auto large = encode_qr(std::string(300, 'x'));
    ASSERT_TRUE(small.ok() && large.ok());
    EXPECT_LT(small->size, large->size);
}

TEST(QrCode, EmptyOrTooLongTextIsRefused) {
    auto empty = encode_qr("");
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, "qr_failed");
    auto huge = encode_qr(std::string(5000, 'x'));
    ASSERT_FALSE(huge.ok());
    EXPECT_EQ(huge.error().code, "qr_failed");
}

TEST(QrCode, BytesAfterANulAreKept) {
    auto with_nul = encode_qr(std::string("a\0b", 3));
    auto without = encode_qr("a");
    ASSERT_TRUE(with_nul.ok() && without.ok());
    EXPECT_NE(with_nul->modules, without->modules);
}

}  // namespace
}  // namespace bimtek::documents
