#include "server/domain/account_service.hpp"

#include "tests/server/domain/domain_fixture.hpp"

namespace bimtek::test {
namespace {

using namespace domain;

class account_service_test : public domain_fixture {
protected:
    account_service accounts{store, crypto, clock};

    static new_account account(std::string username, role r = role::speaker,
                               std::string password = "kata-sandi-1") {
        new_account a;
        a.username = std::move(username);
        a.password = std::move(password);
        a.role = r;
        return a;
    }

    // The problem codes of a failed result, "field:code" each.
    template <class R>
    static std::vector<std::string> problem_codes(R const& r) {
        std::vector<std::string> out;
        for (auto const& p : error_of(r).problems) out.push_back(p.field + ":" + p.code);
        return out;
    }
};

TEST_F(account_service_test, creates_an_account_with_a_folded_username) {
    auto a = account("  Budi.Santoso_01 ");
    auto r = accounts.create_account(a);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->username, "budi.santoso_01");
    EXPECT_EQ(r->display_name, "budi.santoso_01");  // defaults to the username
    EXPECT_EQ(r->role, role::speaker);
    EXPECT_EQ(r->password_hash, "fake$kata-sandi-1");
    EXPECT_EQ(r->created_at, clock.now());
    auto stored = store.state().users.at(r->id);
    EXPECT_EQ(stored.username, "budi.santoso_01");
}

TEST_F(account_service_test, keeps_a_given_display_name) {
    auto a = account("ayu");
    a.display_name = "  Ni Luh   Putu Ayu ";
    auto r = accounts.create_account(a);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->display_name, "Ni Luh Putu Ayu");
}

TEST_F(account_service_test, refuses_bad_fields_all_at_once) {
    auto a = account("ab", role::participant, "1234567");
    a.display_name = std::string(101, 'x');
    auto r = accounts.create_account(a);
    EXPECT_ERROR(r, invalid, "invalid_field");
    EXPECT_EQ(problem_codes(r),
              (std::vector<std::string>{"username:too_short", "display_name:too_long",
                                        "password:too_short", "role:invalid_role"}));
    EXPECT_EQ(crypto.hash_calls(), 0);
}

TEST_F(account_service_test, username_rules) {
    EXPECT_EQ(problem_codes(accounts.create_account(account(""))),
              std::vector<std::string>{"username:required"});
    EXPECT_EQ(problem_codes(accounts.create_account(account("budi santoso"))),
              std::vector<std::string>{"username:invalid_characters"});
    EXPECT_EQ(problem_codes(accounts.create_account(account("budi@dinsos"))),
              std::vector<std::string>{"username:invalid_characters"});
    EXPECT_EQ(problem_codes(accounts.create_account(account(std::string(33, 'a')))),
              std::vector<std::string>{"username:too_long"});
    EXPECT_TRUE(accounts.create_account(account(std::string(32, 'a'))).ok());
    EXPECT_TRUE(accounts.create_account(account("abc")).ok());
    EXPECT_TRUE(accounts.create_account(account("a.b-c_9")).ok());
}

TEST_F(account_service_test, password_and_display_name_limits) {
    EXPECT_TRUE(accounts.create_account(account("delapan", role::speaker, "12345678")).ok());
    EXPECT_TRUE(
        accounts.create_account(account("panjang", role::speaker, std::string(256, 'p'))).ok());
    EXPECT_EQ(problem_codes(accounts.create_account(
                  account("terlalu", role::speaker, std::string(257, 'p')))),
              std::vector<std::string>{"password:too_long"});
    auto a = account("nama");
    std::string name;
    for (int i = 0; i < 100; ++i) name += "é";  // 100 code points, 200 bytes
    a.display_name = name;
    EXPECT_TRUE(accounts.create_account(a).ok());
    a.username = "nama2";
    a.display_name = name + "é";
    EXPECT_EQ(problem_codes(accounts.create_account(a)),
              std::vector<std::string>{"display_name:too_long"});
}

TEST_F(account_service_test, refuses_a_taken_username) {
    EXPECT_ERROR(accounts.create_account(account("Koordinator")), conflict, "username_taken");
    EXPECT_EQ(store.state().users.size(), 2u);
}

TEST_F(account_service_test, only_coordinators_create_accounts_for_others) {
    EXPECT_ERROR(accounts.create_account(as_speaker(), account("baru")), forbidden, "forbidden");
    auto siti = seed_participant(store, event.id, "Siti", attendance_mode::onsite, "AAAABBBB");
    EXPECT_ERROR(accounts.create_account(principal_of(siti), account("baru")), forbidden,
                 "forbidden");
    auto r = accounts.create_account(as_coordinator(), account("baru"));
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(store.state().members.contains({event.id, r->id}));  // no event given
}

