// Who completed the event: the completion rules (per event, edited by coordinators), the status
// of every participant with its reasons, and the summary against the event's targets. Built on
// completion.hpp's pure evaluation; reads visits and online presence from the store.
// Thread-safe (stateless over the store).
#pragma once

#include <optional>
#include <vector>

#include "server/domain/certificate.hpp"
#include "server/domain/clock.hpp"
#include "server/domain/completion.hpp"
#include "server/domain/event.hpp"
#include "server/domain/participant.hpp"
#include "server/domain/principal.hpp"
#include "server/domain/result.hpp"
#include "server/domain/session.hpp"
#include "server/domain/store.hpp"

namespace bimtek::domain {

// The rules as the API shows them: the shares and the required sessions (the sessions'
// "required" flags).
struct completion_rules_view {
    completion_rules rules;
    std::vector<session_id> required_sessions;  // in agenda order
};

// A change of the rules; fields not given stay.
struct completion_rules_fields {
    std::optional<double> min_share;
    std::optional<bool> open_checkin_counts_to_end;
    // Exactly these sessions of the event are required, the others not.
    std::optional<std::vector<session_id>> required_sessions;
};

// One participant in the event's report.
struct completion_row {
    participant who;
    participant_completion completion;
    std::optional<timestamp> first_checkin;          // the first on-site visit's start
    std::optional<timestamp> first_online;           // the first online presence's start
    std::optional<domain::certificate> certificate;  // once issued
};

struct completion_summary {
    mode_counts registered;  // on the roster, by their mode
    mode_counts present;     // right now: in the room, and online but not in the room
    mode_counts attended;    // ever: checked in at the door; online (and never in the room)
    mode_counts expected;    // the event's targets
    int completed = 0;
    int in_progress = 0;
    int not_completed = 0;
    double completion_rate = 0;         // completed / registered (0 for an empty roster)
    double target_completion_rate = 0;  // the event's target
};

struct completion_report {
    event details;
    std::vector<session> sessions;  // the agenda
    completion_rules_view rules;
    completion_summary summary;
    std::vector<completion_row> rows;  // one per participant, by name
};

// One participant's completion, with its certificate once issued.
struct participant_completion_view {
    participant who;
    participant_completion completion;
    std::optional<domain::certificate> certificate;
};

class completion_service {
public:
    // "s" and "k" must outlive the service.
    completion_service(store& s, clock const& k);

    // Coordinators of the event.
    result<completion_report> event_completion(principal const& by, event_id event);
    // The participant itself, or staff of its event. 404 "participant_not_found".
    result<participant_completion_view> completion_of(principal const& by, participant_id id);
    // Staff of the event.
    result<completion_rules_view> rules(principal const& by, event_id event);
    // Coordinators of the event. 422 "invalid_field": "min_share" outside 0..1 ("out_of_range"),
    // "required_sessions" naming a session that is not the event's ("unknown_session").
    result<completion_rules_view> update_rules(principal const& by, event_id event,
                                               completion_rules_fields const& f);

private:
    store& store_;
    clock const& clock_;
};

// Inside a transaction, without access checks: the event's rules (defaults when never set)...
completion_rules rules_of(repositories& r, event_id event);
// ...the whole report as of "now"...
completion_report build_completion_report(repositories& r, event const& e, timestamp now);
// ...and one participant's evaluation as of "now".
participant_completion evaluate_participant(repositories& r, event const& e, participant_id who,
                                            timestamp now);

// The "completion.changed" update for "e" after session "ended" ended, as of "now" (appended by
// event_service::end_session in the same transaction).
stream_update completion_changed_update(repositories& r, event const& e, session_id ended,
                                        timestamp now);

}  // namespace bimtek::domain
