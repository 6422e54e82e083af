// A client that stops reading must not hold the others back nor grow the server's memory: it
// is told to resync and closed once its bounded queue is full, while 200 others keep receiving
// every update in order.
#include <poll.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/harness/http_client.hpp"
#include "tests/harness/test_server.hpp"
#include "tests/harness/ws_client.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

TEST(WsBackpressure, SlowConsumerIsCutOffWhileTwoHundredOthersKeepUp) {
    test_server_options o;
    o.ws_max_queue = 64;
    o.demo_online = 200;
    test_server server(o);
    http_client http(server.port());
    auto coordinator = server.login_coordinator();
    http.set_token(coordinator);
    auto base = "/api/v1/events/" + std::to_string(server.event_id());

    // The stalled client: a coordinator (full, larger frames) with a tiny receive buffer.
    ws_client::options tiny{"", 2048};
    ws_client stalled(server.port(), tiny);
    stalled.hello(coordinator);

    std::vector<std::unique_ptr<ws_client>> readers;
    std::int64_t start = 0;
    for (std::size_t i = 0; i < 200; ++i) {
        readers.push_back(std::make_unique<ws_client>(server.port()));
        start = readers.back()->hello(server.join(server.code_of("online", i))).at("seq").as_int64();
    }
    // The readers read all along, on their own thread.
    std::vector<std::int64_t> last(readers.size(), 0);
    std::atomic<bool> gap{false}, done{false};
    std::atomic<std::int64_t> target{-1};
    std::thread pump([&] {
        std::vector<pollfd> fds;
        for (auto& r : readers) fds.push_back(pollfd{r->fd(), POLLIN, 0});
        while (!done) {
            ::poll(fds.data(), fds.size(), 50);
            for (std::size_t i = 0; i < readers.size(); ++i) {
                for (auto const& text : readers[i]->take_available()) {
                    auto m = json::parse(text);
                    if (m.at("type") != "update") continue;
                    auto seq = m.at("seq").as_int64();
                    if (seq <= start) continue;  // presence joins of the readers themselves
                    if (last[i] != 0 && seq != last[i] + 1) gap = true;
                    last[i] = seq;
                }
            }
            if (target >= 0 && std::all_of(last.begin(), last.end(), [&](std::int64_t s) { return s >= target; })) break;
        }
    });

    // Enough updates (check-ins and check-outs) to fill the stalled client's socket and queue.
    auto code = server.code_of("onsite", 0);
    for (int i = 0; i < 600; ++i) {
        ASSERT_EQ(http.post(base + "/checkins", json::serialize(json::object{{"code", code}})).status, 201);
        ASSERT_EQ(http.post(base + "/checkouts", json::serialize(json::object{{"code", code}})).status, 200);
    }
    auto final_seq = ws_client(server.port()).hello(coordinator).at("seq").as_int64();
    auto posted = std::chrono::steady_clock::now();
    target = final_seq;
    pump.join();
    done = true;
    auto took = std::chrono::steady_clock::now() - posted;

    EXPECT_FALSE(gap);
    for (auto s : last) EXPECT_EQ(s, final_seq);
    EXPECT_LT(took, 10s) << "the readers fell behind";

    // The stalled client, reading at last, finds a resync notice and a close (1013) — or, if it
    // did not even take those in time, a closed socket.
    bool told = false, closed = false;
    while (auto f = stalled.next(3s)) {
        if (f->opcode == 0x1 && f->payload.find("slow_consumer") != std::string::npos) told = true;
        if (f->opcode == 0x8) {
            closed = true;
            EXPECT_EQ(f->close_code(), 1013);
        }
    }
    EXPECT_TRUE(closed || !stalled.open());
    EXPECT_TRUE(told || !stalled.open());
}

}  // namespace
}  // namespace bimtek::testing
