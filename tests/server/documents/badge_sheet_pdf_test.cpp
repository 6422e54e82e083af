#include "server/documents/badge_sheet_pdf.hpp"

#include <gtest/gtest.h>

#include "tests/server/documents/document_readers.hpp"

namespace bimtek::documents {
namespace {

using testing::pdf_pages;
using testing::pdf_qr_codes_by_cell;
using testing::pdf_text;

badge onsite(std::string name, std::string code) {
    return badge{std::move(name), "KPM PKH Graduasi · Jakarta Timur — Cakung", std::move(code),
                 false, ""};
}

badge online(std::string name, std::string code) {
    std::string link = "http://127.0.0.1:8080/?code=" + code;
    return badge{std::move(name), "Pendamping · Kepulauan Seribu", std::move(code), true,
                 std::move(link)};
}

TEST(BadgeSheetPdf, OnSiteBadgesCarryTheAccessCodeOnlineOnesTheInvitationLink) {
    badge_sheet sheet{"Bimtek Kewirausahaan Sosial KPM PKH Graduasi",
                      "26 November 2026",
                      {onsite("Siti Nurhaliza", "K7PM2QXD"), onsite("Budi Santoso", "A2B3C4D5"),
                       online("Ni Luh Putu Ayu", "Z9Y8X7W6")}};
    auto pdf = render_badge_sheet(sheet);
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    EXPECT_EQ(pdf_pages(*pdf), 1);
    auto cells = pdf_qr_codes_by_cell(*pdf, 1, 2, 4);
    EXPECT_EQ(cells[0], std::vector<std::string>{"K7PM2QXD"});
    EXPECT_EQ(cells[1], std::vector<std::string>{"A2B3C4D5"});
    EXPECT_EQ(cells[2], std::vector<std::string>{"http://127.0.0.1:8080/?code=Z9Y8X7W6"});
    for (std::size_t i = 3; i < cells.size(); ++i) EXPECT_TRUE(cells[i].empty());
    std::string text = pdf_text(*pdf);
    for (char const* expected :
         {"Siti Nurhaliza", "Budi Santoso", "Ni Luh Putu Ayu", "K7PM2QXD", "PESERTA LURING",
          "PESERTA DARING", "Undangan daring:", "http://127.0.0.1:8080/?code=Z9Y8X7W6",
          "Bimtek Kewirausahaan Sosial KPM PKH Graduasi"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n---\n" << text;
}

TEST(BadgeSheetPdf, EightBadgesPerPage) {
    badge_sheet sheet{"Bimtek", "26 November 2026", {}};
    for (int i = 0; i < 11; ++i)
        sheet.badges.push_back(
            onsite("Peserta " + std::to_string(i + 1), "CODE" + std::to_string(1000 + i)));
    auto pdf = render_badge_sheet(sheet);
    ASSERT_TRUE(pdf.ok());
    EXPECT_EQ(pdf_pages(*pdf), 2);
    auto first = pdf_qr_codes_by_cell(*pdf, 1, 2, 4);
    for (int i = 0; i < 8; ++i)
        EXPECT_EQ(first[static_cast<std::size_t>(i)],
                  std::vector<std::string>{"CODE" + std::to_string(1000 + i)});
    auto second = pdf_qr_codes_by_cell(*pdf, 2, 2, 4);
    for (int i = 0; i < 8; ++i)
        EXPECT_EQ(second[static_cast<std::size_t>(i)],
                  i < 3 ? std::vector<std::string>{"CODE" + std::to_string(1008 + i)}
                        : std::vector<std::string>{});
}

TEST(BadgeSheetPdf, AnEmptyRosterGivesOnePageSayingSo) {
    auto pdf = render_badge_sheet(badge_sheet{"Bimtek Kosong", "", {}});
    ASSERT_TRUE(pdf.ok());
    EXPECT_EQ(pdf_pages(*pdf), 1);
    EXPECT_NE(pdf_text(*pdf).find("Belum ada peserta."), std::string::npos);
}

}  // namespace
}  // namespace bimtek::documents
