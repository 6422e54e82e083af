// Completion: whether a participant attended enough of the event to earn its certificate. The
// per-event rules a coordinator edits, and their evaluation over one participant's on-site
// visits and online presence. Pure functions over plain data; use from any thread.
//
// A required session counts once it has run: the participant needs min_share of its actual
// minutes (actual_start to actual_end). While a required session is still to run or live the
// participant is in_progress; once every required session has ended, one short session makes
// not_completed. When the event is over, a required session that never started is not required
// any more (a reason says so), and a session still live counts as ended at the event's end.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/domain/checkin.hpp"
#include "server/domain/event.hpp"
#include "server/domain/ids.hpp"
#include "server/domain/intervals.hpp"
#include "server/domain/presence.hpp"
#include "server/domain/session.hpp"

namespace bimtek::domain {

// The rules of one event (which sessions are required is each session's "required" flag).
struct completion_rules {
    double min_share = 0.8;  // of each required session's actual minutes, 0..1
    // An on-site visit without check-out: true counts it until the event's end; false counts
    // nothing beyond its check-in once the event has ended (up to now while it runs).
    bool open_checkin_counts_to_end = true;
};

// Storage of the rules. Used only inside store::read/write (see store.hpp).
class completion_rule_repository {
public:
    virtual ~completion_rule_repository() = default;
    // nullopt when the coordinators never changed them: the defaults apply.
    virtual std::optional<completion_rules> find(event_id event) = 0;
    virtual void put(event_id event, completion_rules const& rules) = 0;
};

enum class completion_status { completed, in_progress, not_completed };

std::string_view to_string(completion_status s);  // "completed", "in_progress", "not_completed"

// How a participant did in one session of the agenda.
struct session_result {
    session_id session = 0;
    std::string title;
    bool required = false;
    double minutes = 0;           // attended, within the actual run (so far)
    double required_minutes = 0;  // min_share of the actual run (so far); 0 if it never started
    bool ok = false;              // the session started and minutes >= required_minutes
};

// Why a participant is not (yet) complete, or what did not count.
//   "too_few_minutes"      an ended required session attended too little (minutes_short > 0)
//   "session_not_started"  a required session is still to run (minutes_short: min_share of its
//                          planned length)
//   "session_live"         a required session is running (minutes_short: behind so far)
//   "session_not_held"     the event is over and a required session never started: not counted
//   "no_required_sessions" no required session has run (session 0)
struct completion_reason {
    session_id session = 0;
    std::string code;
    std::string message;  // English
    double minutes_short = 0;
};

struct participant_completion {
    participant_id participant = 0;
    completion_status status = completion_status::in_progress;
    std::vector<session_result> sessions;  // one per session, in the order given
    std::vector<completion_reason> reasons;
    double total_minutes = 0;  // attended over every session: the hours on the certificate
};

// The participant's presence as merged intervals (see merge_intervals), as of "now", never past
// the event's end: visits from check-in to check-out; an open visit to now while the event runs,
// and once it has ended to its end (rules.open_checkin_counts_to_end) or not at all; online
// intervals from join to leave, or to now while open.
std::vector<interval> presence_under_rules(completion_rules const& rules, event const& e,
                                           std::vector<checkin> const& visits,
                                           std::vector<presence_interval> const& online,
                                           timestamp now);

// Evaluates one participant as of "now" over "sessions" (the event's agenda) and the
// participant's "visits" and "online" intervals.
participant_completion evaluate_completion(completion_rules const& rules, event const& e,
                                           std::vector<session> const& sessions, participant_id who,
                                           std::vector<checkin> const& visits,
                                           std::vector<presence_interval> const& online,
                                           timestamp now);

// A share as the API takes it: within [0, 1] (NaN refused).
bool valid_share(double share);

}  // namespace bimtek::domain
