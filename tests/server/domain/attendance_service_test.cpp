#include "server/domain/attendance_service.hpp"

#include "server/domain/checkin_service.hpp"
#include "server/domain/event_service.hpp"
#include "server/domain/presence_service.hpp"
#include "tests/server/domain/domain_fixture.hpp"

namespace bimtek::test {
namespace {

using namespace domain;
using namespace std::chrono_literals;

class attendance_service_test : public domain_fixture {
protected:
    attendance_service attendance{store, clock};
    checkin_service door{store, clock};
    event_service events{store, crypto, clock};

    participant siti =
        seed_participant(store, event.id, "Siti Nurhaliza", attendance_mode::onsite, "AAAABBBB");
    participant ayu =
        seed_participant(store, event.id, "Ni Luh Putu Ayu", attendance_mode::online, "AAAACCCC");
    participant budi =
        seed_participant(store, event.id, "Budi Santoso", attendance_mode::onsite, "AAAADDDD");

    // The agenda: opening 09:00-10:00, marketing 10:30-12:00, bookkeeping 13:00-15:00 (planned).
    session opening = seed_session(store, event.id, "Pembukaan", wib(9), wib(10));
    session marketing = seed_session(store, event.id, "Pemasaran Digital", wib(10, 30), wib(12));
    session bookkeeping = seed_session(store, event.id, "Pembukuan Sederhana", wib(13), wib(15));

    void at(timestamp t) { clock.set(t); }
    void in(participant const& p, timestamp t) {
        at(t);
        ASSERT_TRUE(door.check_in(as_coordinator(), event.id, p.id).ok());
    }
    void out(participant const& p, timestamp t) {
        at(t);
        ASSERT_TRUE(door.check_out(as_coordinator(), event.id, p.id).ok());
    }
    void start(session const& s, timestamp t) {
        at(t);
        ASSERT_TRUE(events.start_session(as_coordinator(), s.id).ok());
    }
    void end(session const& s, timestamp t) {
        at(t);
        ASSERT_TRUE(events.end_session(as_coordinator(), s.id).ok());
    }

    // Online presence, through the presence service (grace 20 s).
    presence_service presence{store, clock, presence_policy{20s, 30s}};
    void join(participant const& p, timestamp t) {
        at(t);
        presence.connected(p.id, p.event);
        ASSERT_TRUE(presence.flush().ok());
    }
    // Disconnects at "t" and lets the grace window pass.
    void leave(participant const& p, timestamp t) {
        at(t);
        presence.disconnected(p.id);
        at(t + 30s);
        ASSERT_TRUE(presence.flush().ok());
    }
    // An online interval written directly (as a previous run of the server would have).
    void online_interval(participant const& p, timestamp from, std::optional<timestamp> to) {
        ASSERT_TRUE(store
                        .write([&](repositories& r) {
                            auto id = r.presence.open(event.id, p.id, from);
                            if (to) r.presence.close(id, *to);
                            return status{};
                        })
                        .ok());
    }

    attendance_report report(timestamp now) {
        at(now);
        auto r = attendance.attendance(as_coordinator(), event.id);
        EXPECT_TRUE(r.ok()) << r.error().message;
        return r.ok() ? *r : attendance_report{};
    }

