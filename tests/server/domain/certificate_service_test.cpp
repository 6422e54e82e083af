// Certificates through the fakes: issued once for a completed participant, verified by code,
// revoked by the event's coordinators.
#include "server/domain/certificate_service.hpp"

#include <cctype>

#include "server/domain/certificate_code.hpp"
#include "server/domain/checkin_service.hpp"
#include "server/domain/event_service.hpp"
#include "tests/server/domain/domain_fixture.hpp"

namespace bimtek::test {
namespace {

using namespace domain;

class certificate_service_test : public domain_fixture {
protected:
    certificate_service certificates{store, crypto, clock};
    event_service events{store, crypto, clock};
    checkin_service door{store, clock};

    participant siti =
        seed_participant(store, event.id, "Siti Nurhaliza", attendance_mode::onsite, "AAAABBBB");
    participant budi =
        seed_participant(store, event.id, "Budi Santoso", attendance_mode::onsite, "AAAADDDD");
    participant ayu =
        seed_participant(store, event.id, "Ni Luh Putu Ayu", attendance_mode::onsite, "AAAACCCC");
    session opening = seed_session(store, event.id, "Pembukaan", wib(9), wib(10));

    // Siti and Ayu are in the room for the whole opening, Budi never comes.
    void complete_opening() {
        clock.set(wib(8, 50));
        ASSERT_TRUE(door.check_in(as_coordinator(), event.id, siti.id).ok());
        ASSERT_TRUE(door.check_in(as_coordinator(), event.id, ayu.id).ok());
        clock.set(wib(9));
        ASSERT_TRUE(events.start_session(as_coordinator(), opening.id).ok());
        clock.set(wib(10));
        ASSERT_TRUE(events.end_session(as_coordinator(), opening.id).ok());
    }
};

TEST_F(certificate_service_test, issued_once_for_a_completed_participant) {
    complete_opening();
    auto first = certificates.certificate_for(principal_of(siti), siti.id);
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_EQ(first->certificate.code.size(), certificate_code_length);
    EXPECT_EQ(first->certificate.participant, siti.id);
    EXPECT_EQ(first->certificate.event, event.id);
    EXPECT_EQ(first->certificate.issued_at, wib(10));
    EXPECT_EQ(first->who.name, "Siti Nurhaliza");
    EXPECT_EQ(first->details.id, event.id);
    EXPECT_DOUBLE_EQ(first->completion.total_minutes, 60.0);

    clock.set(wib(11));
    auto again = certificates.certificate_for(as_coordinator(), siti.id);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->certificate.code, first->certificate.code);
    EXPECT_EQ(again->certificate.issued_at, wib(10));
}

TEST_F(certificate_service_test, not_completed_is_a_conflict) {
    EXPECT_ERROR(certificates.certificate_for(principal_of(siti), siti.id), conflict,
                 "not_completed");
    complete_opening();
    EXPECT_ERROR(certificates.certificate_for(principal_of(budi), budi.id), conflict,
                 "not_completed");
}

TEST_F(certificate_service_test, who_may_ask) {
    complete_opening();
    EXPECT_ERROR(certificates.certificate_for(principal_of(budi), siti.id), forbidden, "forbidden");
    EXPECT_TRUE(certificates.certificate_for(as_speaker(), siti.id).ok());
    auto foreign = other_event();
    EXPECT_ERROR(certificates.certificate_for(principal_of(foreign.user), siti.id), forbidden,
                 "forbidden");
    EXPECT_ERROR(certificates.certificate_for(as_coordinator(), 9999), not_found,
                 "participant_not_found");
}

TEST_F(certificate_service_test, verification_says_valid_for_whom_and_which_event) {
    complete_opening();
    auto cert = certificates.certificate_for(principal_of(siti), siti.id);
    auto check = certificates.verify(cert->certificate.code);
    ASSERT_TRUE(check.ok());
    EXPECT_FALSE(check->certificate.revoked());
    EXPECT_EQ(check->participant_name, "Siti Nurhaliza");
    EXPECT_EQ(check->details.title, event.title);
    std::string typed = cert->certificate.code;
    for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_TRUE(certificates.verify(typed.substr(0, 6) + "-" + typed.substr(6)).ok());
    EXPECT_ERROR(certificates.verify("ABCDEFGHJKMN"), not_found, "certificate_not_found");
    EXPECT_ERROR(certificates.verify("../etc"), not_found, "certificate_not_found");
}

TEST_F(certificate_service_test, revoked_certificates_are_invalid_and_not_handed_out) {
    complete_opening();
    auto cert = certificates.certificate_for(principal_of(siti), siti.id);
    std::string code = cert->certificate.code;
    EXPECT_ERROR(certificates.revoke(as_speaker(), code, "x"), forbidden, "forbidden");
    EXPECT_ERROR(certificates.revoke(principal_of(siti), code, "x"), forbidden, "forbidden");
    clock.set(wib(12));
    auto revoked = certificates.revoke(as_coordinator(), code, "  data   keliru ");
    ASSERT_TRUE(revoked.ok());
    EXPECT_EQ(revoked->revoked_at, wib(12));
    EXPECT_EQ(revoked->revoked_by, coordinator.id);
    EXPECT_EQ(revoked->revoke_reason, "data keliru");
    clock.set(wib(13));
    EXPECT_EQ(certificates.revoke(as_coordinator(), code, "again")->revoked_at, wib(12));

    EXPECT_TRUE(certificates.verify(code)->certificate.revoked());
    EXPECT_ERROR(certificates.certificate_for(principal_of(siti), siti.id), conflict,
                 "certificate_revoked");
    auto all = certificates.certificates_for_event(as_coordinator(), event.id);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 1u);
    EXPECT_EQ(all->at(0).who.id, ayu.id);
    EXPECT_ERROR(certificates.revoke(as_coordinator(), code, std::string(501, 'x')), invalid,
                 "invalid_field");
    EXPECT_ERROR(certificates.revoke(as_coordinator(), "ZZZZZZZZZZZZ", ""), not_found,
                 "certificate_not_found");
}

TEST_F(certificate_service_test, all_at_once_for_coordinators) {
    EXPECT_ERROR(certificates.certificates_for_event(as_coordinator(), event.id), conflict,
                 "no_completed_participants");
    complete_opening();
    auto all = certificates.certificates_for_event(as_coordinator(), event.id);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ(all->at(0).who.name, "Ni Luh Putu Ayu");  // by name
    EXPECT_EQ(all->at(1).who.name, "Siti Nurhaliza");
    // Issued now, and the same ones later.
    EXPECT_EQ(certificates.certificate_for(principal_of(siti), siti.id)->certificate.code,
              all->at(1).certificate.code);
    EXPECT_ERROR(certificates.certificates_for_event(as_speaker(), event.id), forbidden,
                 "forbidden");
}

TEST_F(certificate_service_test, a_taken_code_is_drawn_again) {
    complete_opening();
    // The first 12 draws spell one code, the next 12 the same code again, then another.
    std::vector<std::uint32_t> script(24, 0);
    script.resize(36, 1);
    crypto.script_random(script);
    auto a = certificates.certificate_for(principal_of(siti), siti.id);
    auto b = certificates.certificate_for(principal_of(ayu), ayu.id);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->certificate.code, std::string(12, '2'));
    EXPECT_EQ(b->certificate.code, std::string(12, '3'));
}

}  // namespace
}  // namespace bimtek::test
