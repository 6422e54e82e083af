#include "server/documents/pdf_canvas.hpp"

#include <gtest/gtest.h>

#include "tests/server/documents/document_readers.hpp"

namespace bimtek::documents {
namespace {

using testing::pdf_qr_codes;
using testing::pdf_text;

std::unique_ptr<pdf_canvas> canvas(font_files const& fonts = {}) {
    auto c = pdf_canvas::create("test", fonts);
    EXPECT_TRUE(c.ok()) << c.error().message;
    (*c)->add_page(orientation::portrait);
    return std::move(*c);
}

std::string saved(pdf_canvas& c) {
    auto bytes = c.save();
    EXPECT_TRUE(bytes.ok()) << bytes.error().message;
    return bytes.ok() ? *bytes : std::string{};
}

TEST(PdfCanvas, EmbeddedFontPrintsUnicodeNamesThatPdftotextReadsBack) {
    auto c = canvas();
    ASSERT_TRUE(c->unicode_fonts()) << "DejaVu Sans (fonts-dejavu-core) should be installed";
    c->text(50, 700, "Ni Luh Putu Ayu", weight::bold, 20);
    c->text(50, 660, "Çağrı Ñoño — Dewa Ayu Sekar Wangi, Nguyễn Thị Hồng", weight::regular, 12);
    std::string text = pdf_text(saved(*c));
    EXPECT_NE(text.find("Ni Luh Putu Ayu"), std::string::npos) << text;
    EXPECT_NE(text.find("Çağrı Ñoño — Dewa Ayu Sekar Wangi, Nguyễn Thị Hồng"), std::string::npos)
        << text;
}

TEST(PdfCanvas, WithoutTheFontFilesFallsBackToHelveticaAndWinAnsi) {
    auto c = canvas(font_files{"/nonexistent/regular.ttf", "/nonexistent/bold.ttf"});
    EXPECT_FALSE(c->unicode_fonts());
    c->text(50, 700, "Siti Nurhaliza Ñoño “kutip” — Çağrı", weight::bold, 14);
    std::string text = pdf_text(saved(*c));
    // ğ and ı are not in Windows-1252.
    EXPECT_NE(text.find("Siti Nurhaliza Ñoño “kutip” — Ça?r?"), std::string::npos) << text;
}

TEST(PdfCanvas, AQrCodeReadsBackWithZbar) {
    auto c = canvas();
    auto m = encode_qr("http://192.168.1.10:8080/verify/7KQ2M9XDPA4T");
    ASSERT_TRUE(m.ok());
    c->qr(*m, 100, 500, 96);
    auto codes = pdf_qr_codes(saved(*c));
    ASSERT_EQ(codes.size(), 1u);
    EXPECT_EQ(codes[0], "http://192.168.1.10:8080/verify/7KQ2M9XDPA4T");
}

TEST(PdfCanvas, WrapBreaksAtSpacesWithinTheWidth) {
    auto c = canvas();
    std::string title =
        "Bimtek Kewirausahaan Sosial bagi Keluarga Penerima Manfaat PKH Graduasi Mandiri "
        "Provinsi DKI Jakarta Tahun 2026";
    auto lines = c->wrap(title, weight::regular, 12, 200, 10);
    ASSERT_GT(lines.size(), 1u);
    std::string joined;
    for (auto const& l : lines) {
        EXPECT_LE(c->text_width(l, weight::regular, 12), 200.0f) << l;
        joined += (joined.empty() ? "" : " ") + l;
    }
    EXPECT_EQ(joined, title);
}

TEST(PdfCanvas, WrapCutsWordsLongerThanALineAndEllipsizesTheLastLine) {
    auto c = canvas();
    auto long_word = c->wrap(std::string(200, 'W'), weight::bold, 12, 100, 50);
    ASSERT_GT(long_word.size(), 1u);
    for (auto const& l : long_word) EXPECT_LE(c->text_width(l, weight::bold, 12), 100.0f);

    auto cut = c->wrap("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh",
                       weight::regular, 12, 80, 2);
    ASSERT_EQ(cut.size(), 2u);
    EXPECT_EQ(cut[1].substr(cut[1].size() - 3), "\xE2\x80\xA6");
    EXPECT_LE(c->text_width(cut[1], weight::regular, 12), 80.0f);
    EXPECT_TRUE(c->wrap("", weight::regular, 12, 80, 2).empty());
}

TEST(PdfCanvas, FitSizeShrinksLongTextDownToTheMinimum) {
    auto c = canvas();
    EXPECT_FLOAT_EQ(c->fit_size("Ayu", weight::bold, 30, 10, 500), 30.0f);
    float s = c->fit_size("Ni Luh Putu Ayu Kusuma Dewi Wulandari", weight::bold, 30, 10, 300);
    EXPECT_LT(s, 30.0f);
    EXPECT_LE(c->text_width("Ni Luh Putu Ayu Kusuma Dewi Wulandari", weight::bold, s), 300.5f);
    EXPECT_FLOAT_EQ(c->fit_size(std::string(500, 'M'), weight::bold, 30, 10, 100), 10.0f);
}

TEST(PdfCanvas, BrokenTextStillMakesAValidDocument) {
    auto c = canvas();
    c->text(50, 700, "bad \xFF\xFE bytes \x01 and \xF0\x9F\x98\x80", weight::regular, 12);
    std::string text = pdf_text(saved(*c));
    // pdftotext collapses the runs of spaces.
    EXPECT_NE(text.find("bad ?? bytes"), std::string::npos) << text;
    EXPECT_NE(text.find("and ?"), std::string::npos) << text;
}

}  // namespace
}  // namespace bimtek::documents
