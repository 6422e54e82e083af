#include "server/storage/certificate_repository.hpp"

#include <gtest/gtest.h>

#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;
using storage::testing::sample_event;
using storage::testing::sample_participant;
using storage::testing::sample_user;
using storage::testing::unix_ms;

void expect_same(domain::certificate const& a, domain::certificate const& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.code, b.code);
    EXPECT_EQ(a.event, b.event);
    EXPECT_EQ(a.participant, b.participant);
    EXPECT_EQ(to_unix_ms(a.issued_at), to_unix_ms(b.issued_at));
    EXPECT_EQ(unix_ms(a.revoked_at), unix_ms(b.revoked_at));
    EXPECT_EQ(a.revoked_by, b.revoked_by);
    EXPECT_EQ(a.revoke_reason, b.revoke_reason);
}

class SqliteCertificateRepository : public storage::testing::store_test {
protected:
    void SetUp() override {
        store_test::SetUp();
        write_ok([&](domain::repositories& r) {
            event_ = r.events.insert(sample_event("Bimtek Bali"));
            other_event_ = r.events.insert(sample_event("Bimtek NTT"));
            coordinator_ = r.users.insert(sample_user("koordinator"));
            ayu_ = r.participants.insert(sample_participant(event_, "Ni Luh Putu Ayu", "ABCD2345"));
            siti_ = r.participants.insert(sample_participant(event_, "Siti Nurhaliza", "ABCD3456"));
            stranger_ =
                r.participants.insert(sample_participant(other_event_, "Yohanes", "ABCD4567"));
        });
    }

    domain::certificate cert(std::string code, domain::participant_id who,
                             domain::event_id event = 0) {
        domain::certificate c;
        c.code = std::move(code);
        c.event = event ? event : event_;
        c.participant = who;
        c.issued_at = from_unix_ms(1'000);
        return c;
    }
    domain::certificate_id insert(domain::certificate const& c) {
        return write_ok([&](domain::repositories& r) { return r.certificates.insert(c); });
    }
    bool refused(domain::certificate const& c) {
        auto st = store_->write([&](domain::repositories& r) -> domain::status {
            r.certificates.insert(c);
            return {};
        });
        return !st.ok() && st.error().kind == domain::error_kind::internal;
    }

    domain::event_id event_ = 0, other_event_ = 0;
    domain::user_id coordinator_ = 0;
    domain::participant_id ayu_ = 0, siti_ = 0, stranger_ = 0;
};

TEST_F(SqliteCertificateRepository, FoundByCodeAndByParticipant) {
    auto c = cert("7KQ2M9XDPA4T", ayu_);
    c.id = insert(c);
    expect_same(read_ok([&](domain::repositories& r) {
                    return r.certificates.find_by_code("7KQ2M9XDPA4T");
                }).value(),
                c);
    expect_same(read_ok([&](domain::repositories& r) {
                    return r.certificates.find_by_participant(ayu_);
                }).value(),
                c);
    EXPECT_FALSE(read_ok(
        [&](domain::repositories& r) { return r.certificates.find_by_code("ZZZZZZZZZZZZ"); }));
    EXPECT_FALSE(read_ok(
        [&](domain::repositories& r) { return r.certificates.find_by_participant(siti_); }));
}

TEST_F(SqliteCertificateRepository, RevocationIsStored) {
    auto c = cert("7KQ2M9XDPA4T", ayu_);
    c.id = insert(c);
    c.revoked_at = from_unix_ms(5'000);
    c.revoked_by = coordinator_;
    c.revoke_reason = "data kehadiran keliru";
    write_ok([&](domain::repositories& r) { r.certificates.update(c); });
    expect_same(read_ok([&](domain::repositories& r) {
                    return r.certificates.find_by_code(c.code);
                }).value(),
                c);
}

TEST_F(SqliteCertificateRepository, OnePerParticipantAndUniqueCodes) {
    insert(cert("AAAAAAAAAAAA", ayu_));
    EXPECT_TRUE(refused(cert("BBBBBBBBBBBB", ayu_)));
    EXPECT_TRUE(refused(cert("AAAAAAAAAAAA", siti_)));
    // A participant of another event cannot be certified for this one.
    EXPECT_TRUE(refused(cert("CCCCCCCCCCCC", stranger_, event_)));
}

TEST_F(SqliteCertificateRepository, ListsAnEventsCertificatesById) {
    auto b = insert(cert("BBBBBBBBBBBB", siti_));
    auto a = insert(cert("AAAAAAAAAAAA", ayu_));
    insert(cert("CCCCCCCCCCCC", stranger_, other_event_));
    auto list =
        read_ok([&](domain::repositories& r) { return r.certificates.list_by_event(event_); });
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, b);
    EXPECT_EQ(list[1].id, a);
}

}  // namespace
