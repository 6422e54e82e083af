// The kiosk's queue rules with a fake server: queued while unreachable, sent in order once it
// answers, never lost and never sent again once answered, also across a crash.
#include "client/app/kiosk.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "tests/client/fake_http.hpp"
#include "tests/harness/temp_dir.hpp"

namespace bimtek::client::app {
namespace {

namespace json = boost::json;
using client::testing::answer;
using client::testing::fake_http;

class recording_display final : public kiosk_display {
public:
    void show(ui::kiosk_result const& r) override { shown.push_back(r); }
    std::vector<ui::kiosk_result> shown;
};

// A server with one event whose check-in is idempotent per code, like the real one.
struct fake_server {
    bool up = true;
    std::set<std::string> known{"AAAA2222", "BBBB3333", "CCCC4444"};
    std::map<std::string, int> checkins;  // code -> how often it was counted
    std::vector<std::string> order;

    net::http_outcome handle(net::http_request const& r) {
        if (!up) return client::testing::unreachable();
        if (r.target == "/api/v1/events")
            return answer(200,
                          R"({"events":[{"id":1,"title":"Bimtek","timezone":"Asia/Jakarta"}]})");
        if (r.target != "/api/v1/events/1/checkins")
            return answer(404, R"({"error":{"code":"not_found"}})");
        auto code = std::string(json::parse(r.body).at("code").as_string());
        order.push_back(code);
        if (!known.count(code))
            return answer(404, R"({"error":{"code":"unknown_code","message":"unknown"}})");
        bool first = checkins[code]++ == 0;
        if (!first) checkins[code] = 1;  // idempotent: counted once
        json::object body{{"status", first ? "checked_in" : "already_checked_in"},
                          {"participant", {{"id", 1}, {"name", "Peserta " + code}}},
                          {"checked_in_at", "2026-11-26T02:05:00Z"},
                          {"onsite_present", static_cast<std::int64_t>(checkins.size())}};
        return answer(first ? 201 : 200, json::serialize(body));
    }
};

timestamp fixed_now() {
    return from_unix_ms(1'795'000'000'000);
}

class Kiosk : public ::testing::Test {
protected:
    Kiosk() : http_([this](auto const& r) { return server_.handle(r); }), api_(http_, "T") {}
    std::unique_ptr<store::checkin_queue> open_queue() {
        auto q = store::checkin_queue::open(dir_ / "q.db");
        EXPECT_TRUE(q);
        return std::move(*q);
    }

