#include "server/domain/checkin_service.hpp"

#include <atomic>
#include <thread>

#include "tests/server/domain/domain_fixture.hpp"

namespace bimtek::test {
namespace {

using namespace domain;
using namespace std::chrono_literals;

class checkin_service_test : public domain_fixture {
protected:
    checkin_service door{store, clock};
    participant siti =
        seed_participant(store, event.id, "Siti Nurhaliza", attendance_mode::onsite, "AAAABBBB",
                         participant_category::kpm_pkh_graduasi, "Jakarta Timur");
    participant ayu = seed_participant(store, event.id, "Ni Luh Putu Ayu", attendance_mode::online,
                                       "AAAACCCC", participant_category::pendamping, "Denpasar");
    participant budi =
        seed_participant(store, event.id, "Budi Santoso", attendance_mode::onsite, "AAAADDDD");

    void set_capacity(int capacity) {
        ASSERT_TRUE(store
                        .write([&](repositories& r) {
                            auto e = r.events.find(event.id);
                            e->onsite_capacity = capacity;
                            r.events.update(*e);
                            return status{};
                        })
                        .ok());
    }
};

TEST_F(checkin_service_test, checks_in_by_code) {
    clock.set(wib(8, 45));
    auto r = door.check_in_by_code(as_coordinator(), event.id, "aaaa-bbbb");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_FALSE(r->already);
    EXPECT_FALSE(r->over_capacity);
    EXPECT_FALSE(r->mode_mismatch);
    EXPECT_EQ(r->onsite_present, 1);
    EXPECT_EQ(r->who.id, siti.id);
    EXPECT_GT(r->visit.id, 0);
    EXPECT_EQ(r->visit.checked_in_at, wib(8, 45));
    EXPECT_EQ(r->visit.checked_in_by, coordinator.id);
    EXPECT_TRUE(r->visit.open());
    EXPECT_EQ(store.state().checkins.size(), 1u);
}

TEST_F(checkin_service_test, a_check_in_appends_an_update_with_two_views) {
    ASSERT_TRUE(door.check_in_by_code(as_coordinator(), event.id, "AAAABBBB").ok());
    auto published = notifier.updates();
    ASSERT_EQ(published.size(), 1u);
    auto const& u = published[0];
    EXPECT_EQ(u.kind, "checkin");
    EXPECT_EQ(u.event, event.id);
    EXPECT_EQ(u.seq, 1);
    EXPECT_EQ(u.at, wib(9));
    EXPECT_EQ(u.session, std::nullopt);
    EXPECT_EQ(u.speaker, std::nullopt);

    auto full = parse_object(u.full_data);
    auto const& who = full.at("participant").as_object();
    EXPECT_EQ(who.at("id").as_int64(), siti.id);
    EXPECT_EQ(who.at("name").as_string(), "Siti Nurhaliza");
    EXPECT_EQ(who.at("category").as_string(), "kpm_pkh_graduasi");
    EXPECT_EQ(who.at("region").as_string(), "Jakarta Timur");
    EXPECT_EQ(who.at("mode").as_string(), "onsite");
    auto const& visit = full.at("checkin").as_object();
    EXPECT_GT(visit.at("id").as_int64(), 0);
    EXPECT_EQ(visit.at("checked_in_at").as_string(), "2026-11-26T02:00:00Z");
    EXPECT_EQ(visit.at("by").as_int64(), coordinator.id);
    EXPECT_FALSE(visit.at("over_capacity").as_bool());
    EXPECT_FALSE(visit.contains("checked_out_at"));
    EXPECT_EQ(full.at("counts").at("onsite_present").as_int64(), 1);

    auto pub = parse_object(u.public_data);
    EXPECT_EQ(pub.size(), 1u);
    EXPECT_EQ(pub.at("counts").at("onsite_present").as_int64(), 1);
    EXPECT_EQ(u.public_data.find("Siti"), std::string::npos);
}

TEST_F(checkin_service_test, scanning_twice_reports_the_first_time_and_writes_nothing) {
    clock.set(wib(8, 45));
    auto first = door.check_in_by_code(as_coordinator(), event.id, "AAAABBBB");
    ASSERT_TRUE(first.ok());
    std::string before = store.dump();
    clock.set(wib(8, 50));
    auto again = door.check_in_by_code(as_coordinator(), event.id, "AAAABBBB");
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->already);
    EXPECT_EQ(again->visit.id, first->visit.id);
    EXPECT_EQ(again->visit.checked_in_at, wib(8, 45));
    EXPECT_EQ(again->onsite_present, 1);
    EXPECT_EQ(store.dump(), before);
    EXPECT_EQ(notifier.size(), 1u);
    auto by_id = door.check_in(as_coordinator(), event.id, siti.id);
    ASSERT_TRUE(by_id.ok());
    EXPECT_TRUE(by_id->already);
}

TEST_F(checkin_service_test, unknown_codes) {
    auto other = other_event();
    auto outsider = seed_participant(store, other.event.id, "Orang Lain", attendance_mode::onsite, "EEEEFFFF");
    std::string before = store.dump();
    // Someone of another event, reached through this event's door: refused before any write.
    EXPECT_ERROR(door.check_in(as_coordinator(), event.id, outsider.id), not_found, "participant_not_found");
    EXPECT_ERROR(door.check_out(as_coordinator(), event.id, outsider.id), not_found, "participant_not_found");
    EXPECT_ERROR(door.check_in_by_code(as_coordinator(), event.id, "GGGGHHHH"), not_found,
                 "unknown_code");
    EXPECT_ERROR(door.check_in_by_code(as_coordinator(), event.id, "EEEEFFFF"), not_found,
                 "unknown_code");
    EXPECT_ERROR(door.check_in_by_code(as_coordinator(), event.id, "O0O0-1I1I"), not_found,
                 "unknown_code");
    EXPECT_ERROR(door.check_out_by_code(as_coordinator(), event.id, "EEEEFFFF"), not_found,
                 "unknown_code");
    EXPECT_ERROR(door.check_in(as_coordinator(), event.id, 999), not_found, "participant_not_found");
    EXPECT_ERROR(door.check_in_by_code(as_coordinator(), 999, "AAAABBBB"), not_found,
                 "event_not_found");
    EXPECT_EQ(store.dump(), before);
}

TEST_F(checkin_service_test, only_coordinators_of_the_event_work_the_door) {
    auto other = other_event();
    std::string before = store.dump();
    for (auto const& who : {as_speaker(), principal_of(siti), principal_of(other.user)}) {
        EXPECT_ERROR(door.check_in_by_code(who, event.id, "AAAABBBB"), forbidden, "forbidden");
        EXPECT_ERROR(door.check_in(who, event.id, siti.id), forbidden, "forbidden");
        EXPECT_ERROR(door.check_out_by_code(who, event.id, "AAAABBBB"), forbidden, "forbidden");
        EXPECT_ERROR(door.check_out(who, event.id, siti.id), forbidden, "forbidden");
    }
    // A stranger learns nothing about codes: the refusal comes first.
    EXPECT_ERROR(door.check_in_by_code(principal_of(other.user), event.id, "GGGGHHHH"), forbidden,
                 "forbidden");
    EXPECT_EQ(store.dump(), before);
    EXPECT_EQ(notifier.size(), 0u);
}

TEST_F(checkin_service_test, a_full_room_still_lets_people_in_but_says_so) {
    set_capacity(2);
    auto c = seed_participant(store, event.id, "Dewi", attendance_mode::onsite, "AAAAEEEE");
    ASSERT_FALSE(door.check_in(as_coordinator(), event.id, siti.id)->over_capacity);
    auto second = door.check_in(as_coordinator(), event.id, budi.id);
    ASSERT_TRUE(second.ok());
    EXPECT_FALSE(second->over_capacity);
    auto third = door.check_in(as_coordinator(), event.id, c.id);
    ASSERT_TRUE(third.ok());
    EXPECT_TRUE(third->over_capacity);
    EXPECT_TRUE(third->visit.over_capacity);
    EXPECT_EQ(third->onsite_present, 3);
    auto last = parse_object(notifier.updates().back().full_data);
    EXPECT_TRUE(last.at("checkin").at("over_capacity").as_bool());

    // A scan of someone already in does not count them twice.
    auto again = door.check_in(as_coordinator(), event.id, c.id);
    EXPECT_TRUE(again->over_capacity);
    EXPECT_EQ(again->onsite_present, 3);
}

TEST_F(checkin_service_test, no_capacity_means_no_limit) {
    set_capacity(0);
    for (auto const& p : {siti, ayu, budi})
        EXPECT_FALSE(door.check_in(as_coordinator(), event.id, p.id)->over_capacity);
}

TEST_F(checkin_service_test, an_online_participant_at_the_door_is_let_in) {
    auto r = door.check_in_by_code(as_coordinator(), event.id, "AAAACCCC");
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->mode_mismatch);
    EXPECT_FALSE(r->already);
    EXPECT_EQ(r->onsite_present, 1);
}

