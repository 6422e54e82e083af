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
    presence_service presence{store, clock, presence_policy{20s, 30s, 500}};

    participant ayu = seed_participant(store, event.id, "Ni Luh Putu Ayu", attendance_mode::online,
                                       "AAAACCCC", participant_category::pendamping, "Denpasar");
    participant budi =
        seed_participant(store, event.id, "Budi Santoso", attendance_mode::online, "AAAADDDD");
    participant siti =
        seed_participant(store, event.id, "Siti Nurhaliza", attendance_mode::onsite, "AAAABBBB");

    void at(timestamp t) { clock.set(t); }
    void connect(participant const& p) { presence.connected(p.id, p.event); }
    void flush() {
        status st = presence.flush();
        ASSERT_TRUE(st.ok()) << st.error().message;
    }
    std::vector<std::int64_t> listed(stream_update const& u) {
        std::vector<std::int64_t> ids;
        auto full = parse_object(u.full_data);
        for (auto const& p : full.at("participants").as_array()) ids.push_back(p.at("id").as_int64());
        return ids;
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

TEST_F(presence_service_test, an_arrival_is_written_by_the_next_flush) {
    at(wib(9, 1));
    connect(ayu);
    EXPECT_TRUE(presence.present(ayu.id));
    EXPECT_EQ(presence.online_now(event.id), 1);
    EXPECT_TRUE(intervals(ayu).empty());  // memory only, until the flush
    EXPECT_TRUE(notifier.updates().empty());

    at(wib(9, 1) + 400ms);
    flush();
    auto list = intervals(ayu);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].event, event.id);
    EXPECT_EQ(list[0].joined_at, wib(9, 1));  // when the connection came, not when written
    EXPECT_TRUE(list[0].open());

    auto joined = updates_of("presence.join");
    ASSERT_EQ(joined.size(), 1u);
    EXPECT_EQ(joined[0].event, event.id);
    EXPECT_EQ(joined[0].at, wib(9, 1) + 400ms);
    EXPECT_EQ(joined[0].session, std::nullopt);
    EXPECT_EQ(parse_object(joined[0].full_data),
              parse_object(R"({"participants":[{"id":)" + std::to_string(ayu.id) +
                           R"(,"name":"Ni Luh Putu Ayu","category":"pendamping",)"
                           R"("region":"Denpasar","mode":"online"}],)"
                           R"("counts":{"onsite_present":0,"online_present":1}})"));
    EXPECT_EQ(joined[0].public_data, R"({"counts":{"onsite_present":0,"online_present":1}})");

    flush();  // nothing new: nothing written
    EXPECT_EQ(notifier.updates().size(), 1u);
}

TEST_F(presence_service_test, arrivals_between_two_flushes_share_one_update) {
    at(wib(9));
    connect(budi);
    at(wib(9) + 100ms);
    connect(ayu);
    flush();
    auto joined = updates_of("presence.join");
    ASSERT_EQ(joined.size(), 1u);
    EXPECT_EQ(listed(joined[0]), (std::vector<std::int64_t>{budi.id, ayu.id}));  // in order of arrival
    EXPECT_EQ(parse_object(joined[0].public_data).at("counts").at("online_present").as_int64(), 2);
}

TEST_F(presence_service_test, a_large_batch_is_one_update_naming_max_listed) {
    presence_service small{store, clock, presence_policy{20s, 30s, 2}};
    std::vector<participant> people{ayu, budi, siti};
    for (int i = 0; i < 2; ++i)
        people.push_back(seed_participant(store, event.id, "Peserta " + std::to_string(i), attendance_mode::online,
                                          i == 0 ? "AAAAEEEE" : "AAAAFFFF"));
    for (auto const& p : people) small.connected(p.id, event.id);
    ASSERT_TRUE(small.flush().ok());
    auto joined = updates_of("presence.join");
    ASSERT_EQ(joined.size(), 1u);
    EXPECT_EQ(listed(joined[0]).size(), 2u);
    EXPECT_EQ(parse_object(joined[0].full_data).at("more").as_int64(), 3);
    EXPECT_EQ(parse_object(joined[0].public_data).at("counts").at("online_present").as_int64(), 5);
}

TEST_F(presence_service_test, two_connections_count_once) {
    connect(ayu);
    connect(ayu);
    flush();
    EXPECT_EQ(intervals(ayu).size(), 1u);
    EXPECT_EQ(updates_of("presence.join").size(), 1u);
    EXPECT_EQ(presence.online_now(event.id), 1);

    // One tab closes: still connected, nothing happens even long after.
    at(wib(9, 10));
    presence.disconnected(ayu.id);
    at(wib(9, 20));
    flush();
    EXPECT_TRUE(presence.present(ayu.id));
    EXPECT_TRUE(intervals(ayu).at(0).open());
    EXPECT_TRUE(updates_of("presence.leave").empty());
}

TEST_F(presence_service_test, a_reconnect_within_the_grace_window_does_not_split_the_interval) {
    at(wib(9));
    connect(ayu);
    flush();
    at(wib(9, 10));
    presence.disconnected(ayu.id);
    EXPECT_TRUE(presence.present(ayu.id));  // in the grace window
    at(wib(9, 10) + 19s);
    flush();
    connect(ayu);
    at(wib(9, 15));
    flush();
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
    flush();
    at(wib(9, 10));
    presence.disconnected(ayu.id);
    at(wib(9, 10) + 19s + 999ms);
    flush();
    EXPECT_TRUE(intervals(ayu).at(0).open());
    at(wib(9, 10) + 20s);
    flush();
    auto list = intervals(ayu);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].left_at, wib(9, 10));
    EXPECT_FALSE(presence.present(ayu.id));
    EXPECT_EQ(presence.online_now(event.id), 1);

    auto left = updates_of("presence.leave");
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].at, wib(9, 10) + 20s);
    EXPECT_EQ(listed(left[0]), std::vector<std::int64_t>{ayu.id});
    EXPECT_EQ(left[0].public_data, R"({"counts":{"onsite_present":0,"online_present":1}})");

    // Coming back later is a new interval and a new join.
    at(wib(9, 30));
    connect(ayu);
    flush();
    list = intervals(ayu);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[1].joined_at, wib(9, 30));
    EXPECT_EQ(updates_of("presence.join").size(), 2u);
}

