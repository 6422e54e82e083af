// Materials against the real server over loopback: uploads (types, limits, interrupted and
// concurrent ones), listing and publishing, downloads by signed link and by token with Range,
// ETag and Content-Disposition, permissions, and the stream's material updates.
#include <gtest/gtest.h>

#include <cstdio>
#include <thread>

#include <boost/json.hpp>

#include "tests/harness/http_client.hpp"
#include "tests/harness/test_server.hpp"
#include "tests/harness/ws_client.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;

constexpr char const* pdf_type = "application/pdf";
constexpr char const* pptx_type =
    "application/vnd.openxmlformats-officedocument.presentationml.presentation";

// A PDF-looking file of exactly "size" bytes (size >= 9), distinct per "seed".
std::string pdf_bytes(std::size_t size, int seed = 0) {
    std::string out = "%PDF-1.4\n";
    out.reserve(size);
    for (std::size_t i = out.size(); i < size; ++i)
        out.push_back(static_cast<char>((i * 7 + static_cast<std::size_t>(seed) * 13) % 251));
    out.resize(size);
    return out;
}

std::string url_encode(std::string const& s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '.' || c == '-' || c == '_') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

class ApiMaterials : public ::testing::Test {
protected:
    void SetUp() override {
        coordinator_.set_token(server_.login_coordinator());
        speaker_.set_token(server_.login_speaker());
        participant_.set_token(server_.join(server_.code_of("online", 0)));
        session_ = server_.demo().at("speaker").at("session_id").as_int64();
        other_session_ = server_.demo().at("sessions").at(1).as_int64();
    }

    http_response upload(http_client& c, std::int64_t session, std::string const& filename,
                         std::string const& body, std::string const& type = pdf_type,
                         std::string const& extra_query = {}) {
        return c.post("/api/v1/sessions/" + std::to_string(session) +
                          "/materials?filename=" + url_encode(filename) + extra_query,
                      body, type);
    }
    json::object uploaded(std::string const& filename, std::string const& body) {
        auto r = upload(speaker_, session_, filename, body);
        EXPECT_EQ(r.status, 201) << r.body;
        return r.json().as_object();
    }
    json::array listing(http_client& c, std::int64_t session) {
        auto r = c.get("/api/v1/sessions/" + std::to_string(session) + "/materials");
        EXPECT_EQ(r.status, 200) << r.body;
        return r.json().at("materials").as_array();
    }
    // The material's link as "viewer" lists it.
    std::string link_for(http_client& viewer, std::int64_t id) {
        for (auto const& m : listing(viewer, session_))
            if (m.at("id").as_int64() == id) return std::string(m.at("url").as_string());
        return {};
    }
    std::size_t stored_files() {
        std::size_t n = 0;
        auto root = server_.data_dir() / "files";
        if (!std::filesystem::exists(root)) return 0;
        for (auto const& e : std::filesystem::recursive_directory_iterator(root))
            n += e.is_regular_file();
        return n;
    }

    test_server server_;
    http_client coordinator_{server_.port()};
    http_client speaker_{server_.port()};
    http_client participant_{server_.port()};
    http_client anonymous_{server_.port()};  // no token: a phone's download manager
    std::int64_t session_ = 0;
    std::int64_t other_session_ = 0;
};