    bimtek::testing::temp_dir dir_;
    fake_server server_;
    fake_http http_;
    api::api_client api_;
    recording_display display_;
};

TEST_F(Kiosk, ShowsEachOutcome) {
    auto q = open_queue();
    kiosk k(*q, api_, display_, {}, fixed_now);
    ASSERT_TRUE(k.scan(" AAAA2222 \r"));
    ASSERT_TRUE(k.scan("AAAA2222"));
    ASSERT_TRUE(k.scan("ZZZZ9999"));
    ASSERT_TRUE(k.scan("   "));  // an empty line is no scan
    ASSERT_EQ(display_.shown.size(), 3u);
    EXPECT_EQ(display_.shown[0].what, ui::kiosk_result::kind::checked_in);
    EXPECT_EQ(display_.shown[0].name, "Peserta AAAA2222");
    EXPECT_EQ(display_.shown[0].time, "09:05");  // in the event's time zone
    EXPECT_FALSE(display_.shown[0].from_queue);
    EXPECT_EQ(display_.shown[1].what, ui::kiosk_result::kind::already);
    EXPECT_EQ(display_.shown[2].what, ui::kiosk_result::kind::unknown);
    EXPECT_EQ(*k.waiting(), 0);
}

TEST_F(Kiosk, QueuesWhileUnreachableAndSendsInOrderLater) {
    auto q = open_queue();
    kiosk k(*q, api_, display_, {}, fixed_now);
    server_.up = false;
    for (auto code : {"BBBB3333", "ZZZZ9999", "AAAA2222"}) {
        auto r = k.scan(code);
        ASSERT_TRUE(r);
        ASSERT_TRUE(r->blocked);
        EXPECT_EQ(r->blocked->what, api::outcome::unreachable);
    }
    ASSERT_EQ(display_.shown.size(), 3u);
    EXPECT_EQ(display_.shown[2].what, ui::kiosk_result::kind::queued);
    EXPECT_EQ(display_.shown[2].waiting, 3);
    EXPECT_EQ(*k.waiting(), 3);
    EXPECT_TRUE(server_.order.empty());

    server_.up = true;
    display_.shown.clear();
    auto r = k.scan("CCCC4444");  // a new scan waits behind the older ones
    ASSERT_TRUE(r);
    EXPECT_FALSE(r->blocked);
    EXPECT_EQ(r->sent, 4);
    EXPECT_EQ(server_.order,
              (std::vector<std::string>{"BBBB3333", "ZZZZ9999", "AAAA2222", "CCCC4444"}));
    ASSERT_EQ(display_.shown.size(), 4u);
    EXPECT_TRUE(display_.shown[0].from_queue);
    EXPECT_EQ(display_.shown[1].what,
              ui::kiosk_result::kind::unknown);  // reported when finally sent
    EXPECT_FALSE(display_.shown[3].from_queue);
    EXPECT_EQ(*k.waiting(), 0);
    EXPECT_FALSE(k.send_pending()->blocked);
    EXPECT_EQ(server_.order.size(), 4u);  // nothing is sent twice
}

TEST_F(Kiosk, AServerErrorKeepsTheScanQueued) {
    auto q = open_queue();
    kiosk k(*q, api_, display_, {}, fixed_now);
    http_.set([](auto const& r) {
        if (r.target == "/api/v1/events") return answer(200, R"({"events":[{"id":1}]})");
        return answer(500, R"({"error":{"code":"storage_error"}})");
    });
    auto r = k.scan("AAAA2222");
    ASSERT_TRUE(r && r->blocked);
    EXPECT_EQ(r->blocked->what, api::outcome::server_error);
    EXPECT_EQ(*k.waiting(), 1);
}

TEST_F(Kiosk, ACrashAfterQueueingLosesNothingAndCountsNothingTwice) {
    {
        auto q = open_queue();
        kiosk k(*q, api_, display_, {}, fixed_now);
        server_.up = false;
        ASSERT_TRUE(k.scan("AAAA2222"));
        ASSERT_TRUE(k.scan("BBBB3333"));
    }  // the kiosk dies here
    // Suppose the first scan had reached the server before the crash, unconfirmed.
    server_.checkins["AAAA2222"] = 1;
    server_.up = true;
    auto q = open_queue();
    recording_display after;
    kiosk k(*q, api_, after, {}, fixed_now);
    auto r = k.send_pending();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->sent, 2);
    ASSERT_EQ(after.shown.size(), 2u);
    EXPECT_EQ(after.shown[0].what, ui::kiosk_result::kind::already);
    EXPECT_TRUE(after.shown[0].from_queue);
    EXPECT_EQ(after.shown[1].what, ui::kiosk_result::kind::checked_in);
    EXPECT_EQ(server_.checkins["AAAA2222"], 1);
    EXPECT_EQ(server_.checkins["BBBB3333"], 1);
    EXPECT_EQ(*k.waiting(), 0);
}

TEST_F(Kiosk, AuthFailureStopsAndKeepsTheQueue) {
    auto q = open_queue();
    kiosk k(*q, api_, display_, {}, fixed_now);
    http_.set([](auto const&) { return answer(401, R"({"error":{"code":"invalid_token"}})"); });
    auto r = k.scan("AAAA2222");
    ASSERT_TRUE(r && r->blocked);
    EXPECT_EQ(r->blocked->what, api::outcome::auth);
    EXPECT_EQ(*k.waiting(), 1);
}

TEST_F(Kiosk, UsesTheGivenEvent) {
    auto q = open_queue();
    kiosk k(*q, api_, display_, kiosk_options{1, ui::lang::en}, fixed_now);
    ASSERT_TRUE(k.scan("AAAA2222"));
    ASSERT_FALSE(http_.requests.empty());
    EXPECT_EQ(http_.requests.back().target, "/api/v1/events/1/checkins");
}

}  // namespace
}  // namespace bimtek::client::app
