#include "client/net/server_url.hpp"

#include <gtest/gtest.h>

namespace bimtek::client::net {
namespace {

TEST(ServerUrl, ReadsHttpUrls) {
    auto u = parse_server_url("http://127.0.0.1:8080");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->host, "127.0.0.1");
    EXPECT_EQ(u->port, "8080");
    EXPECT_EQ(u->ws_url(), "ws://127.0.0.1:8080/ws");
    EXPECT_EQ(u->http_base(), "http://127.0.0.1:8080");
    EXPECT_EQ(parse_server_url("localhost:9000/")->port, "9000");
    EXPECT_EQ(parse_server_url("http://bimtek.example")->port, "80");
    EXPECT_EQ(parse_server_url("http://[::1]:8080")->host, "::1");
}

TEST(ServerUrl, RefusesWhatItCannotUse) {
    EXPECT_FALSE(parse_server_url(""));
    EXPECT_FALSE(parse_server_url("https://x:443"));
    EXPECT_FALSE(parse_server_url("ftp://x"));
    EXPECT_FALSE(parse_server_url("http://x:0"));
    EXPECT_FALSE(parse_server_url("http://x:70000"));
    EXPECT_FALSE(parse_server_url("http://x:80a"));
    EXPECT_FALSE(parse_server_url("http://x:80/api"));
}

}  // namespace
}  // namespace bimtek::client::net
