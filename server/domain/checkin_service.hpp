// The door: checking participants in on site by access code (or from a search), and out.
// Idempotent: scanning a participant who is already in reports the first time and writes
// nothing. Thread-safe (stateless over the store).
#pragma once

#include <string_view>

#include "server/domain/checkin.hpp"
#include "server/domain/clock.hpp"
#include "server/domain/participant.hpp"
#include "server/domain/principal.hpp"
#include "server/domain/result.hpp"
#include "server/domain/store.hpp"

namespace bimtek::domain {

struct checkin_outcome {
    participant who;
    checkin visit;               // the open visit (new, or the one already open), or the closed one
    bool already = false;        // nothing changed: already in (check-in) or not in (check-out)
    bool over_capacity = false;  // the visit began with the room at or above capacity
    bool mode_mismatch = false;  // an online participant came to the room
    int onsite_present = 0;      // after this scan
};

class checkin_service {
public:
    // "s" and "k" must outlive the service.
    checkin_service(store& s, clock const& k);

    // Coordinators of the event (403 otherwise, checked before the code is looked at).
    // 404 "unknown_code" when no participant of this event has it (or it is malformed).
    // A new visit appends a "checkin" update (shapes in update_payloads.hpp); a participant
    // already in gets already=true and the open visit, and nothing is written. The room being
    // full (onsite_capacity > 0 and open visits >= capacity) or an online participant at the
    // door does not refuse the visit: over_capacity / mode_mismatch say so.
    result<checkin_outcome> check_in_by_code(principal const& by, event_id event,
                                             std::string_view code);
    // From a search: 404 "participant_not_found" unless "who" is on the roster of "event".
    result<checkin_outcome> check_in(principal const& by, event_id event, participant_id who);
    // Closes the open visit and appends a "checkout" update; "already" when none was open
    // (then "visit" is the last closed visit, if any, and nothing is written).
    result<checkin_outcome> check_out_by_code(principal const& by, event_id event,
                                              std::string_view code);
    result<checkin_outcome> check_out(principal const& by, event_id event, participant_id who);

private:
    // The participant "code" names in "event", or the error to return (checks the caller).
    result<participant> find_by_code(repositories& r, principal const& by, event_id event,
                                     std::string_view code);
    result<participant> find_by_id(repositories& r, principal const& by, event_id event, participant_id who);
    result<checkin_outcome> do_check_in(repositories& r, principal const& by, participant const& p);
    result<checkin_outcome> do_check_out(repositories& r, principal const& by,
                                         participant const& p);

    store& store_;
    clock const& clock_;
};

}  // namespace bimtek::domain