    static attendance_row const& row(attendance_report const& rep, participant const& p) {
        for (auto const& r : rep.rows)
            if (r.who.id == p.id) return r;
        throw std::runtime_error("no row for " + p.name);
    }
};

TEST_F(attendance_service_test, minutes_follow_visits_and_the_actual_run) {
    in(siti, wib(8, 50));
    start(opening, wib(9, 5));
    out(siti, wib(9, 30));
    in(siti, wib(9, 45));
    end(opening, wib(10, 10));
    start(marketing, wib(10, 40));

    auto rep = report(wib(11, 10));
    ASSERT_EQ(rep.sessions.size(), 3u);
    auto const& r = row(rep, siti);
    ASSERT_EQ(r.minutes.size(), 3u);
    EXPECT_EQ(r.minutes[0].session, opening.id);
    EXPECT_DOUBLE_EQ(r.minutes[0].minutes, 25.0 + 25.0);  // 09:05-09:30 and 09:45-10:10
    EXPECT_EQ(r.minutes[1].session, marketing.id);
    EXPECT_DOUBLE_EQ(r.minutes[1].minutes, 30.0);  // live: 10:40 to now
    EXPECT_DOUBLE_EQ(r.minutes[2].minutes, 0.0);   // never started
    EXPECT_EQ(r.first_checkin, wib(8, 50));
    EXPECT_EQ(r.last_checkout, wib(9, 30));
    EXPECT_TRUE(r.checked_in_now);
    EXPECT_TRUE(r.present_now);

    auto const& never = row(rep, ayu);
    EXPECT_EQ(never.first_checkin, std::nullopt);
    EXPECT_EQ(never.last_checkout, std::nullopt);
    EXPECT_FALSE(never.checked_in_now);
    EXPECT_FALSE(never.present_now);
    for (auto const& m : never.minutes) EXPECT_DOUBLE_EQ(m.minutes, 0.0);
}

TEST_F(attendance_service_test, boundaries_count_nothing) {
    start(opening, wib(9));
    end(opening, wib(10));
    in(siti, wib(8));
    out(siti, wib(9));  // left as it began
    in(budi, wib(10));  // came as it ended
    out(budi, wib(11));
    auto rep = report(wib(11));
    EXPECT_DOUBLE_EQ(row(rep, siti).minutes[0].minutes, 0.0);
    EXPECT_DOUBLE_EQ(row(rep, budi).minutes[0].minutes, 0.0);
}

TEST_F(attendance_service_test, one_minute_inside_counts_one_minute) {
    start(opening, wib(9));
    in(siti, wib(9, 59));
    end(opening, wib(10));
    in(budi, wib(8, 30));
    out(budi, wib(9) + 30s);
    auto rep = report(wib(10, 30));
    EXPECT_DOUBLE_EQ(row(rep, siti).minutes[0].minutes, 1.0);
    EXPECT_DOUBLE_EQ(row(rep, budi).minutes[0].minutes, 0.5);
}

TEST_F(attendance_service_test, an_open_visit_stops_counting_at_the_event_end) {
    in(siti, wib(15));
    start(bookkeeping, wib(15, 30));
    auto rep = report(wib(18));  // the session was never ended and nobody checked out
    EXPECT_DOUBLE_EQ(row(rep, siti).minutes[2].minutes, 30.0);  // 15:30-16:00
    EXPECT_TRUE(row(rep, siti).checked_in_now);
}

TEST_F(attendance_service_test, overlapping_visits_count_once) {
    start(opening, wib(9));
    end(opening, wib(10));
    // Two visits that overlap (as a second door device might record): 09:00-09:40, 09:20-09:50.
    ASSERT_TRUE(store
                    .write([&](repositories& r) {
                        checkin a{0,     event.id,   siti.id,       wib(9), coordinator.id,
                                  false, wib(9, 40), coordinator.id};
                        checkin b{0,     event.id,   siti.id,       wib(9, 20), coordinator.id,
                                  false, wib(9, 50), coordinator.id};
                        r.checkins.insert(a);
                        r.checkins.insert(b);
                        return status{};
                    })
                    .ok());
    auto rep = report(wib(12));
    EXPECT_DOUBLE_EQ(row(rep, siti).minutes[0].minutes, 50.0);
    EXPECT_EQ(row(rep, siti).first_checkin, wib(9));
    EXPECT_EQ(row(rep, siti).last_checkout, wib(9, 50));
}

TEST_F(attendance_service_test, rows_are_ordered_by_name_with_counts) {
    in(siti, wib(9));
    in(budi, wib(9));
    out(budi, wib(9, 30));
    auto rep = report(wib(10));
    ASSERT_EQ(rep.rows.size(), 3u);
    EXPECT_EQ(rep.rows[0].who.name, "Budi Santoso");
    EXPECT_EQ(rep.rows[1].who.name, "Ni Luh Putu Ayu");
    EXPECT_EQ(rep.rows[2].who.name, "Siti Nurhaliza");
    EXPECT_EQ(rep.details.id, event.id);
    EXPECT_EQ(rep.registered.onsite, 2);
    EXPECT_EQ(rep.registered.online, 1);
    EXPECT_EQ(rep.present.onsite, 1);
    EXPECT_EQ(rep.present.online, 0);
    EXPECT_FALSE(rep.rows[0].checked_in_now);
}

TEST_F(attendance_service_test, online_presence_counts_toward_the_minutes) {
    start(opening, wib(9));
    end(opening, wib(10));
    online_interval(ayu, wib(8, 50), wib(9, 20));
    online_interval(ayu, wib(9, 25), wib(10, 30));
    auto rep = report(wib(11));
    auto const& r = row(rep, ayu);
    EXPECT_DOUBLE_EQ(r.minutes[0].minutes, 20.0 + 35.0);
    EXPECT_FALSE(r.present_now);
    EXPECT_FALSE(r.checked_in_now);
    EXPECT_EQ(r.first_checkin, std::nullopt);
}

TEST_F(attendance_service_test, online_boundaries_count_nothing_and_one_minute_counts_one) {
    start(opening, wib(9));
    end(opening, wib(10));
    online_interval(ayu, wib(8), wib(9));    // left as it began
    online_interval(budi, wib(10), wib(11));  // came as it ended
    online_interval(siti, wib(9, 59), wib(10, 30));
    auto rep = report(wib(11));
    EXPECT_DOUBLE_EQ(row(rep, ayu).minutes[0].minutes, 0.0);
    EXPECT_DOUBLE_EQ(row(rep, budi).minutes[0].minutes, 0.0);
    EXPECT_DOUBLE_EQ(row(rep, siti).minutes[0].minutes, 1.0);
}

TEST_F(attendance_service_test, a_reconnect_within_the_grace_window_leaves_no_gap) {
    start(opening, wib(9));
    join(ayu, wib(9));
    at(wib(9, 10));
    presence.disconnected(ayu.id);
    join(ayu, wib(9, 10) + 15s);  // back within 20 s: the same interval
    leave(ayu, wib(9, 30));
    join(ayu, wib(9, 40));  // a real gap of 10 minutes
    end(opening, wib(10));
    auto rep = report(wib(10, 30));
    EXPECT_DOUBLE_EQ(row(rep, ayu).minutes[0].minutes, 30.0 + 20.0);
    EXPECT_TRUE(row(rep, ayu).present_now);  // still connected
    EXPECT_FALSE(row(rep, ayu).checked_in_now);
    EXPECT_EQ(rep.present.online, 1);
    EXPECT_EQ(rep.present.onsite, 0);
}

TEST_F(attendance_service_test, time_in_the_room_and_online_at_once_counts_once) {
    start(opening, wib(9));
    end(opening, wib(10));
    online_interval(budi, wib(9), wib(9, 40));  // followed on the way, then walked in
    in(budi, wib(9, 30));
    auto rep = report(wib(10, 30));
    EXPECT_DOUBLE_EQ(row(rep, budi).minutes[0].minutes, 60.0);
    EXPECT_TRUE(row(rep, budi).present_now);
}

TEST_F(attendance_service_test, an_open_online_interval_counts_to_now_but_not_past_the_event_end) {
    join(ayu, wib(15));
    start(bookkeeping, wib(15, 30));
    auto live = report(wib(15, 45));
    EXPECT_DOUBLE_EQ(row(live, ayu).minutes[2].minutes, 15.0);
    auto late = report(wib(18));
    EXPECT_DOUBLE_EQ(row(late, ayu).minutes[2].minutes, 30.0);  // 15:30-16:00
    EXPECT_TRUE(row(late, ayu).present_now);
}

TEST_F(attendance_service_test, online_present_leaves_out_people_in_the_room) {
    join(ayu, wib(9));
    join(siti, wib(9));
    in(siti, wib(9, 5));
    auto rep = report(wib(9, 10));
    EXPECT_EQ(rep.present.onsite, 1);
    EXPECT_EQ(rep.present.online, 1);
    auto overview = events.get_event(as_coordinator(), event.id);
    ASSERT_TRUE(overview.ok());
    EXPECT_EQ(overview->present.onsite, 1);
    EXPECT_EQ(overview->present.online, 1);
}

TEST_F(attendance_service_test, only_coordinators_of_the_event_see_attendance) {
    auto other = other_event();
    EXPECT_ERROR(attendance.attendance(as_speaker(), event.id), forbidden, "forbidden");
    EXPECT_ERROR(attendance.attendance(principal_of(siti), event.id), forbidden, "forbidden");
    EXPECT_ERROR(attendance.attendance(principal_of(other.user), event.id), forbidden, "forbidden");
    EXPECT_ERROR(attendance.attendance(as_coordinator(), 999), not_found, "event_not_found");
}

}  // namespace
}  // namespace bimtek::test
