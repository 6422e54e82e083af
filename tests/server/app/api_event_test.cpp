// Events, their agenda and speaker accounts through the API.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/harness/http_client.hpp"
#include "tests/harness/test_server.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;

class ApiEvent : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server_ = new test_server(); }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    void SetUp() override { client_.set_token(server_->login_coordinator()); }

    static test_server* server_;
    http_client client_{server_->port()};
};
test_server* ApiEvent::server_ = nullptr;

TEST_F(ApiEvent, DemoEventHasSessionsAndCounts) {
    auto r = client_.get("/api/v1/events/" + std::to_string(server_->event_id()));
    ASSERT_EQ(r.status, 200);
    auto e = r.json().as_object();
    EXPECT_EQ(e.at("title").as_string(), "Bimtek Kewirausahaan Sosial KPM PKH Graduasi — DKI Jakarta");
    EXPECT_GE(e.at("sessions").as_array().size(), 3u);
    EXPECT_EQ(e.at("sessions").at(0).at("status").as_string(), "live");
    EXPECT_EQ(e.at("participants").at("onsite").as_int64(), 50);
    EXPECT_EQ(e.at("participants").at("online").as_int64(), 170);
    EXPECT_EQ(e.at("timezone").as_string(), "Asia/Jakarta");
}

TEST_F(ApiEvent, CreateEditAndPlanAnEvent) {
    auto created = client_.post("/api/v1/events", R"({
        "title": "Bimtek Pemasaran Digital — Bekasi",
        "venue": "Balai Latihan Kerja Bekasi",
        "starts_at": "2026-12-03T08:00",
        "ends_at": "2026-12-03T16:00",
        "onsite_capacity": 40,
        "targets": {"expected_onsite": 35, "expected_online": 120, "completion_rate": 0.75}
    })");
    ASSERT_EQ(created.status, 201) << created.body;
    auto e = created.json().as_object();
    EXPECT_EQ(e.at("starts_at").as_string(), "2026-12-03T01:00:00Z");  // 08:00 WIB
    EXPECT_EQ(e.at("targets").at("expected_online").as_int64(), 120);
    auto id = std::to_string(e.at("id").as_int64());

    auto patched = client_.patch("/api/v1/events/" + id, R"({"targets": {"completion_rate": 0.9}, "venue": "Aula Baru"})");
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_EQ(patched.json().at("venue").as_string(), "Aula Baru");
    EXPECT_DOUBLE_EQ(patched.json().at("targets").at("completion_rate").as_double(), 0.9);
    EXPECT_EQ(patched.json().at("targets").at("expected_onsite").as_int64(), 35);

    auto speaker = client_.post("/api/v1/events/" + id + "/speakers",
                                R"({"username":"pak.budi","display_name":"Budi Santoso","password":"narasumber-123"})");
    ASSERT_EQ(speaker.status, 201) << speaker.body;
    auto speaker_id = speaker.json().at("id").as_int64();

    auto session = client_.post("/api/v1/events/" + id + "/sessions",
                                to_body(json::object{{"title", "Foto Produk dengan Ponsel"},
                                                     {"speaker_id", speaker_id},
                                                     {"planned_start", "2026-12-03T09:00:00+07:00"},
                                                     {"planned_end", "2026-12-03T10:30:00+07:00"}}));
    ASSERT_EQ(session.status, 201) << session.body;
    EXPECT_EQ(session.json().at("speaker_name").as_string(), "Budi Santoso");
    EXPECT_EQ(session.json().at("status").as_string(), "planned");

    // The speaker can run their session.
    http_client speaker_client(server_->port());
    auto login = speaker_client.post("/api/v1/login", R"({"username":"pak.budi","password":"narasumber-123"})");
    speaker_client.set_token(std::string(login.json().at("token").as_string()));
    auto sid = std::to_string(session.json().at("id").as_int64());
    auto started = speaker_client.post("/api/v1/sessions/" + sid + "/start", "");
    ASSERT_EQ(started.status, 200) << started.body;
    EXPECT_EQ(started.json().at("status").as_string(), "live");
    EXPECT_EQ(speaker_client.post("/api/v1/sessions/" + sid + "/start", "").status, 409);
    EXPECT_EQ(speaker_client.post("/api/v1/sessions/" + sid + "/end", "").json().at("status").as_string(), "ended");
    // Started sessions stay on the agenda.
    EXPECT_EQ(client_.del("/api/v1/sessions/" + sid).status, 409);
}

TEST_F(ApiEvent, InvalidFieldsAre422WithEveryProblem) {
    auto r = client_.post("/api/v1/events", R"({"title": "", "starts_at": "besok", "ends_at": 7})");
    ASSERT_EQ(r.status, 422) << r.body;
    auto details = r.json().at("error").at("details").as_array();
    EXPECT_GE(details.size(), 2u);
}

TEST_F(ApiEvent, EndBeforeStartIs422) {
    auto r = client_.post("/api/v1/events", R"({"title":"X","starts_at":"2026-12-03T16:00","ends_at":"2026-12-03T08:00"})");
    EXPECT_EQ(r.status, 422);
}

TEST_F(ApiEvent, UnknownEventIs404AndBadIdIs404) {
    EXPECT_EQ(client_.get("/api/v1/events/999999").status, 404);
    EXPECT_EQ(client_.get("/api/v1/events/abc").status, 404);
}

TEST_F(ApiEvent, ParticipantSeesTheirEventButNotOthers) {
    http_client p(server_->port());
    p.set_token(server_->join(server_->code_of("online", 4)));
    auto own = p.get("/api/v1/events/" + std::to_string(server_->event_id()));
    ASSERT_EQ(own.status, 200);
    EXPECT_EQ(own.json().at("role").as_string(), "participant");
    auto other = client_.post("/api/v1/events", R"({"title":"Lain","starts_at":"2026-12-03T08:00","ends_at":"2026-12-03T09:00"})");
    ASSERT_EQ(other.status, 201);
    EXPECT_EQ(p.get("/api/v1/events/" + std::to_string(other.json().at("id").as_int64())).status, 403);
}

TEST_F(ApiEvent, ParticipantCannotStartASession) {
    http_client p(server_->port());
    p.set_token(server_->join(server_->code_of("online", 5)));
    auto sid = server_->demo().at("sessions").at(1).as_int64();
    EXPECT_EQ(p.post("/api/v1/sessions/" + std::to_string(sid) + "/start", "").status, 403);
}

}  // namespace
}  // namespace bimtek::testing
