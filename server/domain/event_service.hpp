// Setting up an event: its details and targets, its agenda (sessions), and running the agenda
// live (start/end). Thread-safe (stateless over the store).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "server/domain/clock.hpp"
#include "server/domain/crypto.hpp"
#include "server/domain/event.hpp"
#include "server/domain/principal.hpp"
#include "server/domain/result.hpp"
#include "server/domain/session.hpp"
#include "server/domain/store.hpp"

namespace bimtek::domain {

// A time as the API gives it: an instant, or a wall-clock time in the event's time zone.
struct time_input {
    timestamp value{};   // the instant, or the wall-clock fields read as if UTC
    bool local = false;  // true: resolve in the event's zone
};

// Fields of an event; on create, title, starts_at and ends_at are required, on update every
// field given replaces the stored one.
struct event_fields {
    std::optional<std::string> title;
    std::optional<std::string> venue;
    std::optional<std::string> timezone;
    std::optional<time_input> starts_at;
    std::optional<time_input> ends_at;
    std::optional<int> onsite_capacity;
    std::optional<int> online_capacity;
    std::optional<int> expected_onsite;
    std::optional<int> expected_online;
    std::optional<double> target_completion_rate;  // 0..1
};

struct session_fields {
    std::optional<std::string> title;
    std::optional<std::optional<user_id>> speaker;  // engaged and empty: no speaker account
    std::optional<std::string> speaker_name;
    std::optional<time_input> planned_start;
    std::optional<time_input> planned_end;
    std::optional<bool> moderated;
    std::optional<bool> required;
};

struct event_overview {
    event details;
    std::vector<session> sessions;
    mode_counts registered;  // participants on the roster per mode
    mode_counts present;     // on site: open visits; online: connected now and not in the room
    role viewer_role = role::participant;
};

// Field errors are 422 "invalid_field" with one problem per bad field (codes "required",
// "too_long", "out_of_range", "invalid_timezone", "ends_before_start", "unknown_user", ...).
// Missing records are 404 "event_not_found" / "session_not_found".
class event_service {
public:
    // "s", "c" and "k" must outlive the service; "c" draws new events' stream epochs.
    event_service(store& s, crypto& c, clock const& k);

    // Any coordinator may create an event and becomes its first coordinator. Local times
    // (time_input::local) are read in the event's zone (the one given, else Asia/Jakarta).
    result<event> create_event(principal const& by, event_fields const& f);
    result<event> update_event(principal const& by, event_id id, event_fields const& f);
    // Members of the event (staff or its participants). viewer_role is the caller's role in
    // this event.
    result<event_overview> get_event(principal const& by, event_id id);
    // Staff: the events they belong to; participants: their own event.
    result<std::vector<event>> list_events(principal const& by);

    // Agenda (coordinators of the event). A speaker account named as speaker joins the event's
    // staff as a speaker (unless already on it); speaker_name defaults to its display name.
    // get_session and list_sessions: members of the event.
    result<session> add_session(principal const& by, event_id event, session_fields const& f);
    result<session> update_session(principal const& by, session_id id, session_fields const& f);
    // Only a session that never started may be removed (409 otherwise).
    status remove_session(principal const& by, session_id id);
    result<session> get_session(principal const& by, session_id id);
    result<std::vector<session>> list_sessions(principal const& by, event_id event);

    // Live (the session's speaker or a coordinator). Starting a started session or ending an
    // ended one is a 409; ending a session that never started is a 409. Each appends a
    // session.started / session.ended update; ending also appends completion.changed
    // (completion_service.hpp).
    result<session> start_session(principal const& by, session_id id);
    result<session> end_session(principal const& by, session_id id);

private:
    // Starts or ends a session: the shared checks, the change, and its update.
    result<session> run_session(principal const& by, session_id id, bool start);

    store& store_;
    crypto& crypto_;
    clock const& clock_;
};

}  // namespace bimtek::domain
