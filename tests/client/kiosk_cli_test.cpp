// bimtek checkin (the door kiosk) against the real server: the server down then up, nothing
// lost and nothing counted twice, also when the kiosk is killed between queueing and sending.
#include <signal.h>

#include <gtest/gtest.h>

#include "tests/client/client_test_support.hpp"
#include "tests/harness/test_server.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

std::string lines_of(std::vector<std::string> const& codes) {
    std::string s;
    for (auto const& c : codes) s += c + "\n";
    return s;
}

class KioskCli : public ::testing::Test {
protected:
    // Seeds the demo on a chosen port, takes a coordinator token, and stops the server.
    void SetUp() override {
        server_.start();
        token_ = server_.login_coordinator();
        demo_ = server_.demo();
        event_ = std::to_string(demo_.at("event_id").as_int64());
        server_.stop();
    }
    std::vector<std::string> args(std::vector<std::string> more) {
        std::vector<std::string> a{"--server", server_.url(), "--token",      token_,
                                   "checkin",  "--queue",     queue_.string()};
        a.insert(a.end(), more.begin(), more.end());
        return a;
    }
    json::object attendance() {
        http_client http(server_.port());
        http.set_token(token_);
        auto r = http.get("/api/v1/events/" + event_ + "/attendance");
        EXPECT_EQ(r.status, 200) << r.body;
        return r.json().as_object();
    }
    // How often the stream recorded a check-in of each participant (replayed from the start).
    std::map<std::string, int> checkins_in_stream() {
        auto r = run_client(
            {"--server", server_.url(), "--token", token_, "watch", "--json", "--since", "0"},
            home_.env(), {}, 3s);  // killed after 3 s: it would follow forever
        std::map<std::string, int> count;
        for (auto const& l : json_lines(r.out))
            if (l.at("kind").as_string() == "checkin")
                ++count[std::string(l.at("data").at("participant").at("name").as_string())];
        return count;
    }
    std::string name_of(std::string const& code) {
        for (auto const& p : demo_.at("participants").as_array())
            if (p.at("code").as_string() == code) return std::string(p.at("name").as_string());
        return {};
    }

    temp_dir data_;
    client_home home_;
    server_on_port server_{free_port(), data_.path()};
    std::filesystem::path queue_ = home_.dir / "queue.db";
    std::string token_;
    std::string event_;
    json::value demo_;
};

TEST_F(KioskCli, ServerDownThenFlushChecksInEveryScanOnce) {
    auto codes = demo_codes(demo_, "onsite", 10);
    auto offline = run_client(args({"--drain-timeout", "1"}), home_.env(), lines_of(codes));
    EXPECT_EQ(offline.status, 0) << offline.err;
    EXPECT_NE(offline.out.find("(10 menunggu)"), std::string::npos) << offline.out;
    EXPECT_NE(offline.out.find("10 pindaian masih dalam antrean"), std::string::npos)
        << offline.out;

    auto early = run_client(args({"--flush"}), home_.env());
    EXPECT_EQ(early.status, 4) << early.out << early.err;  // still down: unreachable

    server_.start();
    auto flush = run_client(args({"--flush"}), home_.env());
    EXPECT_EQ(flush.status, 0) << flush.out << flush.err;
    EXPECT_NE(flush.out.find("antrean kosong"), std::string::npos) << flush.out;

    auto a = attendance();
    int checked = 0;
    for (auto const& p : a.at("participants").as_array()) {
        bool in = p.at("checked_in").as_bool();
        bool expected = std::any_of(codes.begin(), codes.end(), [&](auto const& c) {
            return name_of(c) == p.at("name").as_string();
        });
        EXPECT_EQ(in, expected) << p.at("name").as_string();
        checked += in;
    }
    EXPECT_EQ(checked, 10);
    EXPECT_EQ(a.at("present").at("onsite").as_int64(), 10);
    auto stream = checkins_in_stream();
    EXPECT_EQ(stream.size(), 10u);
    for (auto const& [name, n] : stream) EXPECT_EQ(n, 1) << name;

    auto again = run_client(args({"--flush"}), home_.env());  // nothing left to send
    EXPECT_EQ(again.status, 0);
    EXPECT_EQ(checkins_in_stream().size(), 10u);
}