TEST_F(ApiMaterials, SpeakerUploadsParticipantResumesWithRangeAndRevalidatesWithEtag) {
    std::string body = pdf_bytes(5000);
    auto m = uploaded("Materi Pemasaran — Bu Siti.pdf", body);
    EXPECT_EQ(m.at("filename").as_string(), "Materi Pemasaran — Bu Siti.pdf");
    EXPECT_EQ(m.at("content_type").as_string(), pdf_type);
    EXPECT_EQ(m.at("size").as_int64(), 5000);
    EXPECT_EQ(m.at("session_id").as_int64(), session_);
    EXPECT_TRUE(m.at("published").as_bool());
    EXPECT_TRUE(m.contains("uploaded_at"));
    auto id = m.at("id").as_int64();

    std::string url = link_for(participant_, id);
    ASSERT_EQ(url.rfind("/api/v1/materials/" + std::to_string(id) + "/download?", 0), 0u) << url;

    auto part = anonymous_.get(url, {{"Range", "bytes=0-9"}});
    ASSERT_EQ(part.status, 206) << part.body;
    EXPECT_EQ(part.body, body.substr(0, 10));
    EXPECT_EQ(part.header("content-range"), "bytes 0-9/5000");
    EXPECT_EQ(part.header("content-type"), pdf_type);
    std::string etag = part.header("etag");
    ASSERT_FALSE(etag.empty());

    auto not_modified = anonymous_.get(url, {{"If-None-Match", etag}});
    EXPECT_EQ(not_modified.status, 304);
    EXPECT_TRUE(not_modified.body.empty());

    auto whole = anonymous_.get(url);
    ASSERT_EQ(whole.status, 200);
    EXPECT_EQ(whole.body, body);
    EXPECT_EQ(whole.header("accept-ranges"), "bytes");
    EXPECT_EQ(whole.header("content-disposition"),
              "attachment; filename=\"Materi Pemasaran _ Bu Siti.pdf\"; "
              "filename*=UTF-8''Materi%20Pemasaran%20%E2%80%94%20Bu%20Siti.pdf");
    EXPECT_EQ(whole.header("x-content-type-options"), "nosniff");

    // Resuming where a dropped download stopped, and the last bytes.
    auto rest = anonymous_.get(url, {{"Range", "bytes=4000-"}});
    ASSERT_EQ(rest.status, 206);
    EXPECT_EQ(rest.body, body.substr(4000));
    auto tail = anonymous_.get(url, {{"Range", "bytes=-100"}});
    EXPECT_EQ(tail.body, body.substr(4900));
    EXPECT_EQ(tail.header("content-range"), "bytes 4900-4999/5000");

    auto past = anonymous_.get(url, {{"Range", "bytes=5000-"}});
    EXPECT_EQ(past.status, 416);
    EXPECT_EQ(past.header("content-range"), "bytes */5000");
    // A header we do not understand is ignored: the whole file.
    EXPECT_EQ(anonymous_.get(url, {{"Range", "bytes=9-1"}}).status, 200);
    EXPECT_EQ(anonymous_.get(url, {{"Range", "bytes=0-1,5-6"}}).body, body);
}

TEST_F(ApiMaterials, RangesAcrossSizesAndBufferBoundaries) {
    for (std::size_t size : {9u, 10u, 16383u, 16384u, 16385u, 65537u, 300000u}) {
        std::string body = pdf_bytes(size, static_cast<int>(size % 97));
        auto id = uploaded("ukuran-" + std::to_string(size) + ".pdf", body).at("id").as_int64();
        std::string url = link_for(participant_, id);
        auto whole = anonymous_.get(url);
        ASSERT_EQ(whole.status, 200) << size;
        EXPECT_EQ(whole.body, body) << size;
        std::size_t from = size / 3, to = size - 2;
        auto mid = anonymous_.get(
            url, {{"Range", "bytes=" + std::to_string(from) + "-" + std::to_string(to)}});
        ASSERT_EQ(mid.status, 206) << size;
        EXPECT_EQ(mid.body, body.substr(from, to - from + 1)) << size;
        auto last = anonymous_.get(url, {{"Range", "bytes=" + std::to_string(size - 1) + "-"}});
        EXPECT_EQ(last.body, body.substr(size - 1)) << size;
        auto beyond = anonymous_.get(url, {{"Range", "bytes=" + std::to_string(size) + "-"}});
        EXPECT_EQ(beyond.status, 416) << size;
    }
}

