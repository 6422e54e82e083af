#include "client/api/api_client.hpp"

#include <gtest/gtest.h>

#include "tests/client/fake_http.hpp"

namespace bimtek::client::api {
namespace {

using testing::answer;

TEST(ApiClient, SortsAnswersIntoOutcomes) {
    EXPECT_EQ(classify(testing::unreachable()).what, outcome::unreachable);
    EXPECT_EQ(classify(answer(200, "{}")).what, outcome::ok);
    EXPECT_EQ(classify(answer(201, "{}")).what, outcome::ok);
    EXPECT_EQ(classify(answer(401, "{}")).what, outcome::auth);
    EXPECT_EQ(classify(answer(403, "{}")).what, outcome::auth);
    EXPECT_EQ(classify(answer(404, "{}")).what, outcome::rejected);
    EXPECT_EQ(classify(answer(422, "{}")).what, outcome::rejected);
    EXPECT_EQ(classify(answer(429, "{}")).what, outcome::server_error);
    EXPECT_EQ(classify(answer(500, "{}")).what, outcome::server_error);
}

TEST(ApiClient, ReadsTheErrorShape) {
    auto r = classify(answer(404, R"({"error":{"code":"unknown_code","message":"no such code"}})"));
    EXPECT_EQ(r.code, "unknown_code");
    EXPECT_EQ(r.message, "no such code");
    EXPECT_EQ(classify(answer(502, "<html>")).code, "http_502");
}

TEST(ApiClient, SendsTheTokenAndJson) {
    testing::fake_http http([](auto const&) { return answer(200, R"({"ok":true})"); });
    api_client c(http, "T0K");
    auto r = c.post("/api/v1/x", boost::json::object{{"a", 1}});
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r.body.as_object().at("ok").as_bool());
    ASSERT_EQ(http.requests.size(), 1u);
    EXPECT_EQ(http.requests[0].method, "POST");
    EXPECT_EQ(http.requests[0].token, "T0K");
    EXPECT_EQ(http.requests[0].body, R"({"a":1})");
}

}  // namespace
}  // namespace bimtek::client::api
