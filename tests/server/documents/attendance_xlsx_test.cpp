#include "server/documents/attendance_xlsx.hpp"

#include <gtest/gtest.h>

#include "tests/harness/temp_dir.hpp"
#include "tests/server/documents/document_readers.hpp"

namespace bimtek::documents {
namespace {

attendance_sheet sample() {
    attendance_sheet s;
    s.title = "Daftar Hadir — Bimtek Kewirausahaan Sosial & Digital";
    s.time_label = "WIB";
    s.sessions = {"Pembukaan", "Pemasaran Digital"};
    s.rows.push_back({"Siti Nurhaliza",
                      "KPM PKH Graduasi",
                      "Jakarta Timur — Cakung",
                      "Luring",
                      false,
                      "2026-11-26 08:50",
                      {55, 90},
                      145,
                      "Selesai",
                      true});
    s.rows.push_back({"Ni Luh Putu Ayu",
                      "Pendamping",
                      "Denpasar",
                      "Daring",
                      true,
                      "2026-11-26 09:02",
                      {30, 0},
                      30,
                      "Tidak selesai",
                      false});
    s.rows.push_back({"=1+1 \x01 Çağrı",
                      "Lainnya",
                      "Bekasi",
                      "Luring",
                      false,
                      "",
                      {0, 0},
                      0,
                      "Tidak selesai",
                      false});
    return s;
}

class AttendanceXlsx : public ::testing::Test {
protected:
    testing::workbook_cells render(attendance_sheet const& s) {
        auto bytes = render_attendance_xlsx(s, scratch_.path());
        if (!bytes.ok()) {
            ADD_FAILURE() << bytes.error().message;
            return {};
        }
        EXPECT_EQ(bytes->substr(0, 2), "PK");  // a zip container
        return testing::read_xlsx(*bytes);
    }
    testing::temp_dir scratch_;
};

TEST_F(AttendanceXlsx, OpensAsAWorkbookWithHeaderRowsAndTotals) {
    auto cells = render(sample());
    EXPECT_EQ(cells.sheet_title, "Daftar Hadir");
    ASSERT_EQ(cells.rows.size(), 1u + 3u + 1u);
    EXPECT_EQ(cells.rows[0],
              (std::vector<std::string>{"No", "Nama", "Kategori", "Wilayah", "Mode",
                                        "Check-in (WIB)", "Pembukaan (menit)",
                                        "Pemasaran Digital (menit)", "Total menit", "Status"}));
    EXPECT_EQ(cells.rows[1],
              (std::vector<std::string>{"1", "Siti Nurhaliza", "KPM PKH Graduasi",
                                        "Jakarta Timur — Cakung", "Luring", "2026-11-26 08:50",
                                        "55", "90", "145", "Selesai"}));
    EXPECT_EQ(cells.rows[2][1], "Ni Luh Putu Ayu");
    // Text is text (never a formula), control characters are gone.
    EXPECT_EQ(cells.rows[3][1], "=1+1   Çağrı");
    auto const& totals = cells.rows[4];
    EXPECT_EQ(totals[1], "Jumlah");
    EXPECT_EQ(totals[2], "3 peserta");
    EXPECT_EQ(totals[6], "=SUM(G2:G4)");
    EXPECT_EQ(totals[8], "=SUM(I2:I4)");
    EXPECT_EQ(totals[9], "1 selesai");
}

TEST_F(AttendanceXlsx, LeavesNoScratchFilesBehind) {
    render(sample());
    EXPECT_TRUE(std::filesystem::is_empty(scratch_.path()));
}

TEST_F(AttendanceXlsx, NoParticipantsStillOpens) {
    attendance_sheet s;
    s.title = "Kosong";
    s.sessions = {"Pembukaan"};
    auto cells = render(s);
    ASSERT_EQ(cells.rows.size(), 2u);
    EXPECT_EQ(cells.rows[1][2], "0 peserta");
}

TEST_F(AttendanceXlsx, AMissingScratchDirectoryIsAnError) {
    auto bytes = render_attendance_xlsx(sample(), scratch_.path() / "missing");
    ASSERT_FALSE(bytes.ok());
    EXPECT_EQ(bytes.error().code, "xlsx_failed");
}

}  // namespace
}  // namespace bimtek::documents
