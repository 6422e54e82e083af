// Who attended: per participant, check-in times and presence now, and minutes per session.
// Thread-safe (stateless over the store).
#pragma once

#include <optional>
#include <vector>

#include "server/domain/checkin.hpp"
#include "server/domain/clock.hpp"
#include "server/domain/participant.hpp"
#include "server/domain/principal.hpp"
#include "server/domain/result.hpp"
#include "server/domain/session.hpp"
#include "server/domain/store.hpp"

namespace bimtek::domain {

struct session_minutes {
    session_id session = 0;
    double minutes = 0;  // overlap of presence (on site or online) with the session's actual run
};

struct attendance_row {
    participant who;
    std::optional<timestamp> first_checkin;  // on site, the first visit's start
    std::optional<timestamp> last_checkout;  // the last closed visit's end
    bool checked_in_now = false;             // an open visit
    bool present_now = false;                // an open visit or an open online presence interval
    std::vector<session_minutes> minutes;    // one per session of the agenda, in agenda order
};

struct attendance_report {
    event details;
    std::vector<session> sessions;
    std::vector<attendance_row> rows;  // ordered by name
    mode_counts registered;
    mode_counts present;  // on site: open visits; online: connected and not in the room
};

class attendance_service {
public:
    // "s" and "k" must outlive the service.
    attendance_service(store& s, clock const& k);

    // Coordinators of the event. Presence is the union of on-site visits (check-in to
    // check-out, or to now while open) and online presence intervals (join to leave, or to now
    // while open), never counted past the event's ends_at, so time both in the room and online
    // counts once; a session's window is its actual run (actual_start to actual_end, or to now
    // while live); sessions never started give 0.
    result<attendance_report> attendance(principal const& by, event_id event);

private:
    store& store_;
    clock const& clock_;
};

}  // namespace bimtek::domain
