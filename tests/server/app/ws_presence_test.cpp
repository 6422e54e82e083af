// Online presence through the live stream: two tabs count once, a reconnect within the grace
// window keeps the interval, leaving is reported after it.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <thread>

#include "tests/harness/http_client.hpp"
#include "tests/harness/test_server.hpp"
#include "tests/harness/ws_client.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

class WsPresence : public ::testing::Test {
protected:
    WsPresence() : server_(options()) {}
    static test_server_options options() {
        test_server_options o;
        o.presence_grace = 2s;
        return o;
    }
    void SetUp() override {
        watcher_.hello(server_.login_coordinator());
        token_ = server_.join(server_.code_of("online", 0));
    }
    // Every presence update the coordinator's stream carries within "wait".
    std::vector<json::value> presence_updates(std::chrono::milliseconds wait) {
        std::vector<json::value> out;
        auto deadline = std::chrono::steady_clock::now() + wait;
        while (std::chrono::steady_clock::now() < deadline) {
            auto m = watcher_.next_json(100ms);
            if (m && m->at("type") == "update" && m->at("kind").as_string().starts_with("presence."))
                out.push_back(*m);
        }
        return out;
    }

    test_server server_;
    ws_client watcher_{server_.port()};
    std::string token_;
};

TEST_F(WsPresence, TwoTabsCountOnce) {
    ws_client tab1(server_.port()), tab2(server_.port());
    tab1.hello(token_);
    tab2.hello(token_);
    auto seen = presence_updates(1500ms);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].at("kind").as_string(), "presence.join");
    EXPECT_EQ(seen[0].at("data").at("counts").at("online_present").as_int64(), 1);
    EXPECT_EQ(seen[0].at("data").at("participants").as_array().size(), 1u);

    tab1.drop();  // one tab closes: still present
    EXPECT_TRUE(presence_updates(3s).empty());
    tab2.drop();  // the last one: left after the grace window
    auto left = presence_updates(4s);
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].at("kind").as_string(), "presence.leave");
    EXPECT_EQ(left[0].at("data").at("counts").at("online_present").as_int64(), 0);
}

TEST_F(WsPresence, ReconnectWithinGraceDoesNotSplitTheInterval) {
    {
        ws_client phone(server_.port());
        phone.hello(token_);
        ASSERT_EQ(presence_updates(1s).size(), 1u);
    }  // the phone drops
    std::this_thread::sleep_for(500ms);
    ws_client again(server_.port());
    again.hello(token_);
    EXPECT_TRUE(presence_updates(3s).empty());  // neither a leave nor a new join

    http_client http(server_.port());
    http.set_token(server_.login_coordinator());
    auto doc = http.get("/api/v1/events/" + std::to_string(server_.event_id()) + "/attendance").json();
    auto me = server_.demo().at("participants");
    std::int64_t id = 0;
    for (auto const& p : me.as_array())
        if (p.at("code").as_string() == server_.code_of("online", 0)) id = p.at("id").as_int64();
    bool found = false;
    for (auto const& row : doc.at("participants").as_array()) {
        if (row.at("id").as_int64() != id) continue;
        found = true;
        EXPECT_TRUE(row.at("present_now").as_bool());
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(doc.at("present").at("online").as_int64(), 1);
}

TEST_F(WsPresence, ParticipantsSeeCountsNotNames) {
    ws_client other(server_.port());
    other.hello(server_.join(server_.code_of("online", 1)));
    ASSERT_TRUE(other.next_update("presence.join"));  // its own arrival
    ws_client tab(server_.port());
    tab.hello(token_);
    auto u = other.next_update("presence.join");
    ASSERT_TRUE(u);
    EXPECT_FALSE(u->at("data").as_object().contains("participant"));
    EXPECT_EQ(u->at("data").at("counts").at("online_present").as_int64(), 2);
}

}  // namespace
}  // namespace bimtek::testing
