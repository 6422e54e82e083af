// The live stream (/ws) against the real server over loopback: hello/welcome, refusals, role
// views, replay after "since" (also across a restart), resync, Origin, frame limits.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/harness/http_client.hpp"
#include "tests/harness/test_server.hpp"
#include "tests/harness/ws_client.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

class WsStream : public ::testing::Test {
protected:
    WsStream() : server_(options()) {}
    static test_server_options options() {
        test_server_options o;
        o.ws_hello_timeout = 1s;
        return o;
    }
    void SetUp() override {
        coordinator_ = server_.login_coordinator();
        http_.set_token(coordinator_);
        base_ = "/api/v1/events/" + std::to_string(server_.event_id());
    }
    void check_in(std::size_t onsite_index) {
        auto r = http_.post(base_ + "/checkins", json::serialize(json::object{{"code", server_.code_of("onsite", onsite_index)}}));
        ASSERT_EQ(r.status, 201) << r.body;
    }
    void check_out(std::size_t onsite_index) {
        auto r = http_.post(base_ + "/checkouts", json::serialize(json::object{{"code", server_.code_of("onsite", onsite_index)}}));
        ASSERT_EQ(r.status, 200) << r.body;
    }

    test_server server_;
    http_client http_{server_.port()};
    std::string coordinator_;
    std::string base_;
};

TEST_F(WsStream, HelloGetsWelcome) {
    ws_client c(server_.port());
    ASSERT_EQ(c.status(), 101);
    auto w = c.hello(server_.join(server_.code_of("online")));
    EXPECT_EQ(w.at("event_id").as_int64(), server_.event_id());
    EXPECT_EQ(w.at("role").as_string(), "participant");
    EXPECT_GE(w.at("seq").as_int64(), 1);  // the demo's first session started
    EXPECT_FALSE(w.at("epoch").as_string().empty());
}

TEST_F(WsStream, BadTokenIsRefusedAndClosed) {
    ws_client c(server_.port());
    c.send_text(R"({"type":"hello","token":"nope"})");
    auto e = c.next_json();
    ASSERT_TRUE(e);
    EXPECT_EQ(e->at("type").as_string(), "error");
    EXPECT_EQ(e->at("code").as_string(), "unauthorized");
    auto close = c.next();
    ASSERT_TRUE(close);
    EXPECT_EQ(close->opcode, 0x8);
    EXPECT_EQ(close->close_code(), 1008);
}

TEST_F(WsStream, SomethingElseBeforeHelloIsRefused) {
    ws_client c(server_.port());
    c.send_text("not json");
    auto e = c.next_json();
    ASSERT_TRUE(e);
    EXPECT_EQ(e->at("code").as_string(), "malformed");
    auto close = c.next();
    ASSERT_TRUE(close);
    EXPECT_EQ(close->opcode, 0x8);
}

TEST_F(WsStream, NoHelloInTimeIsClosed) {
    ws_client c(server_.port());
    auto e = c.next_json(3s);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->at("code").as_string(), "hello_timeout");
    auto close = c.next(3s);
    ASSERT_TRUE(close);
    EXPECT_EQ(close->close_code(), 1008);
}

TEST_F(WsStream, AppPingGetsPong) {
    ws_client c(server_.port());
    c.hello(coordinator_);
    c.send_text(R"({"type":"ping"})");
    auto p = c.next_json();
    ASSERT_TRUE(p);
    EXPECT_EQ(p->at("type").as_string(), "pong");
    c.send_text(R"({"type":"nonsense"})");
    EXPECT_EQ(c.next_json()->at("code").as_string(), "unknown_type");
    c.send_text(R"({"type":"ping"})");  // still open
    EXPECT_EQ(c.next_json()->at("type").as_string(), "pong");
}

TEST_F(WsStream, CoordinatorSeesWhoParticipantSeesCounts) {
    ws_client staff(server_.port()), person(server_.port());
    person.hello(server_.join(server_.code_of("online")));  // appends its presence.join
    auto w = staff.hello(coordinator_);
    check_in(0);
    auto full = staff.next_update("checkin");
    auto pub = person.next_update("checkin");
    ASSERT_TRUE(full && pub);
    EXPECT_EQ(full->at("seq"), pub->at("seq"));
    EXPECT_GT(full->at("seq").as_int64(), w.at("seq").as_int64());
    EXPECT_TRUE(full->at("data").as_object().contains("participant"));
    EXPECT_FALSE(pub->at("data").as_object().contains("participant"));
    EXPECT_EQ(pub->at("data").at("counts").at("onsite_present").as_int64(), 1);
    EXPECT_EQ(json::serialize(*pub).find(std::string(full->at("data").at("participant").at("name").as_string())),
              std::string::npos);
}

TEST_F(WsStream, ReplayAfterSinceHasNoGapAndNoDuplicate) {
    std::int64_t seen;
    {
        ws_client c(server_.port());
        seen = c.hello(coordinator_).at("seq").as_int64();
    }
    for (std::size_t i = 0; i < 3; ++i) check_in(i);
    ws_client c(server_.port());
    auto w = c.hello(coordinator_, seen);
    EXPECT_EQ(w.at("seq").as_int64(), seen + 3);
    for (std::int64_t expect = seen + 1; expect <= seen + 3; ++expect) {
        auto u = c.next_json();
        ASSERT_TRUE(u);
        EXPECT_EQ(u->at("type").as_string(), "update");
        EXPECT_EQ(u->at("seq").as_int64(), expect);
    }
    check_in(3);
    auto live = c.next_json();
    ASSERT_TRUE(live);
    EXPECT_EQ(live->at("seq").as_int64(), seen + 4);
}