TEST_F(checkin_service_test, checks_out) {
    ASSERT_TRUE(door.check_in(as_coordinator(), event.id, siti.id).ok());
    ASSERT_TRUE(door.check_in(as_coordinator(), event.id, budi.id).ok());
    clock.set(wib(12, 30));
    auto r = door.check_out_by_code(as_coordinator(), event.id, "aaaabbbb");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_FALSE(r->already);
    EXPECT_EQ(r->visit.checked_out_at, wib(12, 30));
    EXPECT_EQ(r->visit.checked_out_by, coordinator.id);
    EXPECT_EQ(r->onsite_present, 1);
    EXPECT_FALSE(store.state().checkins.at(r->visit.id).open());

    auto published = notifier.updates();
    ASSERT_EQ(published.size(), 3u);
    EXPECT_EQ(published[2].kind, "checkout");
    EXPECT_EQ(published[2].seq, 3);
    auto full = parse_object(published[2].full_data);
    EXPECT_EQ(full.at("participant").at("name").as_string(), "Siti Nurhaliza");
    EXPECT_EQ(full.at("checkin").at("checked_in_at").as_string(), "2026-11-26T02:00:00Z");
    EXPECT_EQ(full.at("checkin").at("checked_out_at").as_string(), "2026-11-26T05:30:00Z");
    EXPECT_EQ(full.at("counts").at("onsite_present").as_int64(), 1);
    EXPECT_EQ(published[2].public_data, R"({"counts":{"onsite_present":1,"online_present":0}})");
}

