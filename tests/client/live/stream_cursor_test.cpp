#include "client/live/stream_cursor.hpp"

#include <gtest/gtest.h>

namespace bimtek::client::live {
namespace {

protocol::update upd(std::int64_t seq) {
    return protocol::update{seq, "checkin", "2026-11-26T02:00:00Z", {}};
}
protocol::welcome welcome(std::int64_t seq, std::string epoch = "E1") {
    return protocol::welcome{1, "coordinator", seq, std::move(epoch), 1, ""};
}

TEST(StreamCursor, FirstConnectionStartsAtTheWelcome) {
    stream_cursor c;
    auto h = c.hello("tok", std::nullopt);
    EXPECT_EQ(h.token, "tok");
    EXPECT_FALSE(h.since);
    EXPECT_FALSE(h.epoch);
    EXPECT_TRUE(c.on_welcome(welcome(10)));  // load the state over HTTP
    EXPECT_EQ(c.on_update(upd(11)), stream_cursor::verdict::apply);
    EXPECT_EQ(c.on_update(upd(11)), stream_cursor::verdict::duplicate);
    EXPECT_EQ(c.on_update(upd(9)), stream_cursor::verdict::duplicate);
    EXPECT_EQ(c.on_update(upd(13)), stream_cursor::verdict::gap);
    EXPECT_EQ(c.last_seq(), 11);
}

TEST(StreamCursor, ReconnectsWithSinceAndEpoch) {
    stream_cursor c;
    c.on_welcome(welcome(10));
    c.on_update(upd(11));
    auto h = c.hello("tok", 3);
    EXPECT_EQ(h.since, 11);
    EXPECT_EQ(h.epoch, "E1");
    EXPECT_EQ(h.event_id, 3);
    EXPECT_FALSE(c.on_welcome(welcome(14)));  // the replay follows: no reload
    EXPECT_EQ(c.on_update(upd(12)), stream_cursor::verdict::apply);
}

TEST(StreamCursor, ResyncAdoptsTheWelcome) {
    stream_cursor c(5, std::string("OLD"));
    EXPECT_FALSE(c.on_welcome(welcome(40, "NEW")));
    EXPECT_EQ(c.epoch(), "OLD");  // not yet: a drop before the resync must ask again the same way
    EXPECT_TRUE(c.on_resync(protocol::resync{"epoch_changed", 40}));
    EXPECT_EQ(c.last_seq(), 40);
    EXPECT_EQ(c.epoch(), "NEW");
    EXPECT_EQ(c.on_update(upd(41)), stream_cursor::verdict::apply);
    EXPECT_FALSE(c.on_resync(protocol::resync{"slow_consumer", 0}));
    EXPECT_EQ(c.last_seq(), 41);
}

TEST(StreamCursor, SinceWithoutEpochTakesTheServers) {
    stream_cursor c(3, std::nullopt);
    EXPECT_FALSE(c.hello("t", std::nullopt).epoch);
    EXPECT_FALSE(c.on_welcome(welcome(8, "E9")));
    EXPECT_EQ(c.epoch(), "E9");
}

}  // namespace
}  // namespace bimtek::client::live