TEST_F(ApiMaterials, HeadGivesTheHeadersWithoutTheBody) {
    auto id = uploaded("a.pdf", pdf_bytes(1234)).at("id").as_int64();
    auto head = anonymous_.request("HEAD", link_for(participant_, id), "", {});
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.header("content-length"), "1234");
    EXPECT_TRUE(head.body.empty());
}

TEST_F(ApiMaterials, ABearerTokenWorksOnTheSamePathWithoutTheSignature) {
    std::string body = pdf_bytes(100);
    auto id = uploaded("a.pdf", body).at("id").as_int64();
    std::string path = "/api/v1/materials/" + std::to_string(id) + "/download";
    EXPECT_EQ(participant_.get(path).body, body);
    EXPECT_EQ(participant_.get(path, {{"Range", "bytes=1-2"}}).status, 206);
    EXPECT_EQ(anonymous_.get(path).status, 401);
    http_client bad(server_.port());
    bad.set_token("not-a-token");
    EXPECT_EQ(bad.get(path).status, 401);
}

TEST_F(ApiMaterials, TamperedOrForeignLinksDoNotWork) {
    auto a = uploaded("a.pdf", pdf_bytes(100, 1)).at("id").as_int64();
    auto b = uploaded("b.pdf", pdf_bytes(100, 2)).at("id").as_int64();
    std::string url = link_for(participant_, a);
    std::string other = url;
    std::string from = "/materials/" + std::to_string(a) + "/",
                to = "/materials/" + std::to_string(b) + "/";
    other.replace(other.find(from), from.size(), to);
    EXPECT_EQ(anonymous_.get(other).status, 403);
    std::string sig = url.substr(0, url.size() - 1) + (url.back() == '0' ? "1" : "0");
    EXPECT_EQ(anonymous_.get(sig).status, 403);
    std::string staff = url;
    staff.replace(staff.find("scope=public"), 12, "scope=staff");
    EXPECT_EQ(anonymous_.get(staff).status, 403);
}

TEST_F(ApiMaterials, UnpublishedMaterialIsForStaffOnly) {
    auto m = uploaded("draf.pdf", pdf_bytes(200));
    auto id = m.at("id").as_int64();
    std::string public_url = link_for(participant_, id);
    auto r = speaker_.patch("/api/v1/materials/" + std::to_string(id), R"({"published":false})");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_FALSE(r.json().at("published").as_bool());

    EXPECT_TRUE(listing(participant_, session_).empty());
    EXPECT_EQ(listing(coordinator_, session_).size(), 1u);
    EXPECT_EQ(anonymous_.get(public_url).status, 404);
    EXPECT_EQ(participant_.get("/api/v1/materials/" + std::to_string(id) + "/download").status,
              404);
    std::string staff_url = link_for(coordinator_, id);
    EXPECT_NE(staff_url.find("scope=staff"), std::string::npos);
    EXPECT_EQ(anonymous_.get(staff_url).status, 200);

    ASSERT_EQ(
        speaker_.patch("/api/v1/materials/" + std::to_string(id), R"({"published":true})").status,
        200);
    EXPECT_EQ(anonymous_.get(public_url).status, 200);
    EXPECT_EQ(speaker_.patch("/api/v1/materials/" + std::to_string(id), R"({})").status, 422);
}

TEST_F(ApiMaterials, DraftUploadsAndTheStreamUpdates) {
    ws_client ws(server_.port());
    ws.hello(server_.join(server_.code_of("online", 1)));

    auto draft =
        upload(speaker_, session_, "draf.pdf", pdf_bytes(300), pdf_type, "&published=false");
    ASSERT_EQ(draft.status, 201) << draft.body;
    EXPECT_FALSE(draft.json().at("published").as_bool());
    auto id = draft.json().at("id").as_int64();

    ASSERT_EQ(
        speaker_.patch("/api/v1/materials/" + std::to_string(id), R"({"published":true})").status,
        200);
    auto published = ws.next_update("material.published");
    ASSERT_TRUE(published);
    auto const& m = published->at("data").at("material");
    EXPECT_EQ(m.at("id").as_int64(), id);
    EXPECT_EQ(m.at("session_id").as_int64(), session_);
    EXPECT_EQ(m.at("filename").as_string(), "draf.pdf");
    EXPECT_EQ(m.at("content_type").as_string(), pdf_type);
    EXPECT_EQ(m.at("size").as_int64(), 300);
    // The stream's link works for anyone who got it.
    EXPECT_EQ(anonymous_.get(std::string(m.at("url").as_string())).status, 200);

    ASSERT_EQ(speaker_.del("/api/v1/materials/" + std::to_string(id)).status, 204);
    auto gone = ws.next_update("material.unpublished");
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->at("data").at("material").at("id").as_int64(), id);
    EXPECT_EQ(gone->at("data").at("material").at("session_id").as_int64(), session_);
}