TEST_F(presence_service_test, coming_and_going_between_two_flushes_is_still_recorded) {
    at(wib(9));
    connect(ayu);
    at(wib(9) + 5s);
    presence.disconnected(ayu.id);
    at(wib(9) + 30s);  // the flushes in between were delayed: the grace window is already over
    flush();
    auto list = intervals(ayu);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].joined_at, wib(9));
    EXPECT_EQ(list[0].left_at, wib(9) + 5s);
    EXPECT_EQ(updates_of("presence.join").size(), 1u);
    EXPECT_EQ(updates_of("presence.leave").size(), 1u);
    EXPECT_FALSE(presence.present(ayu.id));
}

TEST_F(presence_service_test, the_heartbeat_touches_only_connected_participants) {
    at(wib(9));
    connect(ayu);
    connect(budi);
    flush();  // opens both; the first heartbeat
    at(wib(9) + 5s);
    presence.disconnected(budi.id);
    at(wib(9) + 10s);
    flush();  // not due yet
    EXPECT_EQ(intervals(ayu).at(0).last_seen_at, wib(9));
    at(wib(9) + 30s);
    flush();
    EXPECT_EQ(intervals(ayu).at(0).last_seen_at, wib(9) + 30s);
    EXPECT_EQ(intervals(budi).at(0).last_seen_at, wib(9));  // in its grace window: not touched
    EXPECT_EQ(intervals(budi).at(0).left_at, wib(9) + 5s);  // and closed at its disconnection
    at(wib(9) + 45s);
    flush();
    EXPECT_EQ(intervals(ayu).at(0).last_seen_at, wib(9) + 30s);
    at(wib(9) + 60s);
    flush();
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
    flush();
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
    flush();
    auto list = intervals(ayu);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].left_at, wib(9));
    EXPECT_TRUE(list[1].open());
}

TEST_F(presence_service_test, people_in_the_room_are_not_counted_online) {
    checkin_service door{store, clock};
    ASSERT_TRUE(door.check_in(as_coordinator(), event.id, siti.id).ok());
    connect(siti);  // her phone, in the room
    flush();
    connect(ayu);
    flush();
    auto joined = updates_of("presence.join");
    ASSERT_EQ(joined.size(), 2u);
    EXPECT_EQ(joined[0].public_data, R"({"counts":{"onsite_present":1,"online_present":0}})");
    EXPECT_EQ(joined[1].public_data, R"({"counts":{"onsite_present":1,"online_present":1}})");
    EXPECT_EQ(presence.online_now(event.id), 2);  // the service knows both connections
}

TEST_F(presence_service_test, an_unknown_participant_is_forgotten_at_the_flush) {
    presence.connected(999, event.id);
    connect(ayu);
    flush();
    EXPECT_FALSE(presence.present(999));
    EXPECT_EQ(store.state().presence.size(), 1u);
    auto joined = updates_of("presence.join");
    ASSERT_EQ(joined.size(), 1u);
    EXPECT_EQ(listed(joined[0]), std::vector<std::int64_t>{ayu.id});
    presence.disconnected(999);  // ignored
}

TEST_F(presence_service_test, a_failed_write_loses_nothing_and_is_retried) {
    at(wib(9));
    connect(ayu);
    store.fail_next_write();
    EXPECT_EQ(presence.flush().error().kind, error_kind::internal);
    EXPECT_TRUE(presence.present(ayu.id));
    EXPECT_TRUE(store.state().presence.empty());
    at(wib(9) + 1s);
    flush();
    ASSERT_EQ(intervals(ayu).size(), 1u);
    EXPECT_EQ(intervals(ayu).at(0).joined_at, wib(9));

    at(wib(9, 10));
    presence.disconnected(ayu.id);
    at(wib(9, 11));
    store.fail_next_write();
    EXPECT_FALSE(presence.flush().ok());
    EXPECT_TRUE(presence.present(ayu.id));  // still in its (expired) grace window
    EXPECT_TRUE(intervals(ayu).at(0).open());
    at(wib(9, 12));
    flush();
    EXPECT_EQ(intervals(ayu).at(0).left_at, wib(9, 10));
    EXPECT_FALSE(presence.present(ayu.id));
}

TEST_F(presence_service_test, concurrent_connections_of_one_participant_open_one_interval) {
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            for (int k = 0; k < 20; ++k) {
                presence.connected(ayu.id, event.id);
                presence.disconnected(ayu.id);
                ASSERT_TRUE(presence.flush().ok());
            }
        });
    for (auto& t : threads) t.join();
    // The clock stands still: the grace window never ended, so there is one interval.
    EXPECT_EQ(intervals(ayu).size(), 1u);
    EXPECT_EQ(updates_of("presence.join").size(), 1u);
    EXPECT_TRUE(presence.present(ayu.id));
    at(wib(9, 1));
    flush();
    EXPECT_FALSE(presence.present(ayu.id));
    EXPECT_EQ(intervals(ayu).at(0).left_at, wib(9));
}

}  // namespace
}  // namespace bimtek::test