TEST_F(WsStream, ResumeAcrossServerRestart) {
    std::int64_t seen;
    {
        ws_client c(server_.port());
        seen = c.hello(coordinator_).at("seq").as_int64();
        check_in(0);
        check_in(1);
        ASSERT_TRUE(c.next_update("checkin"));
        seen += 1;  // the client saw only the first of the two
    }
    server_.restart();
    http_client after(server_.port());
    after.set_token(server_.login_coordinator());
    ASSERT_EQ(after.post(base_ + "/checkins", json::serialize(json::object{{"code", server_.code_of("onsite", 2)}})).status, 201);
    ws_client c(server_.port());
    auto w = c.hello(coordinator_, seen);  // tokens are stored: they survive the restart
    EXPECT_EQ(w.at("seq").as_int64(), seen + 2);
    std::vector<std::int64_t> got;
    while (auto u = c.next_json(1s)) got.push_back(u->at("seq").as_int64());
    EXPECT_EQ(got, (std::vector<std::int64_t>{seen + 1, seen + 2}));
}

TEST_F(WsStream, ResyncWhenTheGapIsTooLargeOrAhead) {
    ws_client first(server_.port());
    auto start = first.hello(coordinator_).at("seq").as_int64();
    for (int i = 0; i < 501; ++i) {  // 1002 updates
        check_in(0);
        check_out(0);
    }
    ws_client late(server_.port());
    auto w = late.hello(coordinator_, start);
    auto r = late.next_json();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->at("type").as_string(), "resync");
    EXPECT_EQ(r->at("reason").as_string(), "gap_too_large");
    EXPECT_EQ(r->at("seq"), w.at("seq"));

    ws_client ahead(server_.port());
    ahead.hello(coordinator_, w.at("seq").as_int64() + 100);
    EXPECT_EQ(ahead.next_json()->at("reason").as_string(), "ahead");

    ws_client other_epoch(server_.port());
    other_epoch.send_text(json::serialize(json::object{{"type", "hello"}, {"token", coordinator_}, {"since", 1}, {"epoch", "not-this-one"}}));
    ASSERT_EQ(other_epoch.next_json()->at("type").as_string(), "welcome");
    EXPECT_EQ(other_epoch.next_json()->at("reason").as_string(), "epoch_changed");
}

TEST_F(WsStream, ForeignOriginIsRefusedOwnOriginAccepted) {
    ws_client::options foreign{"http://evil.example", 0};
    ws_client bad(server_.port(), foreign);
    EXPECT_EQ(bad.status(), 403);
    ws_client::options own{"http://127.0.0.1:" + std::to_string(server_.port()), 0};
    ws_client good(server_.port(), own);
    EXPECT_EQ(good.status(), 101);
}

TEST_F(WsStream, OversizedFrameIsClosedWith1009) {
    ws_client c(server_.port());
    c.hello(coordinator_);
    c.send_text(std::string(70 * 1024, 'x'));
    std::optional<ws_frame> f;
    do f = c.next(5s);
    while (f && f->opcode != 0x8);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->close_code(), 1009);
}

TEST_F(WsStream, WebSocketPingIsAnsweredWithPong) {
    ws_client c(server_.port());
    c.hello(coordinator_);
    c.send_frame(0x9, "halo");
    auto pong = c.next_control(0xA);
    ASSERT_TRUE(pong);
    EXPECT_EQ(pong->payload, "halo");
    c.send_text(R"({"type":"ping"})");  // and the connection goes on
    EXPECT_EQ(c.next_json()->at("type").as_string(), "pong");
}

TEST_F(WsStream, CloseHandshakeEchoesTheCode) {
    ws_client c(server_.port());
    c.hello(coordinator_);
    c.send_frame(0x8, std::string("\x03\xe8", 2));  // 1000, normal closure
    auto f = c.next();
    ASSERT_TRUE(f);
    EXPECT_EQ(f->opcode, 0x8);
    EXPECT_EQ(f->close_code(), 1000);
    EXPECT_FALSE(c.next(2s));  // then the server closes the TCP connection
}

TEST_F(WsStream, BinaryAndUnmaskedFramesAreProtocolErrors) {
    ws_client binary(server_.port());
    binary.hello(coordinator_);
    binary.send_frame(0x2, "\x01\x02");
    std::optional<ws_frame> f;
    do f = binary.next(5s);
    while (f && f->opcode != 0x8);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->close_code(), 1003);

    ws_client bad_utf8(server_.port());
    bad_utf8.hello(coordinator_);
    bad_utf8.send_text("\xC3\x28");
    do f = bad_utf8.next(5s);
    while (f && f->opcode != 0x8);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->close_code(), 1007);
}

TEST_F(WsStream, FragmentedHelloIsUnderstood) {
    ws_client c(server_.port());
    std::string hello = json::serialize(json::object{{"type", "hello"}, {"token", coordinator_}});
    c.send_frame_parts({hello.substr(0, 10), hello.substr(10)});
    auto w = c.next_json();
    ASSERT_TRUE(w);
    EXPECT_EQ(w->at("type").as_string(), "welcome");
}

TEST_F(WsStream, ParticipantCannotPickAnotherEvent) {
    ws_client c(server_.port());
    c.send_text(json::serialize(json::object{{"type", "hello"}, {"token", server_.join(server_.code_of("online"))}, {"event_id", 999}}));
    auto e = c.next_json();
    ASSERT_TRUE(e);
    EXPECT_EQ(e->at("type").as_string(), "error");
}

}  // namespace
}  // namespace bimtek::testing
