// Certificates of completion: issued (stored with a random verification code) the first time
// one is asked for a participant who completed the event, verified by anyone who has the code,
// revoked by the event's coordinators. The PDF itself is made outside the domain (documents/)
// from what these return. Thread-safe (stateless over the store).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "server/domain/certificate.hpp"
#include "server/domain/clock.hpp"
#include "server/domain/completion.hpp"
#include "server/domain/crypto.hpp"
#include "server/domain/event.hpp"
#include "server/domain/participant.hpp"
#include "server/domain/principal.hpp"
#include "server/domain/result.hpp"
#include "server/domain/store.hpp"

namespace bimtek::domain {

// What a certificate shows.
struct issued_certificate {
    domain::certificate certificate;
    participant who;
    event details;
    participant_completion completion;  // total_minutes: the hours on the certificate
};

// What the public verification shows: whether it is valid, for whom, for which event, and
// nothing else.
struct certificate_check {
    domain::certificate certificate;
    std::string participant_name;
    event details;
};

class certificate_service {
public:
    // "s", "c" and "k" must outlive the service; "c" draws the codes.
    certificate_service(store& s, crypto& c, clock const& k);

    // The participant itself, or staff of its event. Issues the certificate on the first call.
    // 409 "not_completed" unless the participant's status is completed (also for one issued
    // before the rules changed); 409 "certificate_revoked" when it was revoked.
    result<issued_certificate> certificate_for(principal const& by, participant_id id);
    // Coordinators of the event: the certificates of every participant who completed, by name,
    // issuing those not issued yet; revoked ones are left out. 409 "no_completed_participants"
    // when there is none.
    result<std::vector<issued_certificate>> certificates_for_event(principal const& by,
                                                                   event_id event);
    // No caller needed. 404 "certificate_not_found" for a code that is not one (in any form).
    result<certificate_check> verify(std::string_view code);
    // Coordinators of the certificate's event. "reason" is optional text (at most 500 code
    // points, 422 on "reason"). Revoking a revoked certificate changes nothing.
    result<domain::certificate> revoke(principal const& by, std::string_view code,
                                       std::string const& reason);

private:
    store& store_;
    crypto& crypto_;
    clock const& clock_;
};

}  // namespace bimtek::domain
