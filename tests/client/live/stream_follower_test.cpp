// The follower against a scripted WebSocket: reconnection with since/epoch, no gap and no
// duplicate across drops, resync, refusal, unreachable at the start.
#include "client/live/stream_follower.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <deque>

namespace bimtek::client::live {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

std::string update_frame(std::int64_t seq) {
    return protocol::encode_update(seq, "checkin", "2026-11-26T02:00:00Z",
                                   R"({"counts":{"onsite_present":1}})");
}
std::string welcome_frame(std::int64_t seq, std::string epoch = "E1") {
    return protocol::encode(
        protocol::welcome{1, "coordinator", seq, std::move(epoch), 1, "2026-11-26T02:00:00Z"});
}

// Each connection is a script: "" for a refused open, else the frames the server sends (after
// the hello), then the connection drops.
class scripted_ws final : public net::ws_transport {
public:
    std::deque<std::vector<std::string>> connections;
    std::vector<std::string> hellos;
    std::vector<std::string> sent;
    int opens = 0;

    net::link_fault open(std::string const&, std::chrono::milliseconds) override {
        ++opens;
        if (connections.empty()) return refused();
        current_ = std::move(connections.front());
        connections.pop_front();
        if (current_.size() == 1 && current_[0].empty()) {
            current_.clear();
            return refused();
        }
        open_ = true;
        pos_ = 0;
        return {};
    }
    void send(std::string const& text) override {
        sent.push_back(text);
        if (text.find("\"hello\"") != std::string::npos) hellos.push_back(text);
    }
    net::ws_event next(std::chrono::milliseconds) override {
        if (!open_)
            return {net::ws_event::kind::closed, {}, {net::fault_kind::dropped, "not open"}};
        if (pos_ < current_.size()) return {net::ws_event::kind::message, current_[pos_++], {}};
        open_ = false;
        return {net::ws_event::kind::closed, {}, {net::fault_kind::dropped, "dropped"}};
    }
    void close() override { open_ = false; }

private:
    static net::link_fault refused() { return {net::fault_kind::refused, "refused"}; }

    std::vector<std::string> current_;
    std::size_t pos_ = 0;
    bool open_ = false;
};

class fake_clock final : public follower_clock {
public:
    std::chrono::steady_clock::time_point now() override { return now_; }
    void sleep(std::chrono::milliseconds d) override {
        slept.push_back(d);
        now_ += d;
    }
    std::vector<std::chrono::milliseconds> slept;

private:
    std::chrono::steady_clock::time_point now_{};
};

class recording_sink final : public follower_sink {
public:
    std::vector<std::int64_t> seqs;
    std::vector<std::string> frames;
    int reloads = 0;
    int resyncs = 0;
    int ticks = 0;
    int max_ticks = 100;

