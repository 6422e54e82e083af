// bimtek watch --json against the real server: check-ins and questions arrive as the
// protocol's update messages, and a server crash in the middle leaves no gap and no duplicate.
#include <signal.h>

#include <gtest/gtest.h>

#include "tests/client/client_test_support.hpp"
#include "tests/harness/test_server.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

// Waits until "watch" printed at least "n" lines.
bool wait_lines(client_process& watch, std::size_t n, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (json_lines(watch.out()).size() < n) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        watch.wait_for("\x01", 100ms);  // never printed: just waits
    }
    return true;
}

// Every line is an update frame, seq strictly +1 from one line to the next.
void expect_gap_free(std::vector<json::object> const& lines) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(lines[i].at("type").as_string(), "update");
        if (i > 0) {
            EXPECT_EQ(lines[i].at("seq").as_int64(), lines[i - 1].at("seq").as_int64() + 1) << i;
        }
    }
}

TEST(WatchCli, JsonLinesShowCheckinsAndQuestionsWithinTwoSeconds) {
    test_server server;
    client_home home;
    auto token = server.login_coordinator();
    auto url = "http://127.0.0.1:" + std::to_string(server.port());
    client_process watch({"--server", url, "--token", token, "watch", "--json"}, home.env());
    ASSERT_TRUE(watch.wait_for("seq", 10s, true)) << watch.err();  // welcomed

    http_client http(server.port());
    http.set_token(token);
    auto t0 = std::chrono::steady_clock::now();
    auto r = http.post("/api/v1/events/" + std::to_string(server.event_id()) + "/checkins",
                       json::serialize(json::object{{"code", server.code_of("onsite", 0)}}));
    ASSERT_EQ(r.status, 201) << r.body;
    ASSERT_TRUE(watch.wait_for(R"("kind":"checkin")", 2s)) << watch.out() << watch.err();
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);

    http_client participant(server.port());
    participant.set_token(server.join(server.code_of("online", 0)));
    auto session = server.demo().at("sessions").as_array().at(0).as_int64();
    auto q = participant.post("/api/v1/sessions/" + std::to_string(session) + "/questions",
                              R"({"text":"Bagaimana cara mengakses modal usaha?"})");
    ASSERT_EQ(q.status, 201) << q.body;
    ASSERT_TRUE(watch.wait_for(R"("kind":"question.created")", 2s)) << watch.out();

    EXPECT_EQ(watch.stop(SIGINT, 10s), 0) << watch.err();
    auto lines = json_lines(watch.out());
    ASSERT_GE(lines.size(), 2u);
    expect_gap_free(lines);
    EXPECT_EQ(lines.front().at("kind").as_string(), "checkin");
    EXPECT_EQ(lines.front().at("data").at("participant").at("name").as_string(),
              server.demo().at("participants").as_array().at(0).at("name").as_string());
    EXPECT_EQ(lines.back().at("kind").as_string(), "question.created");
}

TEST(WatchCli, AServerCrashInTheMiddleLeavesNoGapAndNoDuplicate) {
    temp_dir data;
    client_home home;
    server_on_port server(free_port(), data.path());
    server.start();
    auto token = server.login_coordinator();
    auto codes = demo_codes(server.demo(), "onsite", 6);
    auto event = std::to_string(server.demo().at("event_id").as_int64());
    auto check_in = [&](std::string const& code) {
        http_client http(server.port());
        http.set_token(token);
        auto r = http.post("/api/v1/events/" + event + "/checkins",
                           json::serialize(json::object{{"code", code}}));
        ASSERT_EQ(r.status, 201) << r.body;
    };

    client_process watch({"--server", server.url(), "--token", token, "watch", "--json"},
                         home.env());
    ASSERT_TRUE(watch.wait_for("seq", 10s, true)) << watch.err();
    check_in(codes[0]);
    check_in(codes[1]);
    ASSERT_TRUE(wait_lines(watch, 2, 5s)) << watch.out();

    server.stop(SIGKILL);  // a crash, not a clean stop
    server.start();
    // Changes right after the restart, likely before the client is back: they must be replayed.
    check_in(codes[2]);
    check_in(codes[3]);
    check_in(codes[4]);
    ASSERT_TRUE(wait_lines(watch, 5, 20s)) << watch.out() << watch.err();
    check_in(codes[5]);
    ASSERT_TRUE(wait_lines(watch, 6, 10s)) << watch.out() << watch.err();

    EXPECT_EQ(watch.stop(SIGTERM, 10s), 0);
    auto lines = json_lines(watch.out());
    expect_gap_free(lines);
    ASSERT_EQ(lines.size(), 6u) << watch.out();
    for (auto const& l : lines) EXPECT_EQ(l.at("kind").as_string(), "checkin");
    EXPECT_NE(watch.err().find("Menyambung ulang"), std::string::npos) << watch.err();
}

TEST(WatchCli, SinceReplaysWhatWasMissed) {
    test_server server;
    client_home home;
    auto token = server.login_coordinator();
    http_client http(server.port());
    http.set_token(token);
    for (std::size_t i = 0; i < 3; ++i) {
        auto r = http.post("/api/v1/events/" + std::to_string(server.event_id()) + "/checkins",
                           json::serialize(json::object{{"code", server.code_of("onsite", i)}}));
        ASSERT_EQ(r.status, 201);
    }
    auto url = "http://127.0.0.1:" + std::to_string(server.port());
    client_process watch({"--server", url, "--token", token, "watch", "--json", "--since", "0"},
                         home.env());
    ASSERT_TRUE(watch.wait_for(
        server.demo().at("participants").as_array().at(2).at("name").as_string().c_str(), 10s))
        << watch.out() << watch.err();
    watch.stop(SIGINT, 10s);
    auto lines = json_lines(watch.out());
    expect_gap_free(lines);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.front().at("seq").as_int64(), 1);
}

}  // namespace
}  // namespace bimtek::testing
