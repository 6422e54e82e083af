#include "server/domain/access.hpp"

#include "tests/server/domain/domain_fixture.hpp"

namespace bimtek::test {
namespace {

using namespace domain;

class access_test : public domain_fixture {
protected:
    // Runs one rule against the fake store.
    template <class F>
    status check(F f) {
        return store.read([&](repositories& r) { return f(r); });
    }

    participant member =
        seed_participant(store, event.id, "Siti Nurhaliza", attendance_mode::onsite, "AAAABBBB");
};

TEST_F(access_test, coordinator_rules) {
    EXPECT_TRUE(check([&](repositories& r) {
                    return require_coordinator(r, as_coordinator(), event.id);
                }).ok());
    EXPECT_ERROR(
        check([&](repositories& r) { return require_coordinator(r, as_speaker(), event.id); }),
        forbidden, "forbidden");
    EXPECT_ERROR(check([&](repositories& r) {
                     return require_coordinator(r, principal_of(member), event.id);
                 }),
                 forbidden, "forbidden");
    auto other = other_event();
    EXPECT_ERROR(check([&](repositories& r) {
                     return require_coordinator(r, principal_of(other.user), event.id);
                 }),
                 forbidden, "forbidden");
    EXPECT_ERROR(
        check([&](repositories& r) { return require_coordinator(r, as_coordinator(), 999); }),
        not_found, "event_not_found");
}

TEST_F(access_test, staff_rules) {
    EXPECT_TRUE(
        check([&](repositories& r) { return require_staff(r, as_coordinator(), event.id); }).ok());
    EXPECT_TRUE(
        check([&](repositories& r) { return require_staff(r, as_speaker(), event.id); }).ok());
    EXPECT_ERROR(
        check([&](repositories& r) { return require_staff(r, principal_of(member), event.id); }),
        forbidden, "forbidden");
    auto other = other_event();
    EXPECT_ERROR(
        check([&](repositories& r) { return require_staff(r, as_speaker(), other.event.id); }),
        forbidden, "forbidden");
}

TEST_F(access_test, member_rules) {
    EXPECT_TRUE(check([&](repositories& r) {
                    return require_member(r, principal_of(member), event.id);
                }).ok());
    EXPECT_TRUE(
        check([&](repositories& r) { return require_member(r, as_speaker(), event.id); }).ok());
    auto other = other_event();
    auto outsider =
        seed_participant(store, other.event.id, "Budi", attendance_mode::online, "CCCCDDDD");
    EXPECT_ERROR(
        check([&](repositories& r) { return require_member(r, principal_of(outsider), event.id); }),
        forbidden, "forbidden");
    EXPECT_ERROR(check([&](repositories& r) {
                     return require_member(r, principal_of(other.user), event.id);
                 }),
                 forbidden, "forbidden");
}

TEST_F(access_test, session_runner_rules) {
    auto own = seed_session(store, event.id, "Pemasaran Digital", wib(10), wib(11), speaker.id);
    auto others = seed_session(store, event.id, "Pembukuan", wib(11), wib(12));
    EXPECT_TRUE(
        check([&](repositories& r) { return require_session_runner(r, as_speaker(), own); }).ok());
    EXPECT_TRUE(check([&](repositories& r) {
                    return require_session_runner(r, as_coordinator(), others);
                }).ok());
    EXPECT_ERROR(
        check([&](repositories& r) { return require_session_runner(r, as_speaker(), others); }),
        forbidden, "forbidden");
    EXPECT_ERROR(check([&](repositories& r) {
                     return require_session_runner(r, principal_of(member), own);
                 }),
                 forbidden, "forbidden");
    auto other = other_event();
    EXPECT_ERROR(check([&](repositories& r) {
                     return require_session_runner(r, principal_of(other.user), own);
                 }),
                 forbidden, "forbidden");
}

}  // namespace
}  // namespace bimtek::test
