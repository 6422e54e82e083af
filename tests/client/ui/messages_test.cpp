#include "client/ui/messages.hpp"

#include <gtest/gtest.h>

#include <set>

namespace bimtek::client::ui {
namespace {

std::multiset<std::string> placeholders(std::string_view s) {
    std::multiset<std::string> out;
    for (std::size_t i = 0; i + 2 < s.size(); ++i)
        if (s[i] == '{' && s[i + 2] == '}' && s[i + 1] >= '0' && s[i + 1] <= '9')
            out.insert(std::string(s.substr(i, 3)));
    return out;
}

TEST(Messages, EveryMessageHasBothLanguagesWithTheSamePlaceholders) {
    std::set<std::string_view> names;
    for (int i = 0; i < static_cast<int>(msg::count_); ++i) {
        auto const& e = entry(static_cast<msg>(i));
        EXPECT_EQ(static_cast<int>(e.key), i);
        EXPECT_FALSE(e.name.empty());
        EXPECT_TRUE(names.insert(e.name).second) << e.name;
        EXPECT_FALSE(e.id.empty()) << e.name << " has no Indonesian text";
        EXPECT_FALSE(e.en.empty()) << e.name << " has no English text";
        EXPECT_EQ(placeholders(e.id), placeholders(e.en)) << e.name;
    }
}

TEST(Messages, FormatFillsPlaceholdersInTheChosenLanguage) {
    EXPECT_EQ(format(lang::id, msg::kiosk_unknown, {"ABCD2345"}),
              "✗ ABCD2345 — kode tidak dikenal");
    EXPECT_EQ(format(lang::en, msg::kiosk_unknown, {"ABCD2345"}), "✗ ABCD2345 — unknown code");
    EXPECT_EQ(format(lang::en, msg::kiosk_already, {"Siti", "09:12"}),
              "• Siti — already checked in at 09:12");
    EXPECT_EQ(format(lang::id, msg::kiosk_already, {"Siti", "09:12"}),
              "• Siti — sudah hadir sejak pukul 09:12");
    EXPECT_EQ(text(lang::id, msg::view_present_now), "Hadir sekarang");
    EXPECT_EQ(text(lang::en, msg::view_present_now), "Present now");
}

TEST(Messages, LanguageNames) {
    EXPECT_EQ(parse_lang("id"), lang::id);
    EXPECT_EQ(parse_lang("EN"), lang::en);
    EXPECT_EQ(parse_lang("english"), lang::en);
    EXPECT_FALSE(parse_lang("fr"));
    EXPECT_STREQ(lang_code(lang::en), "en");
}

}  // namespace
}  // namespace bimtek::client::ui
