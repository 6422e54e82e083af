#include "server/domain/presence_service.hpp"

#include <thread>
#include <vector>

#include "server/domain/checkin_service.hpp"
#include "tests/server/domain/domain_fixture.hpp"

namespace bimtek::test {
namespace {

using namespace domain;
using namespace std::chrono_literals;

class presence_service_test : public domain_fixture {
protected:
    presence_service presence{store, clock, presence_policy{20s, 30s}};

    participant ayu = seed_participant(store, event.id, "Ni Luh Putu Ayu", attendance_mode::online,
                                       "AAAACCCC", participant_category::pendamping, "Denpasar");
    participant budi =
        seed_participant(store, event.id, "Budi Santoso", attendance_mode::online, "AAAADDDD");
    participant siti =
        seed_participant(store, event.id, "Siti Nurhaliza", attendance_mode::onsite, "AAAABBBB");

    void at(timestamp t) { clock.set(t); }
    void connect(participant const& p) {
        status st = presence.connected(p.id);
        ASSERT_TRUE(st.ok()) << st.error().message;
    }
    void tick() {
        status st = presence.tick();
        ASSERT_TRUE(st.ok()) << st.error().message;
    }
    std::vector<presence_interval> intervals(participant const& p) {
        std::vector<presence_interval> out;
        for (auto const& [id, i] : store.state().presence)
            if (i.participant == p.id) out.push_back(i);
        return out;
    }
    std::vector<stream_update> updates_of(std::string const& kind) {
        std::vector<stream_update> out;
        for (auto& u : notifier.updates())
            if (u.kind == kind) out.push_back(u);
        return out;
    }
};

TEST_F(presence_service_test, joining_opens_an_interval_and_tells_the_stream) {
    at(wib(9, 1));
    connect(ayu);
    EXPECT_TRUE(presence.present(ayu.id));
    EXPECT_EQ(presence.online_now(event.id), 1);
    auto list = intervals(ayu);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].event, event.id);
    EXPECT_EQ(list[0].joined_at, wib(9, 1));
    EXPECT_EQ(list[0].last_seen_at, wib(9, 1));
    EXPECT_TRUE(list[0].open());

    auto joined = updates_of("presence.join");
    ASSERT_EQ(joined.size(), 1u);
    EXPECT_EQ(joined[0].event, event.id);
    EXPECT_EQ(joined[0].at, wib(9, 1));
    EXPECT_EQ(joined[0].session, std::nullopt);
    EXPECT_EQ(parse_object(joined[0].full_data),
              parse_object(R"({"participant":{"id":)" + std::to_string(ayu.id) +
                           R"(,"name":"Ni Luh Putu Ayu","category":"pendamping",)"
                           R"("region":"Denpasar","mode":"online"},)"
                           R"("counts":{"onsite_present":0,"online_present":1}})"));
    EXPECT_EQ(joined[0].public_data, R"({"counts":{"onsite_present":0,"online_present":1}})");
}

TEST_F(presence_service_test, two_connections_count_once) {
    connect(ayu);
    connect(ayu);
    EXPECT_EQ(intervals(ayu).size(), 1u);
    EXPECT_EQ(updates_of("presence.join").size(), 1u);
    EXPECT_EQ(presence.online_now(event.id), 1);

    // One tab closes: still connected, nothing happens even long after.
    at(wib(9, 10));
    presence.disconnected(ayu.id);
    at(wib(9, 20));
    tick();
    EXPECT_TRUE(presence.present(ayu.id));
    EXPECT_TRUE(intervals(ayu).at(0).open());
    EXPECT_TRUE(updates_of("presence.leave").empty());
}

TEST_F(presence_service_test, a_reconnect_within_the_grace_window_does_not_split_the_interval) {
    at(wib(9));
    connect(ayu);
    at(wib(9, 10));
    presence.disconnected(ayu.id);
    EXPECT_TRUE(presence.present(ayu.id));  // in the grace window
    at(wib(9, 10) + 19s);
    tick();
    connect(ayu);
    at(wib(9, 15));
    tick();
    auto list = intervals(ayu);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_TRUE(list[0].open());
    EXPECT_EQ(updates_of("presence.join").size(), 1u);
    EXPECT_TRUE(updates_of("presence.leave").empty());
}

TEST_F(presence_service_test, after_the_grace_window_the_interval_ends_at_the_disconnection) {
    at(wib(9));
    connect(ayu);
    connect(budi);
    at(wib(9, 10));
    presence.disconnected(ayu.id);
    at(wib(9, 10) + 19s + 999ms);
    tick();
    EXPECT_TRUE(intervals(ayu).at(0).open());
    at(wib(9, 10) + 20s);
    tick();
    auto list = intervals(ayu);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].left_at, wib(9, 10));
    EXPECT_FALSE(presence.present(ayu.id));
    EXPECT_EQ(presence.online_now(event.id), 1);

    auto left = updates_of("presence.leave");
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].at, wib(9, 10) + 20s);
    auto full = parse_object(left[0].full_data);
    EXPECT_EQ(full.at("participant").at("id").as_int64(), ayu.id);
    EXPECT_EQ(full.at("counts").at("online_present").as_int64(), 1);
    EXPECT_EQ(left[0].public_data, R"({"counts":{"onsite_present":0,"online_present":1}})");

    // Coming back later is a new interval and a new join.
    at(wib(9, 30));
    connect(ayu);
    list = intervals(ayu);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[1].joined_at, wib(9, 30));
    EXPECT_EQ(updates_of("presence.join").size(), 3u);
}