TEST_F(ApiMaterials, TypesOutsideTheAllowListAre415) {
    auto html =
        upload(speaker_, session_, "x.html", "<html><script>alert(1)</script></html>", "text/html");
    EXPECT_EQ(html.status, 415);
    EXPECT_EQ(html.json().at("error").at("code").as_string(), "unsupported_type");
    auto svg = upload(speaker_, session_, "x.svg", "<svg/>", "image/svg+xml");
    EXPECT_EQ(svg.status, 415);
    auto exe = upload(speaker_, session_, "setup.exe", "MZ....", "application/octet-stream");
    EXPECT_EQ(exe.status, 415);
    // Declared a PDF, but it is not one.
    auto fake = upload(speaker_, session_, "x.pdf", "<html>not a pdf</html>", pdf_type);
    EXPECT_EQ(fake.status, 415);
    EXPECT_EQ(fake.json().at("error").at("code").as_string(), "content_mismatch");
    EXPECT_TRUE(listing(coordinator_, session_).empty());
    EXPECT_EQ(stored_files(), 0u);
}

TEST_F(ApiMaterials, OctetStreamIsTypedByTheExtension) {
    std::string pptx = std::string("PK\x03\x04", 4) + std::string(500, 'x');
    auto r = upload(speaker_, session_, "Slide Pemasaran.pptx", pptx, "application/octet-stream");
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json().at("content_type").as_string(), pptx_type);
    auto img = upload(speaker_, session_, "foto.JPG", "\xFF\xD8\xFF\xE0 jpeg", "");
    ASSERT_EQ(img.status, 201) << img.body;
    EXPECT_EQ(img.json().at("content_type").as_string(), "image/jpeg");
}

TEST_F(ApiMaterials, NamesAreMetadataNeverPaths) {
    auto r = upload(speaker_, session_,
                    "../../../etc/passwd\xE2\x80\xAE"
                    "fdp.pdf",
                    pdf_bytes(50));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json().at("filename").as_string(), "passwdfdp.pdf");
    EXPECT_FALSE(std::filesystem::exists(server_.data_dir() / "etc"));
    auto unnamed = upload(speaker_, session_, "", pdf_bytes(60));
    ASSERT_EQ(unnamed.status, 201);
    EXPECT_EQ(unnamed.json().at("filename").as_string(), "materi.pdf");
    auto bad = speaker_.post(
        "/api/v1/sessions/" + std::to_string(session_) + "/materials?filename=%FF.pdf",
        pdf_bytes(60), pdf_type);
    EXPECT_EQ(bad.status, 422);
}

TEST_F(ApiMaterials, EmptyUploadsAre422) {
    auto r = upload(speaker_, session_, "kosong.pdf", "");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(r.json().at("error").at("details").at(0).at("field").as_string(), "file");
}

TEST_F(ApiMaterials, ALargerContentLengthThanTheLimitIs413BeforeTheBody) {
    http_client raw(server_.port());
    std::string token = server_.login_speaker();
    auto r = raw.raw("POST /api/v1/sessions/" + std::to_string(session_) +
                     "/materials?filename=big.pdf HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                     token + "\r\nContent-Type: application/pdf\r\nContent-Length: " +
                     std::to_string(100ull * 1024 * 1024 + 1) + "\r\n\r\n");
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(r.json().at("error").at("code").as_string(), "body_too_large");
}