    void welcomed(protocol::welcome const&, bool reload) override { reloads += reload; }
    void resynced(protocol::resync const&) override { ++resyncs; }
    bool updated(protocol::update const& u, std::string const& frame) override {
        seqs.push_back(u.seq);
        frames.push_back(frame);
        return true;
    }
    std::vector<net::fault_kind> faults;  // of each reconnecting
    void link_changed(link_state s, net::link_fault const& why) override {
        if (s == link_state::reconnecting) faults.push_back(why.kind);
    }
    bool tick() override { return ++ticks < max_ticks; }
};

std::optional<std::int64_t> since_of(std::string const& hello) {
    auto o = json::parse(hello).as_object();
    if (auto const* s = o.if_contains("since")) return s->as_int64();
    return std::nullopt;
}

TEST(StreamFollower, ReconnectsWithSinceAndHandsOnEveryUpdateOnce) {
    scripted_ws ws;
    ws.connections.push_back({welcome_frame(10), update_frame(11), update_frame(12)});
    ws.connections.push_back({""});  // the server is restarting
    // After the restart the server replays from since=12; a stale duplicate must be dropped.
    ws.connections.push_back(
        {welcome_frame(14), update_frame(12), update_frame(13), update_frame(14)});
    fake_clock clock;
    recording_sink sink;
    stream_follower f(ws, clock, follower_options{"ws://x/ws", "tok", std::nullopt});
    EXPECT_EQ(f.run(sink), follow_end::stopped);
    EXPECT_EQ(sink.seqs, (std::vector<std::int64_t>{11, 12, 13, 14}));
    EXPECT_EQ(sink.frames[0], update_frame(11));  // the frame exactly as the server sent it
    ASSERT_GE(ws.hellos.size(), 2u);
    EXPECT_FALSE(since_of(ws.hellos[0]));
    EXPECT_EQ(since_of(ws.hellos[1]), 12);
    EXPECT_EQ(json::parse(ws.hellos[1]).at("epoch").as_string(), "E1");
    EXPECT_EQ(sink.reloads, 1);  // only the first connection loads the state
    ASSERT_GE(clock.slept.size(), 1u);
    EXPECT_EQ(clock.slept.front(), 250ms);  // back-off 0.5 s, waited in ticks
}

TEST(StreamFollower, BackOffGrowsToFiveSecondsAndResetsOnWelcome) {
    backoff b;
    EXPECT_EQ(b.next(), 500ms);
    EXPECT_EQ(b.next(), 1000ms);
    EXPECT_EQ(b.next(), 2000ms);
    EXPECT_EQ(b.next(), 4000ms);
    EXPECT_EQ(b.next(), 5000ms);
    EXPECT_EQ(b.next(), 5000ms);
    b.reset();
    EXPECT_EQ(b.next(), 500ms);
}

TEST(StreamFollower, AGapMakesItAskAgainAtOnce) {
    scripted_ws ws;
    ws.connections.push_back({welcome_frame(10), update_frame(11), update_frame(13)});
    ws.connections.push_back({welcome_frame(13), update_frame(12), update_frame(13)});
    fake_clock clock;
    recording_sink sink;
    stream_follower f(ws, clock, follower_options{"ws://x/ws", "tok", std::nullopt});
    f.run(sink);
    EXPECT_EQ(sink.seqs, (std::vector<std::int64_t>{11, 12, 13}));
    ASSERT_GE(ws.hellos.size(), 2u);
    EXPECT_EQ(since_of(ws.hellos[1]), 11);
    ASSERT_FALSE(sink.faults.empty());
    EXPECT_EQ(sink.faults.front(), net::fault_kind::stream_gap);
}

TEST(StreamFollower, ResyncReloadsAndContinuesFromTheWelcome) {
    scripted_ws ws;
    ws.connections.push_back({welcome_frame(50, "E2"),
                              protocol::encode(protocol::resync{"epoch_changed", 50}),
                              update_frame(51)});
    ws.connections.push_back({welcome_frame(51, "E2")});
    fake_clock clock;
    recording_sink sink;
    stream_follower f(ws, clock, follower_options{"ws://x/ws", "tok", std::nullopt},
                      stream_cursor(7, "E1"));
    f.run(sink);
    EXPECT_EQ(sink.resyncs, 1);
    EXPECT_EQ(sink.seqs, (std::vector<std::int64_t>{51}));
    ASSERT_GE(ws.hellos.size(), 2u);
    EXPECT_EQ(since_of(ws.hellos[0]), 7);
    EXPECT_EQ(since_of(ws.hellos[1]), 51);
    EXPECT_EQ(json::parse(ws.hellos[1]).at("epoch").as_string(), "E2");
}

TEST(StreamFollower, RefusedTokenEndsTheRun) {
    scripted_ws ws;
    ws.connections.push_back({protocol::encode(protocol::error{"unauthorized", "unknown token"})});
    fake_clock clock;
    recording_sink sink;
    stream_follower f(ws, clock, follower_options{"ws://x/ws", "bad", std::nullopt});
    EXPECT_EQ(f.run(sink), follow_end::unauthorized);
    EXPECT_EQ(ws.opens, 1);
    EXPECT_EQ(f.last_fault().detail, "unauthorized: unknown token");
}

TEST(StreamFollower, UnreachableAtTheStartEndsTheRun) {
    scripted_ws ws;
    fake_clock clock;
    recording_sink sink;
    stream_follower f(ws, clock, follower_options{"ws://x/ws", "tok", std::nullopt});
    EXPECT_EQ(f.run(sink), follow_end::unreachable);
    EXPECT_EQ(f.last_fault().kind, net::fault_kind::refused);
}

TEST(StreamFollower, PingsAQuietConnectionAndDropsADeadOne) {
    // A connection that never says anything after the welcome.
    class silent_ws final : public net::ws_transport {
    public:
        explicit silent_ws(fake_clock& c) : clock_(c) {}
        std::vector<std::string> sent;
        int opens = 0;
        bool open_ = false;
        bool welcomed_ = false;
        net::link_fault open(std::string const&, std::chrono::milliseconds) override {
            ++opens;
            open_ = true;
            welcomed_ = false;
            return {};
        }
        void send(std::string const& t) override { sent.push_back(t); }
        net::ws_event next(std::chrono::milliseconds t) override {
            if (!open_)
                return {net::ws_event::kind::closed, {}, {net::fault_kind::dropped, "closed"}};
            if (!welcomed_) {
                welcomed_ = true;
                return {net::ws_event::kind::message, welcome_frame(1), {}};
            }
            clock_.sleep(t);
            return {};
        }
        void close() override { open_ = false; }

    private:
        fake_clock& clock_;
    };
    fake_clock clock;
    silent_ws ws(clock);
    recording_sink sink;
    sink.max_ticks = 250;  // 250 ticks of 250 ms: past the 45 s silence limit
    follower_options o{"ws://x/ws", "tok", std::nullopt};
    stream_follower f(ws, clock, o);
    f.run(sink);
    EXPECT_NE(std::find(ws.sent.begin(), ws.sent.end(), R"({"type":"ping"})"), ws.sent.end());
    EXPECT_GE(ws.opens, 2);
    ASSERT_FALSE(sink.faults.empty());
    EXPECT_EQ(sink.faults.front(), net::fault_kind::silent);
}

}  // namespace
}  // namespace bimtek::client::live
