#include "server/documents/attendance_csv.hpp"

#include <gtest/gtest.h>

#include "shared/text/csv.hpp"

namespace bimtek::documents {
namespace {

attendance_sheet sample() {
    attendance_sheet s;
    s.title = "Daftar Hadir — Bimtek";
    s.time_label = "WIB";
    s.sessions = {"Pembukaan", "Pemasaran Digital, Bagian 1"};
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
    s.rows.push_back({"\"Budi\" Santoso, S.E.",
                      "Lainnya",
                      "Bekasi",
                      "Luring",
                      false,
                      "",
                      {0, 0},
                      0,
                      "Tidak selesai",
                      false});
    s.rows.push_back({"=HYPERLINK(\"http://x\")",
                      "Lainnya",
                      "Bogor",
                      "Daring",
                      true,
                      "",
                      {0, 0},
                      0,
                      "Tidak selesai",
                      false});
    return s;
}

TEST(AttendanceCsv, StartsWithAByteOrderMarkAndEndsLinesWithCrlf) {
    std::string csv = render_attendance_csv(sample());
    EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
}

TEST(AttendanceCsv, ParsesBackWithOneRowPerParticipantAndATotalsRow) {
    auto doc = text::read_csv(render_attendance_csv(sample()));
    ASSERT_FALSE(doc.error) << doc.error->message;
    ASSERT_EQ(doc.records.size(), 1u + 4u + 1u);
    EXPECT_EQ(
        doc.records[0].fields,
        (std::vector<std::string>{"No", "Nama", "Kategori", "Wilayah", "Mode", "Check-in (WIB)",
                                  "Pembukaan (menit)", "Pemasaran Digital, Bagian 1 (menit)",
                                  "Total menit", "Status"}));
    EXPECT_EQ(doc.records[1].fields,
              (std::vector<std::string>{"1", "Siti Nurhaliza", "KPM PKH Graduasi",
                                        "Jakarta Timur — Cakung", "Luring", "2026-11-26 08:50",
                                        "55", "90", "145", "Selesai"}));
    EXPECT_EQ(doc.records[2].fields[1], "Ni Luh Putu Ayu");
    EXPECT_EQ(doc.records[3].fields[1], "\"Budi\" Santoso, S.E.");
    // A name that looks like a formula is kept from running in a spreadsheet.
    EXPECT_EQ(doc.records[4].fields[1], "'=HYPERLINK(\"http://x\")");
    EXPECT_EQ(doc.records[5].fields,
              (std::vector<std::string>{"", "Jumlah", "4 peserta", "", "Luring 2 / Daring 2",
                                        "2 hadir", "85", "90", "175", "1 selesai"}));
    for (auto const& r : doc.records) EXPECT_EQ(r.fields.size(), 10u);
}

TEST(AttendanceCsv, NoParticipantsGivesHeaderAndTotals) {
    attendance_sheet s;
    s.sessions = {"Pembukaan"};
    auto doc = text::read_csv(render_attendance_csv(s));
    ASSERT_FALSE(doc.error);
    ASSERT_EQ(doc.records.size(), 2u);
    EXPECT_EQ(doc.records[0].fields[5], "Check-in");
    EXPECT_EQ(doc.records[1].fields[2], "0 peserta");
}

}  // namespace
}  // namespace bimtek::documents