TEST_F(checkin_service_test, counts_move_people_from_online_to_the_room_and_back) {
    ASSERT_TRUE(store
                    .write([&](repositories& r) {
                        r.presence.open(event.id, ayu.id, wib(8));
                        r.presence.open(event.id, budi.id, wib(8));
                        return status{};
                    })
                    .ok());
    ASSERT_TRUE(door.check_in(as_coordinator(), event.id, ayu.id).ok());
    EXPECT_EQ(notifier.updates().back().public_data,
              R"({"counts":{"onsite_present":1,"online_present":1}})");
    EXPECT_EQ(parse_object(notifier.updates().back().full_data).at("counts"),
              parse_object(R"({"onsite_present":1,"online_present":1})"));
    ASSERT_TRUE(door.check_out(as_coordinator(), event.id, ayu.id).ok());
    EXPECT_EQ(notifier.updates().back().public_data,
              R"({"counts":{"onsite_present":0,"online_present":2}})");
}

TEST_F(checkin_service_test, checking_out_someone_not_in_changes_nothing) {
    std::string before = store.dump();
    auto never = door.check_out(as_coordinator(), event.id, siti.id);
    ASSERT_TRUE(never.ok());
    EXPECT_TRUE(never->already);
    EXPECT_EQ(never->visit.id, 0);
    EXPECT_EQ(store.dump(), before);

    ASSERT_TRUE(door.check_in(as_coordinator(), event.id, siti.id).ok());
    clock.advance(1h);
    auto out = door.check_out(as_coordinator(), event.id, siti.id);
    ASSERT_TRUE(out.ok());
    before = store.dump();
    auto twice = door.check_out(as_coordinator(), event.id, siti.id);
    ASSERT_TRUE(twice.ok());
    EXPECT_TRUE(twice->already);
    EXPECT_EQ(twice->visit.id, out->visit.id);  // the last visit
    EXPECT_EQ(store.dump(), before);
    EXPECT_EQ(notifier.size(), 2u);
}

TEST_F(checkin_service_test, coming_back_opens_a_new_visit) {
    ASSERT_TRUE(door.check_in(as_coordinator(), event.id, siti.id).ok());
    clock.advance(1h);
    ASSERT_TRUE(door.check_out(as_coordinator(), event.id, siti.id).ok());
    clock.advance(30min);
    auto back = door.check_in(as_coordinator(), event.id, siti.id);
    ASSERT_TRUE(back.ok());
    EXPECT_FALSE(back->already);
    EXPECT_EQ(back->visit.checked_in_at, wib(10, 30));
    EXPECT_EQ(store.state().checkins.size(), 2u);
    EXPECT_EQ(notifier.size(), 3u);
}

TEST_F(checkin_service_test, two_doors_scanning_at_once_open_one_visit) {
    std::atomic<int> fresh{0}, already{0};
    std::vector<std::thread> doors;
    for (int i = 0; i < 8; ++i)
        doors.emplace_back([&] {
            auto r = door.check_in_by_code(as_coordinator(), event.id, "AAAABBBB");
            ASSERT_TRUE(r.ok());
            ++(r->already ? already : fresh);
        });
    for (auto& t : doors) t.join();
    EXPECT_EQ(fresh.load(), 1);
    EXPECT_EQ(already.load(), 7);
    EXPECT_EQ(store.state().checkins.size(), 1u);
    EXPECT_EQ(notifier.size(), 1u);
}

}  // namespace
}  // namespace bimtek::test
