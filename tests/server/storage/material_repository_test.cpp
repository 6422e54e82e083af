#include "server/storage/material_repository.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;
using storage::testing::sample_event;
using storage::testing::sample_session;
using storage::testing::sample_user;

std::string const sha_a(64, 'a');
std::string const sha_b(64, 'b');

void expect_same(domain::material const& a, domain::material const& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.event, b.event);
    EXPECT_EQ(a.session, b.session);
    EXPECT_EQ(a.filename, b.filename);
    EXPECT_EQ(a.content_type, b.content_type);
    EXPECT_EQ(a.size, b.size);
    EXPECT_EQ(a.sha256, b.sha256);
    EXPECT_EQ(a.published, b.published);
    EXPECT_EQ(a.uploaded_by, b.uploaded_by);
    EXPECT_EQ(to_unix_ms(a.uploaded_at), to_unix_ms(b.uploaded_at));
}

class SqliteMaterialRepository : public storage::testing::store_test {
protected:
    void SetUp() override {
        store_test::SetUp();
        write_ok([&](domain::repositories& r) {
            event_ = r.events.insert(sample_event("Bimtek Bali"));
            speaker_ = r.users.insert(sample_user("rina"));
            session_ = r.sessions.insert(sample_session(event_, "Pemasaran Digital"));
            other_session_ = r.sessions.insert(sample_session(event_, "Pembukuan"));
        });
    }

    domain::material material(std::string sha, std::int64_t at_ms, domain::session_id session = 0) {
        domain::material m;
        m.event = event_;
        m.session = session ? session : session_;
        m.filename = "Materi Pemasaran — Bu Siti.pdf";
        m.content_type = "application/pdf";
        m.size = 5'000'000'000ull;  // beyond 32 bits
        m.sha256 = std::move(sha);
        m.published = true;
        m.uploaded_by = speaker_;
        m.uploaded_at = from_unix_ms(at_ms);
        return m;
    }
    domain::material_id insert(domain::material const& m) {
        return write_ok([&](domain::repositories& r) { return r.materials.insert(m); });
    }
    std::optional<domain::material> find(domain::material_id id) {
        return read_ok([&](domain::repositories& r) { return r.materials.find(id); });
    }

    domain::event_id event_ = 0;
    domain::user_id speaker_ = 0;
    domain::session_id session_ = 0, other_session_ = 0;
};

TEST_F(SqliteMaterialRepository, RoundTripsEveryField) {
    auto m = material(sha_a, 1'000);
    m.id = insert(m);
    EXPECT_GT(m.id, 0);
    expect_same(find(m.id).value(), m);
    auto anonymous = material(sha_b, 2'000);
    anonymous.uploaded_by.reset();
    anonymous.published = false;
    anonymous.id = insert(anonymous);
    expect_same(find(anonymous.id).value(), anonymous);
    EXPECT_FALSE(find(anonymous.id + 10).has_value());
}

TEST_F(SqliteMaterialRepository, UpdateStoresPublishedOnly) {
    auto m = material(sha_a, 1'000);
    m.id = insert(m);
    auto changed = m;
    changed.published = false;
    changed.filename = "not stored";
    write_ok([&](domain::repositories& r) { r.materials.update(changed); });
    auto expected = m;
    expected.published = false;
    expect_same(find(m.id).value(), expected);
}

TEST_F(SqliteMaterialRepository, ListsASessionsMaterialsOldestFirst) {
    auto late = insert(material(sha_a, 3'000));
    auto early = insert(material(sha_b, 1'000));
    auto same_time = insert(material(sha_b, 3'000));
    insert(material(sha_a, 2'000, other_session_));
    auto list =
        read_ok([&](domain::repositories& r) { return r.materials.list_by_session(session_); });
    std::vector<domain::material_id> ids;
    for (auto const& m : list) ids.push_back(m.id);
    EXPECT_EQ(ids, (std::vector<domain::material_id>{early, late, same_time}));
}

TEST_F(SqliteMaterialRepository, CountsUsersOfAFileAndRemoves) {
    auto a1 = insert(material(sha_a, 1));
    insert(material(sha_a, 2, other_session_));
    insert(material(sha_b, 3));
    auto count = [&](std::string const& sha) {
        return read_ok([&](domain::repositories& r) { return r.materials.count_by_sha256(sha); });
    };
    EXPECT_EQ(count(sha_a), 2);
    EXPECT_EQ(count(sha_b), 1);
    EXPECT_EQ(count(std::string(64, 'c')), 0);
    write_ok([&](domain::repositories& r) { r.materials.remove(a1); });
    EXPECT_EQ(count(sha_a), 1);
    EXPECT_FALSE(find(a1).has_value());
}

TEST_F(SqliteMaterialRepository, RemovingANeverStartedSessionRemovesItsMaterials) {
    auto m = insert(material(sha_a, 1));
    write_ok([&](domain::repositories& r) { r.sessions.remove(session_); });
    EXPECT_FALSE(find(m).has_value());
}

TEST_F(SqliteMaterialRepository, TheSchemaRefusesBadRows) {
    auto refused = [&](domain::material const& m) {
        auto st = store_->write([&](domain::repositories& r) -> domain::status {
            r.materials.insert(m);
            return {};
        });
        return !st.ok() && st.error().kind == domain::error_kind::internal;
    };
    EXPECT_TRUE(refused(material("short", 1)));
    EXPECT_TRUE(refused(material(sha_a, 1, 999)));  // no such session
}

}  // namespace
