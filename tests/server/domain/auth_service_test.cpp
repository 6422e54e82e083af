#include "server/domain/auth_service.hpp"

#include <atomic>
#include <thread>

#include "tests/server/domain/domain_fixture.hpp"

namespace bimtek::test {
namespace {

using namespace domain;
using namespace std::chrono_literals;

class auth_service_test : public domain_fixture {
protected:
    auth_service auth{store, crypto, clock};
    participant siti =
        seed_participant(store, event.id, "Siti Nurhaliza", attendance_mode::onsite, "AAAABBBB");

    void fail_login(int times, std::string const& username = "koordinator") {
        for (int i = 0; i < times; ++i)
            EXPECT_ERROR(auth.login(username, "salah-salah"), unauthorized, "invalid_credentials");
    }
};

TEST_F(auth_service_test, login_issues_a_token_stored_only_as_its_digest) {
    auto r = auth.login("koordinator", "password1");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->user.id, coordinator.id);
    EXPECT_EQ(r->token.token.size(), 44u);
    EXPECT_EQ(r->token.expires_at, clock.now() + 12h);

    auto tokens = store.state().tokens;
    ASSERT_EQ(tokens.size(), 1u);
    auto const& [digest, rec] = *tokens.begin();
    EXPECT_EQ(digest, crypto.token_digest(r->token.token));
    EXPECT_EQ(store.dump().find(r->token.token), std::string::npos);
    EXPECT_EQ(rec.role, role::coordinator);
    EXPECT_EQ(rec.subject, coordinator.id);
    EXPECT_EQ(rec.expires_at, r->token.expires_at);
}

TEST_F(auth_service_test, login_folds_the_username) {
    EXPECT_TRUE(auth.login("  Koordinator ", "password1").ok());
}

TEST_F(auth_service_test, unknown_user_and_wrong_password_look_the_same) {
    auto wrong = auth.login("koordinator", "bukan-ini");
    int before = crypto.verify_calls();
    auto unknown = auth.login("tidak-ada", "bukan-ini");
    EXPECT_ERROR(wrong, unauthorized, "invalid_credentials");
    EXPECT_ERROR(unknown, unauthorized, "invalid_credentials");
    EXPECT_EQ(wrong.error().message, unknown.error().message);
    EXPECT_EQ(crypto.verify_calls(), before + 1);  // checked against the dummy hash
    EXPECT_TRUE(store.state().tokens.empty());
}

TEST_F(auth_service_test, too_many_failures_block_the_username) {
    fail_login(5);
    clock.advance(10s);
    auto blocked = auth.login("koordinator", "password1");  // even the right password
    EXPECT_ERROR(blocked, rate_limited, "too_many_attempts");
    EXPECT_EQ(blocked.error().retry_after_seconds, 290);
    EXPECT_ERROR(auth.login("KOORDINATOR", "password1"), rate_limited, "too_many_attempts");
    EXPECT_TRUE(auth.login("narasumber", "password1").ok());  // others are not affected

    clock.advance(289s);
    EXPECT_ERROR(auth.login("koordinator", "password1"), rate_limited, "too_many_attempts");
    clock.advance(1s);
    EXPECT_TRUE(auth.login("koordinator", "password1").ok());
}

TEST_F(auth_service_test, failures_leave_the_window) {
    fail_login(1);
    clock.advance(200s);
    fail_login(4);
    auto blocked = auth.login("koordinator", "password1");
    EXPECT_ERROR(blocked, rate_limited, "too_many_attempts");
    EXPECT_EQ(blocked.error().retry_after_seconds, 100);  // when the first failure expires
    clock.advance(100s);
    EXPECT_TRUE(auth.login("koordinator", "password1").ok());
}

TEST_F(auth_service_test, a_success_clears_the_failures) {
    fail_login(4);
    ASSERT_TRUE(auth.login("koordinator", "password1").ok());
    fail_login(4);
    EXPECT_TRUE(auth.login("koordinator", "password1").ok());
}

TEST_F(auth_service_test, unknown_usernames_are_limited_too) {
    fail_login(5, "penyerang");
    EXPECT_ERROR(auth.login("penyerang", "apa-saja"), rate_limited, "too_many_attempts");
}

TEST_F(auth_service_test, parallel_guesses_cannot_pass_the_limit) {
    int verified_before = crypto.verify_calls();
    std::atomic<int> refused{0}, limited{0};
    std::vector<std::thread> guessers;
    for (int i = 0; i < 20; ++i)
        guessers.emplace_back([&, i] {
            auto r = auth.login("koordinator", "tebakan-" + std::to_string(i));
            ASSERT_FALSE(r.ok());
            ++(r.error().kind == error_kind::rate_limited ? limited : refused);
        });
    for (auto& t : guessers) t.join();
    EXPECT_EQ(refused.load(), 5);
    EXPECT_EQ(limited.load(), 15);
    EXPECT_EQ(crypto.verify_calls() - verified_before, 5);
}

TEST_F(auth_service_test, join_by_code) {
    auto r = auth.join(" aaaa-bbbb ");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->who.id, siti.id);
    EXPECT_EQ(r->token.expires_at, clock.now() + 24h * 14);
    auto who = auth.authenticate(r->token.token);
    ASSERT_TRUE(who.ok());
    EXPECT_EQ(who->role, role::participant);
    EXPECT_EQ(who->subject, siti.id);
    EXPECT_EQ(who->event, event.id);
    EXPECT_EQ(who->display_name, "Siti Nurhaliza");
}

