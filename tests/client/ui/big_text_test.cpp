#include "client/ui/big_text.hpp"

#include <gtest/gtest.h>

#include "shared/text/utf8.hpp"

namespace bimtek::client::ui {
namespace {

TEST(BigText, DrawsLettersFiveRowsHigh) {
    auto rows = big_text("hi", 80);
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0], "█  █ ███");
    EXPECT_EQ(rows[2], "████  █ ");
    EXPECT_EQ(rows[4], "█  █ ███");
    EXPECT_EQ(big_text_width("HI"), 8u);
}

TEST(BigText, WrapsAtSpacesToFitTheWidth) {
    auto rows = big_text("SUDAH HADIR 09:12", 40);
    ASSERT_EQ(rows.size(), 5u + 1 + 5 + 1 + 5);  // three lines of big text
    EXPECT_TRUE(rows[5].empty());
    for (auto const& r : rows) EXPECT_LE(text::display_width(r), 40u) << r;
}

TEST(BigText, AccentsBecomeTheirBaseLetter) {
    EXPECT_EQ(big_text("É", 80), big_text("E", 80));
    EXPECT_EQ(big_text_width("Ñ"), big_text_width("N"));
}

}  // namespace
}  // namespace bimtek::client::ui
