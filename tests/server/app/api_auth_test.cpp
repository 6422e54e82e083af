// Logging in, joining by code, and the 401/403 answers, against the real server over loopback.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/harness/http_client.hpp"
#include "tests/harness/test_server.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;

class ApiAuth : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server_ = new test_server(); }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    static test_server* server_;
};
test_server* ApiAuth::server_ = nullptr;

TEST_F(ApiAuth, CoordinatorLogsIn) {
    http_client c(server_->port());
    auto r = c.post("/api/v1/login", to_body(server_->demo().at("coordinator")));
    ASSERT_EQ(r.status, 200) << r.body;
    auto body = r.json().as_object();
    EXPECT_GE(body.at("token").as_string().size(), 40u);
    EXPECT_EQ(body.at("user").at("role").as_string(), "coordinator");
    EXPECT_FALSE(body.at("user").as_object().contains("password_hash"));
    EXPECT_EQ(r.header("cache-control"), "no-store");
}

TEST_F(ApiAuth, WrongPasswordAndUnknownUserAreTheSame401) {
    http_client c(server_->port());
    auto wrong = c.post("/api/v1/login", R"({"username":"koordinator","password":"salah-sekali"})");
    auto unknown = c.post("/api/v1/login", R"({"username":"tidak-ada","password":"salah-sekali"})");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(wrong.json().at("error").at("code"), unknown.json().at("error").at("code"));
    EXPECT_EQ(wrong.header("www-authenticate"), "Bearer");
}

TEST_F(ApiAuth, ParticipantJoinsWithCode) {
    http_client c(server_->port());
    auto code = server_->code_of("online", 3);
    auto r = c.post("/api/v1/join", to_body(json::object{{"code", code}}));
    ASSERT_EQ(r.status, 200) << r.body;
    auto p = r.json().at("participant").as_object();
    EXPECT_EQ(p.at("mode").as_string(), "online");
    EXPECT_EQ(p.at("event_id").as_int64(), server_->event_id());
    EXPECT_TRUE(p.contains("name"));
}

TEST_F(ApiAuth, CodeIsCaseAndSpaceInsensitive) {
    http_client c(server_->port());
    std::string code = server_->code_of("onsite", 1);
    std::string typed = code.substr(0, 4) + " - " + code.substr(4);
    for (auto& ch : typed) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    EXPECT_EQ(c.post("/api/v1/join", to_body(json::object{{"code", typed}})).status, 200);
}

TEST_F(ApiAuth, UnknownCodeIsRefused) {
    http_client c(server_->port());
    auto r = c.post("/api/v1/join", R"({"code":"ZZZZZZZZ"})");
    EXPECT_TRUE(r.status == 401 || r.status == 404) << r.status;
    EXPECT_TRUE(r.json().at("error").as_object().contains("code"));
}

TEST_F(ApiAuth, NoTokenIs401) {
    http_client c(server_->port());
    auto r = c.get("/api/v1/events/" + std::to_string(server_->event_id()));
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.json().at("error").at("code").as_string(), "missing_token");
}

TEST_F(ApiAuth, BadTokenIs401) {
    http_client c(server_->port());
    c.set_token("not-a-token");
    EXPECT_EQ(c.get("/api/v1/me").status, 401);
}

TEST_F(ApiAuth, ParticipantTokenOnCoordinatorEndpointIs403) {
    http_client c(server_->port());
    c.set_token(server_->join(server_->code_of("online")));
    auto id = std::to_string(server_->event_id());
    EXPECT_EQ(c.get("/api/v1/events/" + id + "/attendance").status, 403);
    EXPECT_EQ(c.post("/api/v1/events/" + id + "/checkins", to_body(json::object{{"code", server_->code_of("onsite")}})).status, 403);
    EXPECT_EQ(c.get("/api/v1/events/" + id + "/participants").status, 403);
}

TEST_F(ApiAuth, SpeakerCannotCheckPeopleIn) {
    http_client c(server_->port());
    c.set_token(server_->login_speaker());
    auto id = std::to_string(server_->event_id());
    auto r = c.post("/api/v1/events/" + id + "/checkins", to_body(json::object{{"code", server_->code_of("onsite")}}));
    EXPECT_EQ(r.status, 403);
}

TEST_F(ApiAuth, MalformedJsonIs400) {
    http_client c(server_->port());
    auto r = c.post("/api/v1/login", "{\"username\": ");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.json().at("error").at("code").as_string(), "malformed_json");
    EXPECT_EQ(c.post("/api/v1/login", "[1,2]").status, 400);
}

TEST_F(ApiAuth, WrongTypedFieldIs422) {
    http_client c(server_->port());
    auto r = c.post("/api/v1/login", R"({"username": 5, "password": "x"})");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(r.json().at("error").at("details").at(0).at("field").as_string(), "username");
}

TEST_F(ApiAuth, LogoutEndsTheToken) {
    http_client c(server_->port());
    c.set_token(server_->login_coordinator());
    EXPECT_EQ(c.get("/api/v1/me").status, 200);
    EXPECT_EQ(c.post("/api/v1/logout", "").status, 204);
    EXPECT_EQ(c.get("/api/v1/me").status, 401);
}

TEST_F(ApiAuth, MeDescribesTheCaller) {
    http_client c(server_->port());
    c.set_token(server_->join(server_->code_of("online", 2)));
    auto me = c.get("/api/v1/me").json().as_object();
    EXPECT_EQ(me.at("role").as_string(), "participant");
    EXPECT_EQ(me.at("event_id").as_int64(), server_->event_id());
}

}  // namespace
}  // namespace bimtek::testing
