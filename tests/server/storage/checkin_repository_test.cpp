#include "server/storage/checkin_repository.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;
using storage::testing::sample_event;
using storage::testing::sample_participant;
using storage::testing::sample_user;
using storage::testing::unix_ms;

void expect_same(domain::checkin const& a, domain::checkin const& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.event, b.event);
    EXPECT_EQ(a.participant, b.participant);
    EXPECT_EQ(to_unix_ms(a.checked_in_at), to_unix_ms(b.checked_in_at));
    EXPECT_EQ(a.checked_in_by, b.checked_in_by);
    EXPECT_EQ(a.over_capacity, b.over_capacity);
    EXPECT_EQ(unix_ms(a.checked_out_at), unix_ms(b.checked_out_at));
    EXPECT_EQ(a.checked_out_by, b.checked_out_by);
}

std::vector<domain::checkin_id> ids(std::vector<domain::checkin> const& visits) {
    std::vector<domain::checkin_id> out;
    for (auto const& c : visits) out.push_back(c.id);
    return out;
}

class SqliteCheckinRepository : public storage::testing::store_test {
protected:
    void SetUp() override {
        store_test::SetUp();
        write_ok([&](domain::repositories& r) {
            event_ = r.events.insert(sample_event("Bimtek Bali"));
            other_event_ = r.events.insert(sample_event("Bimtek NTT"));
            door_ = r.users.insert(sample_user("siti"));
            ayu_ = r.participants.insert(sample_participant(event_, "Ni Luh Putu Ayu", "ABCD2345"));
            siti_ = r.participants.insert(sample_participant(event_, "Siti Nurhaliza", "ABCD3456"));
            other_ = r.participants.insert(sample_participant(other_event_, "Yohanes", "ABCD4567"));
        });
    }

    domain::checkin visit(domain::participant_id who, std::int64_t at_ms,
                          domain::event_id event = 0) {
        domain::checkin c;
        c.event = event ? event : event_;
        c.participant = who;
        c.checked_in_at = from_unix_ms(at_ms);
        c.checked_in_by = door_;
        return c;
    }
    domain::checkin_id insert(domain::checkin const& c) {
        return write_ok([&](domain::repositories& r) { return r.checkins.insert(c); });
    }
    std::optional<domain::checkin> find_open(domain::participant_id who) {
        return read_ok([&](domain::repositories& r) { return r.checkins.find_open(who); });
    }

    domain::event_id event_ = 0, other_event_ = 0;
    domain::user_id door_ = 0;
    domain::participant_id ayu_ = 0, siti_ = 0, other_ = 0;
};

TEST_F(SqliteCheckinRepository, OpenVisitRoundTripsAndIsFoundOpen) {
    domain::checkin c = visit(ayu_, 1'000);
    c.over_capacity = true;
    c.id = insert(c);
    auto found = find_open(ayu_);
    ASSERT_TRUE(found.has_value());
    expect_same(*found, c);
    EXPECT_TRUE(found->open());
    EXPECT_FALSE(find_open(siti_).has_value());
}

TEST_F(SqliteCheckinRepository, CloseRecordsWhenAndWhoAndTheVisitIsNoLongerOpen) {
    domain::checkin c = visit(ayu_, 1'000);
    c.id = insert(c);
    write_ok([&](domain::repositories& r) { r.checkins.close(c.id, from_unix_ms(5'000), door_); });
    EXPECT_FALSE(find_open(ayu_).has_value());

    auto visits =
        read_ok([&](domain::repositories& r) { return r.checkins.list_for_participant(ayu_); });
    ASSERT_EQ(visits.size(), 1u);
    c.checked_out_at = from_unix_ms(5'000);
    c.checked_out_by = door_;
    expect_same(visits[0], c);
    EXPECT_FALSE(visits[0].open());

    // Closing again changes nothing.
    write_ok([&](domain::repositories& r) { r.checkins.close(c.id, from_unix_ms(9'000), door_); });
    visits =
        read_ok([&](domain::repositories& r) { return r.checkins.list_for_participant(ayu_); });
    ASSERT_EQ(visits.size(), 1u);
    expect_same(visits[0], c);
}

TEST_F(SqliteCheckinRepository, AtMostOneOpenVisitPerParticipant) {
    domain::checkin_id const first = insert(visit(ayu_, 1'000));
    domain::status st = store_->write([&](domain::repositories& r) -> domain::status {
        r.checkins.insert(visit(ayu_, 2'000));
        return {};
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::internal);

    write_ok([&](domain::repositories& r) { r.checkins.close(first, from_unix_ms(3'000), door_); });
    domain::checkin_id const second = insert(visit(ayu_, 4'000));
    EXPECT_GT(second, first);
    auto open = find_open(ayu_);
    ASSERT_TRUE(open.has_value());
    EXPECT_EQ(open->id, second);
}

TEST_F(SqliteCheckinRepository, ListsAreOldestFirstAndScoped) {
    auto closed_visit = [&](domain::participant_id who, std::int64_t in_ms) {
        domain::checkin c = visit(who, in_ms);
        c.checked_out_at = from_unix_ms(in_ms + 10);
        c.checked_out_by = door_;
        return insert(c);
    };
    domain::checkin_id const a2 = closed_visit(ayu_, 2'000);
    domain::checkin_id const s1 = closed_visit(siti_, 1'000);
    domain::checkin_id const a1 = closed_visit(ayu_, 1'000);
    domain::checkin_id const a3 = insert(visit(ayu_, 3'000));
    domain::checkin_id const s2 = closed_visit(siti_, 2'000);
    insert(visit(other_, 500, other_event_));

    auto for_ayu =
        read_ok([&](domain::repositories& r) { return r.checkins.list_for_participant(ayu_); });
    EXPECT_EQ(ids(for_ayu), (std::vector<domain::checkin_id>{a1, a2, a3}));
    auto for_event =
        read_ok([&](domain::repositories& r) { return r.checkins.list_by_event(event_); });
    // Same check-in time: by id.
    EXPECT_EQ(ids(for_event), (std::vector<domain::checkin_id>{s1, a1, a2, s2, a3}));
}

TEST_F(SqliteCheckinRepository, CountsOpenVisitsPerEvent) {
    auto count = [&](domain::event_id event) {
        return read_ok([&](domain::repositories& r) { return r.checkins.count_open(event); });
    };
    EXPECT_EQ(count(event_), 0);
    domain::checkin_id const ayu_visit = insert(visit(ayu_, 1'000));
    insert(visit(siti_, 1'500));
    insert(visit(other_, 1'500, other_event_));
    EXPECT_EQ(count(event_), 2);
    EXPECT_EQ(count(other_event_), 1);
    write_ok(
        [&](domain::repositories& r) { r.checkins.close(ayu_visit, from_unix_ms(2'000), door_); });
    EXPECT_EQ(count(event_), 1);
}

TEST_F(SqliteCheckinRepository, VisitIsToTheParticipantsOwnEvent) {
    domain::status st = store_->write([&](domain::repositories& r) -> domain::status {
        r.checkins.insert(visit(other_, 1'000, event_));
        return {};
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::internal);
}

}  // namespace
