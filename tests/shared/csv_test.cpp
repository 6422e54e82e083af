#include "shared/text/csv.hpp"

#include <gtest/gtest.h>

namespace bimtek::text {
namespace {

TEST(Csv, ReadsQuotedFieldsAndLineNumbers) {
    auto doc = read_csv(
        "nama,kategori,wilayah\r\n"
        "\"Siti Nurhaliza\",KPM PKH Graduasi,\"Jakarta Timur, Cakung\"\r\n"
        "\r\n"
        "\"Ni Luh \"\"Ayu\"\" Putu\",Pendamping,\"Jakarta\nUtara\"\r\n"
        "Budi,Koordinator PKH,Jakarta Barat");
    ASSERT_FALSE(doc.error);
    ASSERT_EQ(doc.records.size(), 4u);
    EXPECT_EQ(doc.records[1].fields[2], "Jakarta Timur, Cakung");
    EXPECT_EQ(doc.records[1].line, 2u);
    EXPECT_EQ(doc.records[2].fields[0], "Ni Luh \"Ayu\" Putu");
    EXPECT_EQ(doc.records[2].fields[2], "Jakarta\nUtara");
    EXPECT_EQ(doc.records[2].line, 4u);
    EXPECT_EQ(doc.records[3].line, 6u);  // the quoted line break counted
}

TEST(Csv, SkipsBomAndDetectsSemicolons) {
    auto doc = read_csv("\xEF\xBB\xBFnama;wilayah\nSiti;Jakarta, Timur\n");
    ASSERT_FALSE(doc.error);
    ASSERT_EQ(doc.records.size(), 2u);
    EXPECT_EQ(doc.records[0].fields[0], "nama");
    EXPECT_EQ(doc.records[1].fields[1], "Jakarta, Timur");
}

TEST(Csv, KeepsEmptyFields) {
    auto doc = read_csv("a,,c\n,,\n");
    ASSERT_EQ(doc.records.size(), 2u);
    EXPECT_EQ(doc.records[0].fields, (std::vector<std::string>{"a", "", "c"}));
    EXPECT_EQ(doc.records[1].fields, (std::vector<std::string>{"", "", ""}));
}

TEST(Csv, ReportsUnclosedQuoteWithItsLine) {
    auto doc = read_csv("a,b\n1,2\n\"open,3\n4,5\n");
    ASSERT_TRUE(doc.error);
    EXPECT_EQ(doc.error->line, 3u);
    EXPECT_EQ(doc.records.size(), 2u);
}

TEST(Csv, ReportsStrayQuote) {
    auto doc = read_csv("a,b\nx\"y,2\n");
    ASSERT_TRUE(doc.error);
    EXPECT_EQ(doc.error->line, 2u);
}

TEST(Csv, WriterQuotesAndRoundTrips) {
    std::string out;
    write_csv_record(out, {"Siti, S.E.", "say \"halo\"", "plain", "multi\nline"});
    EXPECT_EQ(out, "\"Siti, S.E.\",\"say \"\"halo\"\"\",plain,\"multi\nline\"\r\n");
    auto doc = read_csv(out);
    ASSERT_EQ(doc.records.size(), 1u);
    EXPECT_EQ(doc.records[0].fields[1], "say \"halo\"");
}

TEST(Csv, WriterDefusesFormulas) {
    std::string out;
    write_csv_record(out, {"=HYPERLINK(\"x\")", "-5", "@SUM(A1)", "+62812"});
    auto doc = read_csv(out);
    ASSERT_EQ(doc.records.size(), 1u);
    EXPECT_EQ(doc.records[0].fields[0], "'=HYPERLINK(\"x\")");
    EXPECT_EQ(doc.records[0].fields[1], "-5");
    EXPECT_EQ(doc.records[0].fields[2], "'@SUM(A1)");
    EXPECT_EQ(doc.records[0].fields[3], "+62812");
}

}  // namespace
}  // namespace bimtek::text