TEST_F(KioskCli, AKioskKilledAfterQueueingLosesNothing) {
    auto codes = demo_codes(demo_, "onsite", 3);
    {
        client_process kiosk(args({}), home_.env(), {}, /*keep_stdin_open=*/true);
        kiosk.write_stdin(lines_of(codes));
        ASSERT_TRUE(kiosk.wait_for("(3 menunggu)", 20s)) << kiosk.out() << kiosk.err();
        EXPECT_EQ(kiosk.stop(SIGKILL, 10s), 128 + SIGKILL);
    }
    server_.start();
    // Suppose the first scan had reached the server just before the crash, unconfirmed.
    {
        http_client http(server_.port());
        http.set_token(token_);
        ASSERT_EQ(http.post("/api/v1/events/" + event_ + "/checkins",
                            json::serialize(json::object{{"code", codes[0]}}))
                      .status,
                  201);
    }
    auto flush = run_client(args({"--flush", "--lang", "en"}), home_.env());
    EXPECT_EQ(flush.status, 0) << flush.out << flush.err;
    EXPECT_NE(flush.out.find(name_of(codes[0]) + " — already checked in"), std::string::npos)
        << flush.out;
    EXPECT_NE(flush.out.find(name_of(codes[1]) + " — checked in"), std::string::npos) << flush.out;
    EXPECT_EQ(attendance().at("present").at("onsite").as_int64(), 3);
    auto stream = checkins_in_stream();
    EXPECT_EQ(stream.size(), 3u);
    for (auto const& [name, n] : stream) EXPECT_EQ(n, 1) << name;
}

TEST_F(KioskCli, SendsTheQueueAsSoonAsTheServerIsBack) {
    auto codes = demo_codes(demo_, "onsite", 2);
    client_process kiosk(args({}), home_.env(), {}, true);
    kiosk.write_stdin(lines_of(codes));
    ASSERT_TRUE(kiosk.wait_for("(2 menunggu)", 20s)) << kiosk.out();
    server_.start();
    // No new scan: the kiosk retries by itself.
    ASSERT_TRUE(kiosk.wait_for(name_of(codes[1]) + " — hadir", 20s)) << kiosk.out() << kiosk.err();
    kiosk.write_stdin("ZZZZ2222\n" + codes[0] + "\n");
    ASSERT_TRUE(kiosk.wait_for("ZZZZ2222 — kode tidak dikenal", 10s)) << kiosk.out();
    ASSERT_TRUE(kiosk.wait_for(name_of(codes[0]) + " — sudah hadir", 10s)) << kiosk.out();
    kiosk.close_stdin();
    EXPECT_EQ(kiosk.wait_exit(20s), 0);
    EXPECT_NE(kiosk.out().find("antrean kosong"), std::string::npos) << kiosk.out();
    auto lines = kiosk.out_lines();
    auto first = std::find_if(lines.begin(), lines.end(), [&](auto const& l) {
        return l.find(name_of(codes[0])) != std::string::npos;
    });
    auto second = std::find_if(lines.begin(), lines.end(), [&](auto const& l) {
        return l.find(name_of(codes[1])) != std::string::npos;
    });
    EXPECT_LT(first, second);  // in the order of scanning
}

TEST_F(KioskCli, OneCodeAndItsExitCodes) {
    auto codes = demo_codes(demo_, "onsite", 2);
    auto down = run_client(args({"--code", codes[0]}), home_.env());
    EXPECT_EQ(down.status, 4) << down.out << down.err;
    EXPECT_NE(down.out.find("disimpan dalam antrean"), std::string::npos) << down.out;
    server_.start();
    auto ok = run_client(args({"--code", codes[1]}), home_.env());
    EXPECT_EQ(ok.status, 0) << ok.out << ok.err;  // the queued one went first
    EXPECT_NE(ok.out.find(name_of(codes[0])), std::string::npos) << ok.out;
    EXPECT_NE(ok.out.find(name_of(codes[1]) + " — hadir"), std::string::npos) << ok.out;
    auto unknown = run_client(args({"--code", "ZZZZ2222"}), home_.env());
    EXPECT_EQ(unknown.status, 1);
    auto bad = run_client({"--server", server_.url(), "--token", "nope", "checkin", "--queue",
                           queue_.string(), "--code", codes[0]},
                          home_.env());
    EXPECT_EQ(bad.status, 3) << bad.out << bad.err;
}

}  // namespace
}  // namespace bimtek::testing
