#include "server/storage/token_repository.hpp"

#include <gtest/gtest.h>

#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;

domain::token_record token(std::string digest, domain::role role, std::int64_t expires_ms) {
    domain::token_record t;
    t.digest = std::move(digest);
    t.role = role;
    t.subject = 17;
    t.created_at = from_unix_ms(1'000);
    t.expires_at = from_unix_ms(expires_ms);
    return t;
}

class SqliteTokenRepository : public storage::testing::store_test {
protected:
    std::optional<domain::token_record> find(std::string const& digest) {
        return read_ok([&](domain::repositories& r) { return r.tokens.find(digest); });
    }
};

TEST_F(SqliteTokenRepository, RoundTripsEveryFieldForEveryRole) {
    for (auto role :
         {domain::role::coordinator, domain::role::speaker, domain::role::participant}) {
        domain::token_record t =
            token("digest-" + std::string(domain::to_string(role)), role, 90'000);
        write_ok([&](domain::repositories& r) { r.tokens.insert(t); });
        auto found = find(t.digest);
        ASSERT_TRUE(found.has_value());
        EXPECT_EQ(found->digest, t.digest);
        EXPECT_EQ(found->role, role);
        EXPECT_EQ(found->subject, t.subject);
        EXPECT_EQ(to_unix_ms(found->created_at), to_unix_ms(t.created_at));
        EXPECT_EQ(to_unix_ms(found->expires_at), to_unix_ms(t.expires_at));
    }
    EXPECT_FALSE(find("unknown").has_value());
}

TEST_F(SqliteTokenRepository, RemoveDeletesOnlyThatToken) {
    write_ok([](domain::repositories& r) {
        r.tokens.insert(token("a", domain::role::participant, 9'000));
        r.tokens.insert(token("b", domain::role::participant, 9'000));
    });
    write_ok([](domain::repositories& r) { r.tokens.remove("a"); });
    EXPECT_FALSE(find("a").has_value());
    EXPECT_TRUE(find("b").has_value());
    write_ok([](domain::repositories& r) { r.tokens.remove("a"); });  // absent: nothing happens
}

TEST_F(SqliteTokenRepository, RemoveExpiredRemovesThoseExpiredAtOrBeforeNow) {
    write_ok([](domain::repositories& r) {
        r.tokens.insert(token("old", domain::role::participant, 4'000));
        r.tokens.insert(token("now", domain::role::speaker, 5'000));
        r.tokens.insert(token("later", domain::role::coordinator, 5'001));
    });
    int const removed = write_ok(
        [](domain::repositories& r) { return r.tokens.remove_expired(from_unix_ms(5'000)); });
    EXPECT_EQ(removed, 2);
    EXPECT_FALSE(find("old").has_value());
    EXPECT_FALSE(find("now").has_value());
    EXPECT_TRUE(find("later").has_value());
    EXPECT_EQ(write_ok([](domain::repositories& r) {
                  return r.tokens.remove_expired(from_unix_ms(5'000));
              }),
              0);
}

TEST_F(SqliteTokenRepository, DuplicateDigestIsRefused) {
    write_ok([](domain::repositories& r) {
        r.tokens.insert(token("a", domain::role::participant, 9'000));
    });
    domain::status st = store_->write([](domain::repositories& r) -> domain::status {
        r.tokens.insert(token("a", domain::role::speaker, 9'000));
        return {};
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::internal);
    EXPECT_EQ(find("a")->role, domain::role::participant);
}

}  // namespace
