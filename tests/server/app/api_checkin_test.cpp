// The door: check-in by access code, idempotence, capacity flag, check-out, and the attendance
// list, against the real server over loopback.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/harness/http_client.hpp"
#include "tests/harness/test_server.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;

class ApiCheckin : public ::testing::Test {
protected:
    void SetUp() override {
        client_.set_token(server_.login_coordinator());
        base_ = "/api/v1/events/" + std::to_string(server_.event_id());
    }
    http_response check_in(std::string const& code) {
        return client_.post(base_ + "/checkins", to_body(json::object{{"code", code}}));
    }
    json::object find_row(std::int64_t participant) {
        auto doc = client_.get(base_ + "/attendance").json();
        for (auto const& row : doc.at("participants").as_array())
            if (row.at("id").as_int64() == participant) return row.as_object();
        return {};
    }

    test_server server_;
    http_client client_{server_.port()};
    std::string base_;
};

TEST_F(ApiCheckin, FirstScanIs201ThenAlready200WithTheFirstTime) {
    auto code = server_.code_of("onsite", 0);
    auto first = check_in(code);
    ASSERT_EQ(first.status, 201) << first.body;
    EXPECT_EQ(first.json().at("status").as_string(), "checked_in");
    auto second = check_in(code);
    ASSERT_EQ(second.status, 200) << second.body;
    EXPECT_EQ(second.json().at("status").as_string(), "already_checked_in");
    EXPECT_EQ(second.json().at("checked_in_at"), first.json().at("checked_in_at"));
    EXPECT_EQ(second.json().at("onsite_present").as_int64(), 1);
}

TEST_F(ApiCheckin, UnknownCodeIs404) {
    auto r = check_in("ZZZZZZZZ");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.json().at("error").at("code").as_string(), "unknown_code");
}

TEST_F(ApiCheckin, NeitherOrBothIdentifiersIs422) {
    EXPECT_EQ(client_.post(base_ + "/checkins", "{}").status, 422);
    EXPECT_EQ(client_.post(base_ + "/checkins", R"({"code":"ABCDEFGH","participant_id":1})").status, 422);
}

TEST_F(ApiCheckin, ManualCheckInBySearchResult) {
    auto id = server_.demo().at("participants").at(5).at("id").as_int64();
    auto r = client_.post(base_ + "/checkins", to_body(json::object{{"participant_id", id}}));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_TRUE(find_row(id).at("checked_in").as_bool());
}

TEST_F(ApiCheckin, OnlineParticipantAtTheDoorIsAcceptedButFlagged) {
    auto r = check_in(server_.code_of("online", 0));
    ASSERT_EQ(r.status, 201);
    EXPECT_TRUE(r.json().at("mode_mismatch").as_bool());
}

TEST_F(ApiCheckin, BeyondCapacityIsAcceptedButFlagged) {
    // The demo room holds 60: fill it with the 50 on-site participants and 10 online ones.
    int accepted = 0;
    for (std::size_t i = 0; i < 50; ++i) accepted += check_in(server_.code_of("onsite", i)).status == 201;
    for (std::size_t i = 0; i < 10; ++i) accepted += check_in(server_.code_of("online", i)).status == 201;
    ASSERT_EQ(accepted, 60);
    auto over = check_in(server_.code_of("online", 10));
    ASSERT_EQ(over.status, 201);
    EXPECT_TRUE(over.json().at("over_capacity").as_bool());
    EXPECT_EQ(over.json().at("onsite_present").as_int64(), 61);
}

TEST_F(ApiCheckin, CheckOutClosesTheVisit) {
    auto code = server_.code_of("onsite", 2);
    ASSERT_EQ(check_in(code).status, 201);
    auto out = client_.post(base_ + "/checkouts", to_body(json::object{{"code", code}}));
    ASSERT_EQ(out.status, 200) << out.body;
    EXPECT_EQ(out.json().at("status").as_string(), "checked_out");
    EXPECT_FALSE(out.json().at("checked_out_at").is_null());
    auto again = client_.post(base_ + "/checkouts", to_body(json::object{{"code", code}}));
    EXPECT_EQ(again.json().at("status").as_string(), "not_checked_in");
    // Coming back opens a new visit.
    EXPECT_EQ(check_in(code).status, 201);
}

TEST_F(ApiCheckin, AttendanceHasOneEntryPerParticipant) {
    auto code = server_.code_of("onsite", 3);
    ASSERT_EQ(check_in(code).status, 201);
    auto r = client_.get(base_ + "/attendance");
    ASSERT_EQ(r.status, 200);
    auto doc = r.json();
    auto const& rows = doc.at("participants").as_array();
    EXPECT_EQ(rows.size(), 220u);
    int checked = 0;
    for (auto const& row : rows) {
        EXPECT_TRUE(row.as_object().contains("id"));
        EXPECT_TRUE(row.at("mode") == "onsite" || row.at("mode") == "online");
        if (row.at("checked_in").as_bool()) {
            ++checked;
            EXPECT_FALSE(row.at("checked_in_at").is_null());
        }
        EXPECT_FALSE(row.as_object().contains("phone"));  // personal data stays out of the list
    }
    EXPECT_EQ(checked, 1);
}

TEST_F(ApiCheckin, CoordinatorOfAnotherEventIsRefused) {
    // A second coordinator with an event of their own.
    auto created = client_.post("/api/v1/users",
                                R"({"username":"koordinator2","password":"rahasia-sekali","role":"coordinator"})");
    ASSERT_EQ(created.status, 201) << created.body;
    http_client other(server_.port());
    auto login = other.post("/api/v1/login", R"({"username":"koordinator2","password":"rahasia-sekali"})");
    other.set_token(std::string(login.json().at("token").as_string()));
    auto r = other.post(base_ + "/checkins", to_body(json::object{{"code", server_.code_of("onsite")}}));
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(other.get(base_ + "/attendance").status, 403);
}

}  // namespace
}  // namespace bimtek::testing
