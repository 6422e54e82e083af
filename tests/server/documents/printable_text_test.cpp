#include "server/documents/printable_text.hpp"

#include <gtest/gtest.h>

namespace bimtek::documents {
namespace {

TEST(PrintableText, KeepsNamesAsTheyAre) {
    EXPECT_EQ(printable_utf8("Ni Luh Putu Ayu"), "Ni Luh Putu Ayu");
    EXPECT_EQ(printable_utf8("Siti Nurhaliza — Çağrı Ñoño"), "Siti Nurhaliza — Çağrı Ñoño");
}

TEST(PrintableText, ControlCharactersBecomeSpaces) {
    EXPECT_EQ(printable_utf8("a\tb\nc\rd\x7F"
                             "e"),
              "a b c d e");
    EXPECT_EQ(printable_utf8("x\xC2\x85y"), "x y");  // U+0085, a C1 control
}

TEST(PrintableText, BrokenBytesAndAstralCharactersBecomeQuestionMarks) {
    EXPECT_EQ(printable_utf8("a\xFF"
                             "b"),
              "a?b");
    EXPECT_EQ(printable_utf8("a\xC3"), "a?");                  // cut short
    EXPECT_EQ(printable_utf8("\xC0\xAF"), "??");               // overlong '/'
    EXPECT_EQ(printable_utf8("\xED\xA0\x80"), "???");          // a surrogate
    EXPECT_EQ(printable_utf8("ok \xF0\x9F\x98\x80"), "ok ?");  // U+1F600 (beyond the BMP)
}

TEST(PrintableText, DecodesAndEncodesCodePoints) {
    std::string s = "aé€😀";
    std::size_t i = 0;
    std::u32string got;
    while (i < s.size()) got.push_back(next_code_point(s, i).value_or(U'?'));
    EXPECT_EQ(got, U"aé€😀");
    std::string back;
    for (char32_t cp : got) append_utf8(back, cp);
    EXPECT_EQ(back, s);
}

}  // namespace
}  // namespace bimtek::documents