TEST_F(auth_service_test, join_refuses_unknown_and_malformed_codes) {
    EXPECT_ERROR(auth.join("CCCCDDDD"), unauthorized, "unknown_code");
    EXPECT_ERROR(auth.join("AAAABBB0"), unauthorized, "unknown_code");
    EXPECT_ERROR(auth.join(""), unauthorized, "unknown_code");
    EXPECT_TRUE(store.state().tokens.empty());
}

TEST_F(auth_service_test, authenticate_staff) {
    auto login = auth.login("narasumber", "password1");
    ASSERT_TRUE(login.ok());
    auto who = auth.authenticate(login->token.token);
    ASSERT_TRUE(who.ok());
    EXPECT_EQ(who->role, role::speaker);
    EXPECT_EQ(who->subject, speaker.id);
    EXPECT_EQ(who->event, std::nullopt);
    EXPECT_EQ(who->display_name, "narasumber");
}

TEST_F(auth_service_test, authenticate_refuses_unknown_and_expired_tokens) {
    EXPECT_ERROR(auth.authenticate(""), unauthorized, "invalid_token");
    EXPECT_ERROR(auth.authenticate("tidak-ada"), unauthorized, "invalid_token");
    auto login = auth.login("koordinator", "password1");
    ASSERT_TRUE(login.ok());
    clock.advance(12h - 1ms);
    EXPECT_TRUE(auth.authenticate(login->token.token).ok());
    clock.advance(1ms);
    EXPECT_ERROR(auth.authenticate(login->token.token), unauthorized, "invalid_token");
}

TEST_F(auth_service_test, expired_tokens_are_cleared_when_new_ones_are_issued) {
    ASSERT_TRUE(auth.login("koordinator", "password1").ok());
    clock.advance(13h);
    ASSERT_TRUE(auth.login("koordinator", "password1").ok());
    EXPECT_EQ(store.state().tokens.size(), 1u);
}

TEST_F(auth_service_test, authenticate_refuses_tokens_of_missing_subjects) {
    ASSERT_TRUE(store
                    .write([&](repositories& r) {
                        r.tokens.insert(token_record{crypto.token_digest("yatim-staff"),
                                                     role::speaker, 999, clock.now(),
                                                     clock.now() + 1h});
                        r.tokens.insert(token_record{crypto.token_digest("yatim-peserta"),
                                                     role::participant, 999, clock.now(),
                                                     clock.now() + 1h});
                        return status{};
                    })
                    .ok());
    EXPECT_ERROR(auth.authenticate("yatim-staff"), unauthorized, "invalid_token");
    EXPECT_ERROR(auth.authenticate("yatim-peserta"), unauthorized, "invalid_token");
}

TEST_F(auth_service_test, logout_forgets_the_token) {
    auto login = auth.login("koordinator", "password1");
    ASSERT_TRUE(login.ok());
    ASSERT_TRUE(auth.logout(login->token.token).ok());
    EXPECT_ERROR(auth.authenticate(login->token.token), unauthorized, "invalid_token");
    EXPECT_TRUE(auth.logout(login->token.token).ok());  // twice is fine
}

}  // namespace
}  // namespace bimtek::test
