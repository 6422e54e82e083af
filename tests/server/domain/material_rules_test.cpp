#include "server/domain/material_rules.hpp"

#include "tests/server/domain/domain_fixture.hpp"

namespace bimtek::test {
namespace {

using namespace domain;

constexpr char const* pptx =
    "application/vnd.openxmlformats-officedocument.presentationml.presentation";

TEST(material_rules, the_allow_list_by_content_type) {
    EXPECT_EQ(material_type("application/pdf", "x"), "application/pdf");
    EXPECT_EQ(material_type("Application/PDF; charset=binary", "x"), "application/pdf");
    EXPECT_EQ(material_type(pptx, "x"), pptx);
    EXPECT_EQ(material_type("image/jpg", "x"), "image/jpeg");
    EXPECT_EQ(material_type("video/mp4", "x"), "video/mp4");
    for (auto refused :
         {"text/html", "image/svg+xml", "application/zip", "application/x-msdownload",
          "video/quicktime", "application/msword", "text/plain"})
        EXPECT_EQ(material_type(refused, "materi.pdf"), std::nullopt) << refused;
}

TEST(material_rules, octet_stream_or_no_type_goes_by_the_extension) {
    EXPECT_EQ(material_type("application/octet-stream", "Slide Pemasaran.PPTX"), pptx);
    EXPECT_EQ(material_type("", "foto.jpeg"), "image/jpeg");
    EXPECT_EQ(material_type("", "dir/modul.pdf"), "application/pdf");
    EXPECT_EQ(material_type("application/octet-stream", "setup.exe"), std::nullopt);
    EXPECT_EQ(material_type("", "noextension"), std::nullopt);
    EXPECT_EQ(material_type("", ".pdf"), std::nullopt);
}

TEST(material_rules, files_must_start_like_their_type) {
    EXPECT_TRUE(matches_signature("application/pdf", "%PDF-1.7\n..."));
    EXPECT_FALSE(matches_signature("application/pdf", "<html><script>"));
    EXPECT_TRUE(matches_signature(pptx, std::string("PK\x03\x04rest", 8)));
    EXPECT_FALSE(matches_signature(pptx, "%PDF-1.4"));
    EXPECT_TRUE(matches_signature("image/png", "\x89PNG\r\n\x1A\n...."));
    EXPECT_TRUE(matches_signature("image/jpeg", "\xFF\xD8\xFF\xE0...."));
    EXPECT_TRUE(matches_signature("image/gif", "GIF89a..."));
    EXPECT_TRUE(matches_signature("image/webp", "RIFF\x10\x20\x30\x40WEBPVP8 "));
    EXPECT_TRUE(matches_signature("video/mp4", std::string("\0\0\0\x18"
                                                           "ftypmp42",
                                                           12)));
    EXPECT_FALSE(matches_signature("video/mp4", "short"));
    EXPECT_FALSE(matches_signature("text/html", "<html>"));
}

std::string clean(std::string_view raw, std::string_view type = "application/pdf") {
    auto r = clean_material_filename(raw, type);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : std::string{};
}

TEST(material_rules, names_keep_only_their_last_component) {
    EXPECT_EQ(clean("../../etc/passwd"), "passwd");
    EXPECT_EQ(clean("C:\\Users\\rina\\Materi Pemasaran.pdf"), "Materi Pemasaran.pdf");
    EXPECT_EQ(clean("/abs/path/modul.pdf"), "modul.pdf");
    EXPECT_EQ(clean(".."), "materi.pdf");
    EXPECT_EQ(clean("dir/"), "materi.pdf");
    EXPECT_EQ(clean(""), "materi.pdf");
    EXPECT_EQ(clean("", pptx), "materi.pptx");
}

TEST(material_rules, names_lose_controls_bidi_overrides_and_odd_spacing) {
    EXPECT_EQ(clean("Modul\tUsaha\n Bu  Siti.pdf"), "Modul Usaha Bu Siti.pdf");
    // U+202E RIGHT-TO-LEFT OVERRIDE would show "invoice\u202Efdp.exe" as "invoiceexe.pdf".
    EXPECT_EQ(clean("invoice\xE2\x80\xAE"
                    "fdp.exe"),
              "invoicefdp.exe");
    EXPECT_EQ(clean("zero\xE2\x80\x8Bwidth\xEF\xBB\xBF.pdf"), "zerowidth.pdf");
    EXPECT_EQ(clean(".hidden.pdf"), "hidden.pdf");
    EXPECT_EQ(clean("trailing.pdf. . "), "trailing.pdf");
    EXPECT_EQ(clean("Materi — Ibu Ayu ✓.pdf"), "Materi — Ibu Ayu ✓.pdf");
}

TEST(material_rules, long_names_are_cut_keeping_the_extension) {
    std::string name = clean(std::string(300, 'a') + ".pptx", pptx);
    EXPECT_EQ(name.size(), 200u);
    EXPECT_EQ(name.substr(name.size() - 5), ".pptx");
    std::string wide = clean(std::string(250 * 3 / 3, 'x') + "é" + std::string(10, 'y') + ".pdf");
    EXPECT_EQ(wide.substr(wide.size() - 4), ".pdf");
}

TEST(material_rules, names_that_are_not_utf8_are_refused) {
    auto r = clean_material_filename("bad\xFF.pdf", "application/pdf");
    EXPECT_ERROR(r, invalid, "invalid_field");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().problems.at(0).field, "filename");
    EXPECT_EQ(r.error().problems.at(0).code, "invalid_utf8");
}

TEST(material_rules, extensions_for_types) {
    EXPECT_EQ(extension_for("application/pdf"), ".pdf");
    EXPECT_EQ(extension_for("image/jpeg"), ".jpg");
    EXPECT_EQ(extension_for("text/html"), "");
}

}  // namespace
}  // namespace bimtek::test
