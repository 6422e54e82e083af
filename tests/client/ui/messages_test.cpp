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

TEST(Messages, ConnectionFaultsInWordsOfTheUsersLanguage) {
    using net::fault_kind;
    EXPECT_EQ(describe(lang::id, {fault_kind::refused, "connect: Connection refused"}),
              "koneksi ditolak; apakah server berjalan?");
    EXPECT_EQ(describe(lang::en, {fault_kind::name_not_found, "resolve: Host not found"}),
              "server name not found");
    EXPECT_EQ(describe(lang::id, {fault_kind::timed_out, "timeout"}),
              "tidak ada jawaban dalam batas waktu");
    // Every kind but "other" has words of its own in both languages.
    for (auto k : {fault_kind::name_not_found, fault_kind::refused, fault_kind::no_route,
                   fault_kind::timed_out, fault_kind::dropped, fault_kind::closed,
                   fault_kind::silent, fault_kind::stream_gap}) {
        EXPECT_NE(describe(lang::id, {k, "x"}), "x");
        EXPECT_NE(describe(lang::en, {k, "x"}), describe(lang::id, {k, "x"}));
    }
    // What has no name of ours keeps the library's words; no fault, no words.
    EXPECT_EQ(describe(lang::id, {fault_kind::other, "Invalid HTTP status."}),
              "Invalid HTTP status.");
    EXPECT_EQ(describe(lang::id, {}), "");
}

}  // namespace
}  // namespace bimtek::client::ui