// A server whose uploads may be at most 64 KiB (--max-upload-mb in MiB; the option in bytes).
class ApiSmallUploads : public ::testing::Test {
protected:
    test_server server_{test_server_options{.max_upload_bytes = 64 * 1024}};
};

TEST_F(ApiSmallUploads, TheLimitHoldsForKnownAndChunkedLengths) {
    http_client speaker(server_.port());
    speaker.set_token(server_.login_speaker());
    std::string target = "/api/v1/sessions/" +
                         std::to_string(server_.demo().at("speaker").at("session_id").as_int64()) +
                         "/materials?filename=x.pdf";
    EXPECT_EQ(speaker.post(target, pdf_bytes(64 * 1024), pdf_type).status, 201);
    auto over = speaker.post(target, pdf_bytes(64 * 1024 + 1), pdf_type);
    EXPECT_EQ(over.status, 413);

    // Without a Content-Length the server stops reading once the body passes the limit.
    http_client raw(server_.port());
    std::string chunk = pdf_bytes(40 * 1024);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", chunk.size());
    std::string body;
    for (int i = 0; i < 3; ++i) body += std::string(size) + "\r\n" + chunk + "\r\n";
    body += "0\r\n\r\n";
    auto r =
        raw.raw("POST " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                server_.login_speaker() +
                "\r\nContent-Type: application/pdf\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(r.json().at("error").at("code").as_string(), "body_too_large");
    for (int i = 0; i < 100 && !std::filesystem::is_empty(server_.data_dir() / "tmp"); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_TRUE(std::filesystem::is_empty(server_.data_dir() / "tmp"));
}

TEST_F(ApiMaterials, AnInterruptedUploadLeavesNothingBehind) {
    auto tmp = server_.data_dir() / "tmp";
    auto wait_until = [](auto done) {
        for (int i = 0; i < 250 && !done(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return done();
    };
    {
        http_client raw(server_.port());
        std::string token = server_.login_speaker();
        raw.send_all("POST /api/v1/sessions/" + std::to_string(session_) +
                     "/materials?filename=putus.pdf HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                     token + "\r\nContent-Type: application/pdf\r\nContent-Length: 200000\r\n\r\n" +
                     pdf_bytes(70000));
        // The server is streaming the body to a temporary file...
        ASSERT_TRUE(wait_until([&] { return !std::filesystem::is_empty(tmp); }));
    }  // ...when the connection closes with 130000 bytes missing.
    EXPECT_TRUE(wait_until([&] { return std::filesystem::is_empty(tmp); }));
    EXPECT_TRUE(listing(coordinator_, session_).empty());
    EXPECT_EQ(stored_files(), 0u);
    // The server is fine: the next upload works.
    EXPECT_EQ(upload(speaker_, session_, "utuh.pdf", pdf_bytes(500)).status, 201);
}

TEST_F(ApiMaterials, ConcurrentUploadsEachGetTheirMaterialAndEqualContentIsStoredOnce) {
    std::string same = pdf_bytes(200000, 5);
    std::vector<std::thread> threads;
    std::vector<int> statuses(8, 0);
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&, i] {
            http_client c(server_.port());
            c.set_token(server_.login_speaker());
            auto body = i < 4 ? same : pdf_bytes(150000 + static_cast<std::size_t>(i), 100 + i);
            statuses[static_cast<std::size_t>(i)] =
                upload(c, session_, "bersamaan-" + std::to_string(i) + ".pdf", body).status;
        });
    }
    for (auto& t : threads) t.join();
    for (int s : statuses) EXPECT_EQ(s, 201);
    auto list = listing(coordinator_, session_);
    EXPECT_EQ(list.size(), 8u);
    EXPECT_EQ(stored_files(), 5u);
    for (auto const& m : list) {
        auto got = anonymous_.get(std::string(m.at("url").as_string()));
        ASSERT_EQ(got.status, 200);
        EXPECT_EQ(got.body.size(), static_cast<std::size_t>(m.at("size").as_int64()));
    }
    EXPECT_TRUE(std::filesystem::is_empty(server_.data_dir() / "tmp"));
}

TEST_F(ApiMaterials, DeletingRemovesTheFileOnceNothingUsesIt) {
    std::string body = pdf_bytes(400);
    auto a = uploaded("a.pdf", body).at("id").as_int64();
    auto b = uploaded("b.pdf", body).at("id").as_int64();
    std::string url_a = link_for(participant_, a);
    EXPECT_EQ(stored_files(), 1u);
    ASSERT_EQ(speaker_.del("/api/v1/materials/" + std::to_string(a)).status, 204);
    EXPECT_EQ(stored_files(), 1u);  // b still uses it
    EXPECT_EQ(anonymous_.get(url_a).status, 404);
    ASSERT_EQ(coordinator_.del("/api/v1/materials/" + std::to_string(b)).status, 204);
    EXPECT_EQ(stored_files(), 0u);
    EXPECT_EQ(speaker_.del("/api/v1/materials/" + std::to_string(b)).status, 404);
}

TEST_F(ApiMaterials, PermissionsOnEveryEndpoint) {
    auto id = uploaded("a.pdf", pdf_bytes(100)).at("id").as_int64();
    std::string material = "/api/v1/materials/" + std::to_string(id);

    // Participants read, never write.
    EXPECT_EQ(upload(participant_, session_, "x.pdf", pdf_bytes(20)).status, 403);
    EXPECT_EQ(participant_.patch(material, R"({"published":false})").status, 403);
    EXPECT_EQ(participant_.del(material).status, 403);
    // A speaker runs only their own session; a coordinator runs every one.
    EXPECT_EQ(upload(speaker_, other_session_, "x.pdf", pdf_bytes(20)).status, 403);
    EXPECT_EQ(upload(coordinator_, other_session_, "x.pdf", pdf_bytes(20)).status, 201);
    // No token.
    EXPECT_EQ(upload(anonymous_, session_, "x.pdf", pdf_bytes(20)).status, 401);
    EXPECT_EQ(anonymous_.get("/api/v1/sessions/" + std::to_string(session_) + "/materials").status,
              401);
    EXPECT_EQ(anonymous_.patch(material, R"({"published":false})").status, 401);
    EXPECT_EQ(anonymous_.del(material).status, 401);
    // A coordinator of another event.
    auto made = coordinator_.post(
        "/api/v1/users", R"({"username":"lain","password":"rahasia123","role":"coordinator"})");
    ASSERT_EQ(made.status, 201) << made.body;
    http_client stranger(server_.port());
    auto login = stranger.post("/api/v1/login", R"({"username":"lain","password":"rahasia123"})");
    stranger.set_token(std::string(login.json().at("token").as_string()));
    EXPECT_EQ(stranger.get("/api/v1/sessions/" + std::to_string(session_) + "/materials").status,
              403);
    EXPECT_EQ(upload(stranger, session_, "x.pdf", pdf_bytes(20)).status, 403);
    EXPECT_EQ(stranger.patch(material, R"({"published":false})").status, 403);
    EXPECT_EQ(stranger.del(material).status, 403);
    EXPECT_EQ(stranger.get(material + "/download").status, 403);
    // Missing things.
    EXPECT_EQ(upload(speaker_, 999999, "x.pdf", pdf_bytes(20)).status, 404);
    EXPECT_EQ(speaker_.get("/api/v1/sessions/999999/materials").status, 404);
    EXPECT_EQ(speaker_.del("/api/v1/materials/999999").status, 404);
    EXPECT_EQ(participant_.get("/api/v1/materials/999999/download").status, 404);
}

}  // namespace
}  // namespace bimtek::testing
