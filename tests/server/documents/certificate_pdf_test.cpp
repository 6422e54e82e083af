#include "server/documents/certificate_pdf.hpp"

#include <gtest/gtest.h>

#include "tests/server/documents/document_readers.hpp"

namespace bimtek::documents {
namespace {

using testing::pdf_pages;
using testing::pdf_qr_codes;
using testing::pdf_text;

certificate_page page_for(std::string name, std::string code) {
    certificate_page p;
    p.participant_name = std::move(name);
    p.event_title = "Bimtek Kewirausahaan Sosial KPM PKH Graduasi — DKI Jakarta";
    p.venue = "Aula Kementerian Sosial RI, Jakarta Pusat";
    p.dates = "26 November 2026";
    p.hours = "6 jam 30 menit";
    p.code = std::move(code);
    p.verify_url = "http://127.0.0.1:8080/verify/" + p.code;
    p.issued = "Diterbitkan 26 November 2026";
    return p;
}

TEST(CertificatePdf, HoldsTheNameEventDatesHoursAndCode) {
    auto pdf = render_certificates({page_for("Ni Luh Putu Ayu", "7KQ2M9XDPA4T")});
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
    EXPECT_EQ(pdf_pages(*pdf), 1);
    std::string text = pdf_text(*pdf);
    for (char const* expected :
         {"SERTIFIKAT", "diberikan kepada", "Ni Luh Putu Ayu",
          "Bimtek Kewirausahaan Sosial KPM PKH Graduasi — DKI Jakarta", "26 November 2026",
          "Aula Kementerian Sosial RI, Jakarta Pusat", "6 jam 30 menit", "7KQ2M9XDPA4T",
          "http://127.0.0.1:8080/verify/7KQ2M9XDPA4T"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n---\n" << text;
}

TEST(CertificatePdf, TheQrCodeIsTheVerificationUrl) {
    auto pdf = render_certificates({page_for("Siti Nurhaliza", "ABCDEFGHJKMN")});
    ASSERT_TRUE(pdf.ok());
    auto codes = pdf_qr_codes(*pdf);
    ASSERT_EQ(codes.size(), 1u);
    EXPECT_EQ(codes[0], "http://127.0.0.1:8080/verify/ABCDEFGHJKMN");
}

TEST(CertificatePdf, OnePagePerParticipant) {
    auto pdf = render_certificates({page_for("Siti Nurhaliza", "AAAAAAAAAAAA"),
                                    page_for("Ni Luh Putu Ayu", "BBBBBBBBBBBB"),
                                    page_for("Budi Santoso", "CCCCCCCCCCCC")});
    ASSERT_TRUE(pdf.ok());
    EXPECT_EQ(pdf_pages(*pdf), 3);
    auto second = pdf_qr_codes(*pdf, 2);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0], "http://127.0.0.1:8080/verify/BBBBBBBBBBBB");
    std::string text = pdf_text(*pdf);
    auto siti = text.find("Siti Nurhaliza"), ayu = text.find("Ni Luh Putu Ayu"),
         budi = text.find("Budi Santoso");
    ASSERT_NE(budi, std::string::npos);
    EXPECT_LT(siti, ayu);
    EXPECT_LT(ayu, budi);
}

TEST(CertificatePdf, AccentedAndVeryLongNamesPrint) {
    std::string longest =
        "Anak Agung Istri Ngurah Made Wíra Dharmā Kusumawardhani Puspitasari Ningrum Wulandari";
    auto pdf = render_certificates({page_for(longest, "DDDDDDDDDDDD")});
    ASSERT_TRUE(pdf.ok());
    std::string text = pdf_text(*pdf);
    // Long names wrap onto two lines: look for both halves.
    EXPECT_NE(text.find("Anak Agung Istri Ngurah"), std::string::npos) << text;
    EXPECT_NE(text.find("Wíra Dharmā"), std::string::npos) << text;
    EXPECT_NE(text.find("Wulandari"), std::string::npos) << text;
}

TEST(CertificatePdf, NothingToRenderIsAnError) {
    auto pdf = render_certificates({});
    ASSERT_FALSE(pdf.ok());
    EXPECT_EQ(pdf.error().code, "pdf_failed");
}

}  // namespace
}  // namespace bimtek::documents
