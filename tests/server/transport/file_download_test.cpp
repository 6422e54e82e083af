#include "server/transport/api/file_download.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace bimtek::transport {
namespace {

std::string header(api_response const& r, std::string_view name) {
    for (auto const& [n, v] : r.headers)
        if (n == name) return v;
    return {};
}

class FileDownload : public ::testing::Test {
protected:
    api_response get(std::string range = {}, std::string if_none_match = {}) {
        api_request req;
        req.range = std::move(range);
        req.if_none_match = std::move(if_none_match);
        return download_response(req, d_);
    }
    download d_{"/data/files/ab/cdef",  1000,
                "application/pdf",      "\"abcdef\"",
                "Materi Pemasaran.pdf", disposition::attachment};
};

TEST_F(FileDownload, WholeFile) {
    auto r = get();
    EXPECT_EQ(r.status, 200u);
    EXPECT_EQ(r.content_type, "application/pdf");
    ASSERT_TRUE(r.file);
    EXPECT_EQ(r.file->path, "/data/files/ab/cdef");
    EXPECT_EQ(r.file->offset, 0u);
    EXPECT_EQ(r.file->length, 1000u);
    EXPECT_EQ(header(r, "ETag"), "\"abcdef\"");
    EXPECT_EQ(header(r, "Accept-Ranges"), "bytes");
    EXPECT_EQ(header(r, "Cache-Control"), "private, no-cache");
    EXPECT_EQ(header(r, "X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(header(r, "Content-Disposition"),
              "attachment; filename=\"Materi Pemasaran.pdf\"; "
              "filename*=UTF-8''Materi%20Pemasaran.pdf");
}

TEST_F(FileDownload, OneRangeIs206WithContentRange) {
    auto r = get("bytes=0-9");
    EXPECT_EQ(r.status, 206u);
    ASSERT_TRUE(r.file);
    EXPECT_EQ(r.file->offset, 0u);
    EXPECT_EQ(r.file->length, 10u);
    EXPECT_EQ(header(r, "Content-Range"), "bytes 0-9/1000");
    auto tail = get("bytes=-1");
    EXPECT_EQ(header(tail, "Content-Range"), "bytes 999-999/1000");
    EXPECT_EQ(tail.file->offset, 999u);
}

TEST_F(FileDownload, RangePastTheEndIs416WithTheSize) {
    auto r = get("bytes=1000-");
    EXPECT_EQ(r.status, 416u);
    EXPECT_FALSE(r.file);
    EXPECT_EQ(header(r, "Content-Range"), "bytes */1000");
    EXPECT_EQ(boost::json::parse(r.body).at("error").at("code").as_string(),
              "range_not_satisfiable");
}

TEST_F(FileDownload, MatchingEtagIs304WithoutBody) {
    auto r = get("bytes=0-9", "\"abcdef\"");
    EXPECT_EQ(r.status, 304u);
    EXPECT_FALSE(r.file);
    EXPECT_TRUE(r.body.empty());
    EXPECT_EQ(header(r, "ETag"), "\"abcdef\"");
    EXPECT_EQ(get({}, "\"other\"").status, 200u);
}

TEST(ContentDisposition, KeepsUtf8NamesAndAnAsciiFallback) {
    EXPECT_EQ(content_disposition(disposition::attachment, "Modul Usaha — Bu Siti.pdf"),
              "attachment; filename=\"Modul Usaha _ Bu Siti.pdf\"; "
              "filename*=UTF-8''Modul%20Usaha%20%E2%80%94%20Bu%20Siti.pdf");
    EXPECT_EQ(content_disposition(disposition::inline_view, "a\"b\\c%d.png"),
              "inline; filename=\"a_b_c_d.png\"; filename*=UTF-8''a%22b%5Cc%25d.png");
    EXPECT_EQ(content_disposition(disposition::attachment, "x;y=z.pdf"),
              "attachment; filename=\"x;y=z.pdf\"; filename*=UTF-8''x%3By%3Dz.pdf");
}

}  // namespace
}  // namespace bimtek::transport
