#include "server/transport/ws/broadcast_hub.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace bimtek::transport {
namespace {

// Records each run it is handed: the seqs, in the order given.
class recording_member final : public shard_member {
public:
    std::vector<std::vector<std::int64_t>> runs;
    void on_live(std::span<prepared_update const* const> run) override {
        std::vector<std::int64_t> seqs;
        for (auto const* u : run) seqs.push_back(u->seq);
        runs.push_back(std::move(seqs));
    }
    void sweep(std::chrono::steady_clock::time_point) override {}
};

std::shared_ptr<prepared_update const> update(domain::event_id event, std::int64_t seq) {
    auto u = std::make_shared<prepared_update>();
    u->event = event;
    u->seq = seq;
    u->full = u->public_view = std::make_shared<std::string const>("frame " + std::to_string(seq));
    return u;
}

// A shard on a context no thread runs yet (ctx.run() delivers), with "m" following event 1.
class StreamShard : public ::testing::Test {
protected:
    StreamShard() { shard.subscribe(1, &m); }

    boost::asio::io_context ctx;
    stream_shard shard{ctx};
    recording_member m;
};

TEST_F(StreamShard, OneUpdateOnAQuietStreamIsDeliveredAlone) {
    shard.enqueue(update(1, 7));
    ctx.run();
    EXPECT_EQ(m.runs, (std::vector<std::vector<std::int64_t>>{{7}}));
}

TEST_F(StreamShard, UpdatesPublishedBeforeTheDeliveryRunsGoOutTogetherInOrder) {
    recording_member other;
    shard.subscribe(2, &other);
    // Published from another thread while the shard's thread is busy (not running yet).
    std::thread publisher([&] {
        for (std::int64_t seq = 1; seq <= 3; ++seq) shard.enqueue(update(1, seq));
        shard.enqueue(update(2, 1));
        shard.enqueue(update(1, 4));
    });
    publisher.join();
    ctx.run();
    // One delivery: a run per event in publication order, each member only its own event.
    EXPECT_EQ(m.runs, (std::vector<std::vector<std::int64_t>>{{1, 2, 3}, {4}}));
    EXPECT_EQ(other.runs, (std::vector<std::vector<std::int64_t>>{{1}}));

    // The next update after that delivery is posted anew.
    ctx.restart();
    shard.enqueue(update(1, 5));
    ctx.run();
    EXPECT_EQ(m.runs.back(), (std::vector<std::int64_t>{5}));
    EXPECT_EQ(m.runs.size(), 3u);
}

TEST_F(StreamShard, AnEventWithoutSubscribersIsSkipped) {
    shard.enqueue(update(9, 1));
    shard.unsubscribe(1, &m);
    shard.enqueue(update(1, 2));
    ctx.run();
    EXPECT_TRUE(m.runs.empty());
}

}  // namespace
}  // namespace bimtek::transport
