#include "server/storage/user_repository.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;
using storage::testing::sample_user;

void expect_same(domain::staff_user const& a, domain::staff_user const& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.username, b.username);
    EXPECT_EQ(a.display_name, b.display_name);
    EXPECT_EQ(a.role, b.role);
    EXPECT_EQ(a.password_hash, b.password_hash);
    EXPECT_EQ(to_unix_ms(a.created_at), to_unix_ms(b.created_at));
}

class SqliteUserRepository : public storage::testing::store_test {};

TEST_F(SqliteUserRepository, RoundTripsEveryFieldById) {
    domain::staff_user u = sample_user("siti");
    u.id = write_ok([&](domain::repositories& r) { return r.users.insert(u); });
    EXPECT_GT(u.id, 0);
    auto found = read_ok([&](domain::repositories& r) { return r.users.find(u.id); });
    ASSERT_TRUE(found.has_value());
    expect_same(*found, u);
    EXPECT_FALSE(read_ok([](domain::repositories& r) { return r.users.find(999); }).has_value());
}

TEST_F(SqliteUserRepository, FindsByExactUsername) {
    domain::staff_user u = sample_user("ni.luh");
    u.display_name = "Ni Luh Putu Ayu";
    u.role = domain::role::speaker;
    u.id = write_ok([&](domain::repositories& r) { return r.users.insert(u); });
    auto found =
        read_ok([](domain::repositories& r) { return r.users.find_by_username("ni.luh"); });
    ASSERT_TRUE(found.has_value());
    expect_same(*found, u);
    EXPECT_FALSE(read_ok([](domain::repositories& r) {
                     return r.users.find_by_username("ni");
                 }).has_value());
}

TEST_F(SqliteUserRepository, ListIsByUsername) {
    write_ok([](domain::repositories& r) {
        for (char const* name : {"wayan", "agus", "siti", "bambang"})
            r.users.insert(sample_user(name));
    });
    auto listed = read_ok([](domain::repositories& r) { return r.users.list(); });
    std::vector<std::string> names;
    for (auto const& u : listed) names.push_back(u.username);
    EXPECT_EQ(names, (std::vector<std::string>{"agus", "bambang", "siti", "wayan"}));
}

TEST_F(SqliteUserRepository, UpdateChangesEveryFieldButCreatedAt) {
    domain::staff_user u = sample_user("siti");
    u.id = write_ok([&](domain::repositories& r) { return r.users.insert(u); });
    domain::staff_user changed = u;
    changed.username = "siti.n";
    changed.display_name = "Siti Nurhaliza, S.Sos.";
    changed.role = domain::role::speaker;
    changed.password_hash = "$argon2id$new";
    changed.created_at = from_unix_ms(7);
    write_ok([&](domain::repositories& r) { r.users.update(changed); });
    auto found = read_ok([&](domain::repositories& r) { return r.users.find(u.id); });
    ASSERT_TRUE(found.has_value());
    changed.created_at = u.created_at;
    expect_same(*found, changed);
}

TEST_F(SqliteUserRepository, DuplicateUsernameIsRefusedAndRolledBack) {
    write_ok([](domain::repositories& r) { r.users.insert(sample_user("siti")); });
    domain::status st = store_->write([](domain::repositories& r) -> domain::status {
        r.users.insert(sample_user("agus"));
        r.users.insert(sample_user("siti"));
        return {};
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::internal);
    EXPECT_EQ(st.error().code, "storage_error");
    EXPECT_EQ(read_ok([](domain::repositories& r) { return r.users.list(); }).size(), 1u);
}

TEST_F(SqliteUserRepository, ParticipantRoleIsNotAStaffRole) {
    domain::staff_user u = sample_user("siti");
    u.role = domain::role::participant;
    domain::status st = store_->write([&](domain::repositories& r) -> domain::status {
        r.users.insert(u);
        return {};
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::internal);
}

}  // namespace
