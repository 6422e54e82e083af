#include "server/storage/event_repository.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;
using storage::testing::sample_event;
using storage::testing::sample_user;

void expect_same(domain::event const& a, domain::event const& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.venue, b.venue);
    EXPECT_EQ(a.timezone, b.timezone);
    EXPECT_EQ(to_unix_ms(a.starts_at), to_unix_ms(b.starts_at));
    EXPECT_EQ(to_unix_ms(a.ends_at), to_unix_ms(b.ends_at));
    EXPECT_EQ(a.onsite_capacity, b.onsite_capacity);
    EXPECT_EQ(a.online_capacity, b.online_capacity);
    EXPECT_EQ(a.targets.expected_onsite, b.targets.expected_onsite);
    EXPECT_EQ(a.targets.expected_online, b.targets.expected_online);
    EXPECT_DOUBLE_EQ(a.targets.completion_rate, b.targets.completion_rate);
    EXPECT_EQ(a.stream_epoch, b.stream_epoch);
    EXPECT_EQ(to_unix_ms(a.created_at), to_unix_ms(b.created_at));
}

std::vector<domain::event_id> ids(std::vector<domain::event> const& events) {
    std::vector<domain::event_id> out;
    for (auto const& e : events) out.push_back(e.id);
    return out;
}

class SqliteEventRepository : public storage::testing::store_test {};

TEST_F(SqliteEventRepository, RoundTripsEveryField) {
    domain::event e = sample_event("Bimtek Graduasi KPM PKH — Bali 2024");
    e.id = write_ok([&](domain::repositories& r) { return r.events.insert(e); });
    EXPECT_GT(e.id, 0);
    auto found = read_ok([&](domain::repositories& r) { return r.events.find(e.id); });
    ASSERT_TRUE(found.has_value());
    expect_same(*found, e);
}

TEST_F(SqliteEventRepository, UnknownIdIsNotFound) {
    EXPECT_FALSE(read_ok([](domain::repositories& r) { return r.events.find(42); }).has_value());
}

TEST_F(SqliteEventRepository, UpdateChangesEveryFieldButCreatedAt) {
    domain::event e = sample_event("Bimtek");
    e.id = write_ok([&](domain::repositories& r) { return r.events.insert(e); });
    domain::event changed = e;
    changed.title = "Bimtek Kewirausahaan";
    changed.venue = "Hotel Santika, Mataram";
    changed.timezone = "Asia/Jakarta";
    changed.starts_at = from_unix_ms(1'719'000'000'000);
    changed.ends_at = from_unix_ms(1'719'090'000'000);
    changed.onsite_capacity = 0;
    changed.online_capacity = 0;
    changed.targets = {10, 20, 1.0};
    changed.stream_epoch = "b7";
    changed.created_at = from_unix_ms(1);
    write_ok([&](domain::repositories& r) { r.events.update(changed); });

    auto found = read_ok([&](domain::repositories& r) { return r.events.find(e.id); });
    ASSERT_TRUE(found.has_value());
    changed.created_at = e.created_at;
    expect_same(*found, changed);
}

TEST_F(SqliteEventRepository, ListForUserIsMostRecentStartFirstAndOnlyTheUsersEvents) {
    auto const ids_in_order = write_ok([](domain::repositories& r) {
        domain::user_id const user = r.users.insert(sample_user("siti"));
        domain::user_id const other = r.users.insert(sample_user("bambang"));
        auto add = [&](std::int64_t start_ms, domain::user_id member) {
            domain::event e = sample_event("Bimtek");
            e.starts_at = from_unix_ms(start_ms);
            domain::event_id id = r.events.insert(e);
            r.events.put_member({id, member, domain::role::coordinator});
            return id;
        };
        domain::event_id const first = add(100, user);
        domain::event_id const third = add(300, user);
        domain::event_id const second = add(200, user);
        add(400, other);
        domain::event_id const third_too = add(300, user);  // same start: higher id first
        return std::make_pair(user, std::vector<domain::event_id>{third_too, third, second, first});
    });
    auto listed = read_ok(
        [&](domain::repositories& r) { return r.events.list_for_user(ids_in_order.first); });
    EXPECT_EQ(ids(listed), ids_in_order.second);
    EXPECT_TRUE(
        read_ok([](domain::repositories& r) { return r.events.list_for_user(999); }).empty());
}

TEST_F(SqliteEventRepository, PutMemberAddsThenChangesTheRole) {
    auto const added = write_ok([](domain::repositories& r) {
        return std::make_pair(r.events.insert(sample_event("Bimtek")),
                              r.users.insert(sample_user("siti")));
    });
    domain::event_id const event = added.first;
    domain::user_id const user = added.second;
    EXPECT_FALSE(read_ok([&](domain::repositories& r) {
                     return r.events.find_member(event, user);
                 }).has_value());

    write_ok([&](domain::repositories& r) {
        r.events.put_member({event, user, domain::role::speaker});
    });
    auto m = read_ok([&](domain::repositories& r) { return r.events.find_member(event, user); });
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->event, event);
    EXPECT_EQ(m->user, user);
    EXPECT_EQ(m->role, domain::role::speaker);

    write_ok([&](domain::repositories& r) {
        r.events.put_member({event, user, domain::role::coordinator});
    });
    auto members = read_ok([&](domain::repositories& r) { return r.events.list_members(event); });
    ASSERT_EQ(members.size(), 1u);
    EXPECT_EQ(members[0].role, domain::role::coordinator);
}

TEST_F(SqliteEventRepository, ListMembersIsByUserIdAndPerEvent) {
    auto const added = write_ok([](domain::repositories& r) {
        domain::event_id const e = r.events.insert(sample_event("Bimtek"));
        domain::event_id const other = r.events.insert(sample_event("Lain"));
        std::vector<domain::user_id> u{r.users.insert(sample_user("a")),
                                       r.users.insert(sample_user("b")),
                                       r.users.insert(sample_user("c"))};
        r.events.put_member({e, u[2], domain::role::speaker});
        r.events.put_member({e, u[0], domain::role::coordinator});
        r.events.put_member({other, u[1], domain::role::coordinator});
        return std::make_pair(e, u);
    });
    domain::event_id const event = added.first;
    std::vector<domain::user_id> const& users = added.second;
    auto members = read_ok([&](domain::repositories& r) { return r.events.list_members(event); });
    ASSERT_EQ(members.size(), 2u);
    EXPECT_EQ(members[0].user, users[0]);
    EXPECT_EQ(members[0].role, domain::role::coordinator);
    EXPECT_EQ(members[1].user, users[2]);
    EXPECT_EQ(members[1].role, domain::role::speaker);
}

TEST_F(SqliteEventRepository, MemberOfAnUnknownEventOrUserIsRefused) {
    domain::event_id const event =
        write_ok([](domain::repositories& r) { return r.events.insert(sample_event("Bimtek")); });
    domain::status st = store_->write([&](domain::repositories& r) -> domain::status {
        r.events.put_member({event, 999, domain::role::coordinator});
        return {};
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::internal);
}

}  // namespace