TEST_F(presence_service_test, the_heartbeat_touches_only_connected_participants) {
    at(wib(9));
    connect(ayu);
    connect(budi);
    tick();  // the first heartbeat
    at(wib(9) + 5s);
    presence.disconnected(budi.id);
    at(wib(9) + 10s);
    tick();  // not due yet
    EXPECT_EQ(intervals(ayu).at(0).last_seen_at, wib(9));
    at(wib(9) + 30s);
    tick();
    EXPECT_EQ(intervals(ayu).at(0).last_seen_at, wib(9) + 30s);
    EXPECT_EQ(intervals(budi).at(0).last_seen_at, wib(9));  // in its grace window: not touched
    EXPECT_EQ(intervals(budi).at(0).left_at, wib(9) + 5s);  // and closed at its disconnection
    at(wib(9) + 45s);
    tick();
    EXPECT_EQ(intervals(ayu).at(0).last_seen_at, wib(9) + 30s);
    at(wib(9) + 60s);
    tick();
    EXPECT_EQ(intervals(ayu).at(0).last_seen_at, wib(9) + 60s);
}

TEST_F(presence_service_test, recover_closes_what_a_crash_left_open_at_last_seen) {
    // What a crashed server left behind: two open intervals, refreshed at different times.
    ASSERT_TRUE(store
                    .write([&](repositories& r) {
                        auto a = r.presence.open(event.id, ayu.id, wib(9));
                        r.presence.open(event.id, budi.id, wib(9, 5));
                        r.presence.touch({a}, wib(9, 30));
                        return status{};
                    })
                    .ok());
    at(wib(11));
    auto closed = presence.recover();
    ASSERT_TRUE(closed.ok());
    EXPECT_EQ(*closed, 2);
    EXPECT_EQ(intervals(ayu).at(0).left_at, wib(9, 30));
    EXPECT_EQ(intervals(budi).at(0).left_at, wib(9, 5));
    EXPECT_EQ(*presence.recover(), 0);
    // Joining again after the restart opens a new interval.
    connect(ayu);
    EXPECT_EQ(intervals(ayu).size(), 2u);
}

TEST_F(presence_service_test, an_interval_left_open_without_recover_is_closed_on_the_next_join) {
    ASSERT_TRUE(store
                    .write([&](repositories& r) {
                        r.presence.open(event.id, ayu.id, wib(9));
                        return status{};
                    })
                    .ok());
    at(wib(10));
    connect(ayu);
    auto list = intervals(ayu);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].left_at, wib(9));
    EXPECT_TRUE(list[1].open());
}

TEST_F(presence_service_test, people_in_the_room_are_not_counted_online) {
    checkin_service door{store, clock};
    ASSERT_TRUE(door.check_in(as_coordinator(), event.id, siti.id).ok());
    connect(siti);  // her phone, in the room
    connect(ayu);
    auto joined = updates_of("presence.join");
    ASSERT_EQ(joined.size(), 2u);
    EXPECT_EQ(joined[0].public_data, R"({"counts":{"onsite_present":1,"online_present":0}})");
    EXPECT_EQ(joined[1].public_data, R"({"counts":{"onsite_present":1,"online_present":1}})");
    EXPECT_EQ(presence.online_now(event.id), 2);  // the service knows both connections
}

TEST_F(presence_service_test, an_unknown_participant_is_refused) {
    EXPECT_ERROR(presence.connected(999), not_found, "participant_not_found");
    EXPECT_FALSE(presence.present(999));
    presence.disconnected(999);  // ignored
    EXPECT_TRUE(store.state().presence.empty());
}

TEST_F(presence_service_test, a_failed_write_changes_nothing_and_is_retried) {
    store.fail_next_write();
    EXPECT_EQ(presence.connected(ayu.id).error().kind, error_kind::internal);
    EXPECT_FALSE(presence.present(ayu.id));
    EXPECT_TRUE(store.state().presence.empty());
    connect(ayu);

    at(wib(9, 10));
    presence.disconnected(ayu.id);
    at(wib(9, 11));
    store.fail_next_write();
    EXPECT_FALSE(presence.tick().ok());
    EXPECT_TRUE(presence.present(ayu.id));  // still in its (expired) grace window
    EXPECT_TRUE(intervals(ayu).at(0).open());
    at(wib(9, 12));
    tick();
    EXPECT_EQ(intervals(ayu).at(0).left_at, wib(9, 10));
    EXPECT_FALSE(presence.present(ayu.id));
}

TEST_F(presence_service_test, concurrent_connections_of_one_participant_open_one_interval) {
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            for (int k = 0; k < 20; ++k) {
                ASSERT_TRUE(presence.connected(ayu.id).ok());
                presence.disconnected(ayu.id);
                ASSERT_TRUE(presence.tick().ok());
            }
        });
    for (auto& t : threads) t.join();
    // The clock stands still: the grace window never ended, so there is one interval.
    EXPECT_EQ(intervals(ayu).size(), 1u);
    EXPECT_EQ(updates_of("presence.join").size(), 1u);
    EXPECT_TRUE(presence.present(ayu.id));
    at(wib(9, 1));
    tick();
    EXPECT_FALSE(presence.present(ayu.id));
    EXPECT_EQ(intervals(ayu).at(0).left_at, wib(9));
}

}  // namespace
}  // namespace bimtek::test
