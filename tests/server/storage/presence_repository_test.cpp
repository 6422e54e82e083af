#include "server/storage/presence_repository.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;
using storage::testing::sample_event;
using storage::testing::sample_participant;
using storage::testing::sample_user;
using storage::testing::unix_ms;

std::vector<domain::presence_id> ids(std::vector<domain::presence_interval> const& list) {
    std::vector<domain::presence_id> out;
    for (auto const& i : list) out.push_back(i.id);
    return out;
}

class SqlitePresenceRepository : public storage::testing::store_test {
protected:
    void SetUp() override {
        store_test::SetUp();
        write_ok([&](domain::repositories& r) {
            event_ = r.events.insert(sample_event("Bimtek Bali"));
            other_event_ = r.events.insert(sample_event("Bimtek NTT"));
            door_ = r.users.insert(sample_user("siti"));
            ayu_ = r.participants.insert(sample_participant(event_, "Ni Luh Putu Ayu", "ABCD2345"));
            siti_ = r.participants.insert(sample_participant(event_, "Siti Nurhaliza", "ABCD3456"));
            budi_ = r.participants.insert(sample_participant(event_, "Budi Santoso", "ABCD5678"));
            other_ = r.participants.insert(sample_participant(other_event_, "Yohanes", "ABCD4567"));
        });
    }

    domain::presence_id open(domain::participant_id who, std::int64_t at_ms,
                             domain::event_id event = 0) {
        return write_ok([&](domain::repositories& r) {
            return r.presence.open(event ? event : event_, who, from_unix_ms(at_ms));
        });
    }
    void close(domain::presence_id id, std::int64_t at_ms) {
        write_ok([&](domain::repositories& r) { r.presence.close(id, from_unix_ms(at_ms)); });
    }
    std::optional<domain::presence_interval> find_open(domain::participant_id who) {
        return read_ok([&](domain::repositories& r) { return r.presence.find_open(who); });
    }
    std::vector<domain::presence_interval> of(domain::participant_id who) {
        return read_ok(
            [&](domain::repositories& r) { return r.presence.list_for_participant(who); });
    }
    int online(domain::event_id event) {
        return read_ok(
            [&](domain::repositories& r) { return r.presence.count_online_present(event); });
    }

    domain::event_id event_ = 0, other_event_ = 0;
    domain::user_id door_ = 0;
    domain::participant_id ayu_ = 0, siti_ = 0, budi_ = 0, other_ = 0;
};

TEST_F(SqlitePresenceRepository, OpenThenCloseRoundTrips) {
    auto id = open(ayu_, 1'000);
    auto found = find_open(ayu_);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->event, event_);
    EXPECT_EQ(found->participant, ayu_);
    EXPECT_EQ(to_unix_ms(found->joined_at), 1'000);
    EXPECT_EQ(to_unix_ms(found->last_seen_at), 1'000);
    EXPECT_TRUE(found->open());
    EXPECT_FALSE(find_open(siti_).has_value());

    close(id, 5'000);
    EXPECT_FALSE(find_open(ayu_).has_value());
    close(id, 9'000);  // closed already: unchanged
    auto all = of(ayu_);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(unix_ms(all[0].left_at), 5'000);
    EXPECT_FALSE(all[0].open());
}

TEST_F(SqlitePresenceRepository, AtMostOneOpenIntervalPerParticipant) {
    auto first = open(ayu_, 1'000);
    domain::status st = store_->write([&](domain::repositories& r) -> domain::status {
        r.presence.open(event_, ayu_, from_unix_ms(2'000));
        return {};
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::internal);
    close(first, 3'000);
    EXPECT_GT(open(ayu_, 4'000), first);
}

TEST_F(SqlitePresenceRepository, PresenceIsInTheParticipantsOwnEvent) {
    domain::status st = store_->write([&](domain::repositories& r) -> domain::status {
        r.presence.open(event_, other_, from_unix_ms(1'000));
        return {};
    });
    EXPECT_FALSE(st.ok());
}

TEST_F(SqlitePresenceRepository, TouchRefreshesOnlyTheGivenOpenIntervals) {
    auto a = open(ayu_, 1'000);
    auto s = open(siti_, 1'000);
    auto b = open(budi_, 1'000);
    close(b, 2'000);
    write_ok([&](domain::repositories& r) { r.presence.touch({a, b, 999}, from_unix_ms(30'000)); });
    EXPECT_EQ(to_unix_ms(find_open(ayu_)->last_seen_at), 30'000);
    EXPECT_EQ(to_unix_ms(find_open(siti_)->last_seen_at), 1'000);
    EXPECT_EQ(to_unix_ms(of(budi_).at(0).last_seen_at), 1'000);
    EXPECT_EQ(of(siti_).at(0).id, s);
}

TEST_F(SqlitePresenceRepository, CloseAllAtLastSeenClosesEachOpenIntervalAtItsOwnLastSeen) {
    auto a = open(ayu_, 1'000);
    auto s = open(siti_, 2'000);
    auto b = open(budi_, 500);
    close(b, 800);
    write_ok([&](domain::repositories& r) { r.presence.touch({a}, from_unix_ms(60'000)); });
    int closed =
        write_ok([](domain::repositories& r) { return r.presence.close_all_at_last_seen(); });
    EXPECT_EQ(closed, 2);
    EXPECT_EQ(unix_ms(of(ayu_).at(0).left_at), 60'000);
    EXPECT_EQ(unix_ms(of(siti_).at(0).left_at), 2'000);
    EXPECT_EQ(unix_ms(of(budi_).at(0).left_at), 800);  // closed before: unchanged
    EXPECT_EQ(of(siti_).at(0).id, s);
    EXPECT_EQ(write_ok([](domain::repositories& r) { return r.presence.close_all_at_last_seen(); }),
              0);
}

TEST_F(SqlitePresenceRepository, ListsAreOldestFirstAndScoped) {
    auto a1 = open(ayu_, 1'000);
    close(a1, 1'500);
    auto s1 = open(siti_, 1'000);
    auto a2 = open(ayu_, 2'000);
    open(other_, 100, other_event_);
    EXPECT_EQ(ids(of(ayu_)), (std::vector<domain::presence_id>{a1, a2}));
    auto all = read_ok([&](domain::repositories& r) { return r.presence.list_by_event(event_); });
    EXPECT_EQ(ids(all), (std::vector<domain::presence_id>{a1, s1, a2}));  // same time: by id
}

TEST_F(SqlitePresenceRepository, OnlinePresentLeavesOutPeopleInTheRoomAndClosedIntervals) {
    EXPECT_EQ(online(event_), 0);
    open(ayu_, 1'000);
    auto s = open(siti_, 1'000);
    open(budi_, 1'000);
    open(other_, 1'000, other_event_);
    EXPECT_EQ(online(event_), 3);
    EXPECT_EQ(online(other_event_), 1);

    close(s, 2'000);
    EXPECT_EQ(online(event_), 2);
    // Budi walks into the room: counted on site, not online.
    auto visit = write_ok([&](domain::repositories& r) {
        domain::checkin c;
        c.event = event_;
        c.participant = budi_;
        c.checked_in_at = from_unix_ms(3'000);
        c.checked_in_by = door_;
        return r.checkins.insert(c);
    });
    EXPECT_EQ(online(event_), 1);
    write_ok([&](domain::repositories& r) { r.checkins.close(visit, from_unix_ms(4'000), door_); });
    EXPECT_EQ(online(event_), 2);
}

}  // namespace