TEST_F(account_service_test, an_account_created_for_an_event_joins_its_staff) {
    auto r = accounts.create_account(as_coordinator(), account("pembicara"), event.id);
    ASSERT_TRUE(r.ok()) << r.error().message;
    auto m = store.state().members.at({event.id, r->id});
    EXPECT_EQ(m.role, role::speaker);

    auto c = accounts.create_account(as_coordinator(), account("koordinator2", role::coordinator),
                                     event.id);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(store.state().members.at({event.id, c->id}).role, role::coordinator);
}

TEST_F(account_service_test, a_coordinator_of_another_event_cannot_add_to_this_one) {
    auto other = other_event();
    std::string before = store.dump();
    EXPECT_ERROR(accounts.create_account(principal_of(other.user), account("penyusup"), event.id),
                 forbidden, "forbidden");
    EXPECT_ERROR(accounts.create_account(as_coordinator(), account("penyusup"), 999), not_found,
                 "event_not_found");
    EXPECT_EQ(store.dump(), before);
    EXPECT_EQ(crypto.hash_calls(), 0);
}

TEST_F(account_service_test, lists_the_event_staff_coordinators_first) {
    auto extra = seed_user(store, "aaa-koordinator", role::coordinator);
    seed_member(store, event.id, extra.id, role::coordinator);
    auto r = accounts.list_event_staff(as_coordinator(), event.id);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), 3u);
    EXPECT_EQ((*r)[0].first.username, "aaa-koordinator");
    EXPECT_EQ((*r)[1].first.username, "koordinator");
    EXPECT_EQ((*r)[2].first.username, "narasumber");
    EXPECT_EQ((*r)[2].second.role, role::speaker);
    EXPECT_ERROR(accounts.list_event_staff(as_speaker(), event.id), forbidden, "forbidden");
    EXPECT_ERROR(accounts.list_event_staff(principal_of(other_event().user), event.id), forbidden,
                 "forbidden");
}

TEST_F(account_service_test, adds_an_existing_account_to_an_event) {
    auto other = other_event();
    auto r = accounts.add_to_event(principal_of(other.user), other.event.id, "Narasumber",
                                   role::speaker);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->user, speaker.id);
    EXPECT_EQ(store.state().members.at({other.event.id, speaker.id}).role, role::speaker);

    EXPECT_ERROR(accounts.add_to_event(as_coordinator(), event.id, "tidak-ada", role::speaker),
                 not_found, "user_not_found");
    EXPECT_ERROR(accounts.add_to_event(as_coordinator(), event.id, "narasumber", role::coordinator),
                 invalid, "invalid_field");
    EXPECT_ERROR(accounts.add_to_event(as_coordinator(), event.id, "narasumber", role::participant),
                 invalid, "invalid_field");
    EXPECT_ERROR(accounts.add_to_event(as_speaker(), event.id, "narasumber", role::speaker),
                 forbidden, "forbidden");
    EXPECT_ERROR(
        accounts.add_to_event(principal_of(other.user), event.id, "narasumber", role::speaker),
        forbidden, "forbidden");
}

TEST_F(account_service_test, an_event_keeps_a_coordinator) {
    EXPECT_ERROR(accounts.add_to_event(as_coordinator(), event.id, "koordinator", role::speaker),
                 conflict, "last_coordinator");
    auto second = seed_user(store, "koordinator2", role::coordinator);
    ASSERT_TRUE(
        accounts.add_to_event(as_coordinator(), event.id, "koordinator2", role::coordinator).ok());
    auto r = accounts.add_to_event(principal_of(second), event.id, "koordinator", role::speaker);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(store.state().members.at({event.id, coordinator.id}).role, role::speaker);
}

TEST_F(account_service_test, changes_a_password) {
    ASSERT_TRUE(accounts.change_password(as_speaker(), "password1", "sandi-baru-123").ok());
    EXPECT_EQ(store.state().users.at(speaker.id).password_hash, "fake$sandi-baru-123");
}

TEST_F(account_service_test, password_change_needs_the_old_password) {
    std::string before = store.dump();
    auto wrong = accounts.change_password(as_speaker(), "salah-salah", "sandi-baru-123");
    EXPECT_ERROR(wrong, invalid, "invalid_field");
    EXPECT_EQ(problem_codes(wrong), std::vector<std::string>{"old_password:incorrect"});
    EXPECT_EQ(problem_codes(accounts.change_password(as_speaker(), "password1", "pendek")),
              std::vector<std::string>{"new_password:too_short"});
    EXPECT_EQ(store.dump(), before);
    auto siti = seed_participant(store, event.id, "Siti", attendance_mode::onsite, "AAAABBBB");
    before = store.dump();
    EXPECT_ERROR(accounts.change_password(principal_of(siti), "password1", "sandi-baru-123"),
                 forbidden, "forbidden");
    EXPECT_EQ(store.dump(), before);
}

}  // namespace
}  // namespace bimtek::test
