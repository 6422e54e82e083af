// The HTTP layer at its edges: body limits, static files and traversal attempts, unknown paths
// and methods, keep-alive, HEAD.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/harness/http_client.hpp"
#include "tests/harness/test_server.hpp"

namespace bimtek::testing {
namespace {

class HttpEdge : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server_ = new test_server(); }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    static test_server* server_;
};
test_server* HttpEdge::server_ = nullptr;

TEST_F(HttpEdge, Health) {
    http_client c(server_->port());
    auto r = c.get("/healthz");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.json().at("status").as_string(), "ok");
}

TEST_F(HttpEdge, TenMegabyteBodyIs413AndTheAnswerArrives) {
    http_client c(server_->port());
    c.set_token(server_->login_coordinator());
    std::string big(10 * 1024 * 1024, 'a');
    auto r = c.post("/api/v1/events/" + std::to_string(server_->event_id()) + "/checkins", big);
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(r.json().at("error").at("code").as_string(), "body_too_large");
}

TEST_F(HttpEdge, ChunkedBodyOverTheLimitIs413) {
    http_client c(server_->port());
    std::string chunk(64 * 1024, 'x');
    std::string req = "POST /api/v1/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    char size[16];
    std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
    for (int i = 0; i < 4; ++i) req += size + chunk + "\r\n";
    req += "0\r\n\r\n";
    EXPECT_EQ(c.raw(req).status, 413);
}

TEST_F(HttpEdge, IndexIsServedAsHtml) {
    http_client c(server_->port());
    auto r = c.get("/");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
    EXPECT_NE(r.body.find("<html"), std::string::npos);
    EXPECT_FALSE(r.header("content-security-policy").empty());
    EXPECT_EQ(r.header("referrer-policy"), "no-referrer");
}

TEST_F(HttpEdge, PathTraversalNeverLeavesTheWebRoot) {
    http_client c(server_->port());
    for (std::string target : {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd",
                               "/.git/config", "/%2e%2e%5c%2e%2e%5cetc%5cpasswd", "/web/../../CMakeLists.txt",
                               "//etc/passwd", "/index.html%00.txt"}) {
        auto r = c.raw("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
        EXPECT_TRUE(r.status == 404 || r.status == 400) << target << " → " << r.status;
        EXPECT_EQ(r.body.find("root:"), std::string::npos) << target;
        EXPECT_EQ(r.body.find("cmake_minimum_required"), std::string::npos) << target;
    }
}

TEST_F(HttpEdge, UnknownApiPathIs404JsonAndWrongMethodIs405) {
    http_client c(server_->port());
    auto r = c.get("/api/v1/nothing-here");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.json().at("error").at("code").as_string(), "not_found");
    auto m = c.request("PUT", "/api/v1/login", "{}", {});
    EXPECT_EQ(m.status, 405);
    EXPECT_NE(m.header("allow").find("POST"), std::string::npos);
}

TEST_F(HttpEdge, KeepAliveServesManyRequestsOnOneConnection) {
    http_client c(server_->port());
    for (int i = 0; i < 50; ++i) ASSERT_EQ(c.get("/healthz").status, 200);
}

TEST_F(HttpEdge, HeadHasTheLengthButNoBody) {
    http_client c(server_->port());
    auto get = c.get("/");
    auto head = c.request("HEAD", "/", "", {});
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size()));
    EXPECT_TRUE(head.body.empty());
    EXPECT_EQ(c.get("/healthz").status, 200);  // the connection is still in step
}

TEST_F(HttpEdge, EtagGivesNotModified) {
    http_client c(server_->port());
    auto first = c.get("/");
    auto etag = first.header("etag");
    ASSERT_FALSE(etag.empty());
    EXPECT_EQ(c.get("/", {{"If-None-Match", etag}}).status, 304);
}

TEST_F(HttpEdge, GarbageIs400) {
    http_client c(server_->port());
    EXPECT_EQ(c.raw("THIS IS NOT HTTP\r\n\r\n").status, 400);
}

}  // namespace
}  // namespace bimtek::testing
