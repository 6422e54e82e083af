#include "shared/text/utf8.hpp"

#include <gtest/gtest.h>

namespace bimtek::text {
namespace {

TEST(Utf8, Validates) {
    EXPECT_TRUE(valid_utf8("Ni Luh Putu Ayu"));
    EXPECT_TRUE(valid_utf8("Pertanyaan tentang modal usaha \xF0\x9F\x99\x8F"));  // 🙏
    EXPECT_FALSE(valid_utf8("\xC0\xAF"));           // overlong '/'
    EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));       // surrogate
    EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));   // above U+10FFFF
    EXPECT_FALSE(valid_utf8("abc\xE2\x82"));        // cut off
}

TEST(Utf8, CountsCodePointsNotBytes) {
    EXPECT_EQ(code_points("Siti"), 4u);
    EXPECT_EQ(code_points("caf\xC3\xA9"), 4u);
    EXPECT_EQ(code_points("\xF0\x9F\x99\x8F\xF0\x9F\x99\x8F"), 2u);
}

TEST(Utf8, TrimsAsciiAndUnicodeSpaces) {
    EXPECT_EQ(trim("  halo \t\r\n"), "halo");
    EXPECT_EQ(trim("\xC2\xA0halo\xE3\x80\x80"), "halo");  // NBSP, ideographic space
    EXPECT_EQ(trim("\xEF\xBB\xBFhalo"), "halo");          // BOM
    EXPECT_EQ(trim("   "), "");
    EXPECT_EQ(trim(""), "");
}

TEST(Utf8, SqueezesInnerSpaces) {
    EXPECT_EQ(squeeze_spaces("  Ni   Luh\tPutu  Ayu "), "Ni Luh Putu Ayu");
}

TEST(Utf8, PrefixKeepsWholeCodePoints) {
    EXPECT_EQ(prefix_code_points("caf\xC3\xA9!", 4), "caf\xC3\xA9");
    EXPECT_EQ(prefix_code_points("abc", 10), "abc");
}

TEST(Utf8, DisplayWidth) {
    EXPECT_EQ(display_width("abc"), 3u);
    EXPECT_EQ(display_width("\xE4\xBD\xA0\xE5\xA5\xBD"), 4u);  // two CJK ideographs
    EXPECT_EQ(display_width("e\xCC\x81"), 1u);                  // e + combining acute
    EXPECT_EQ(prefix_columns("\xE4\xBD\xA0\xE5\xA5\xBD", 3), "\xE4\xBD\xA0");
}

}  // namespace
}  // namespace bimtek::text
