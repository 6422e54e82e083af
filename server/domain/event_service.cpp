#include "server/domain/event_service.hpp"

#include <algorithm>

#include "server/domain/access.hpp"
#include "server/domain/completion_service.hpp"
#include "server/domain/update_payloads.hpp"
#include "server/domain/validation.hpp"
#include "shared/text/utf8.hpp"
#include "shared/time/time_zone.hpp"

namespace bimtek::domain {
namespace {

constexpr std::size_t max_title = 200;
constexpr std::size_t max_venue = 200;
constexpr std::size_t max_speaker_name = 200;
constexpr int max_count = 100000;
constexpr std::size_t stream_epoch_bytes = 8;

error session_not_found() {
    return make_error(error_kind::not_found, "session_not_found", "no such session");
}

error conflict(std::string code, std::string message) {
    return make_error(error_kind::conflict, std::move(code), std::move(message));
}

error zone_unavailable(std::string const& name) {
    return make_error(error_kind::internal, "time_zone_unavailable",
                      "cannot load the time zone " + name);
}

timestamp resolve(time_input const& t, time_zone const& zone) {
    return t.local ? zone.to_utc(t.value) : t.value;
}

// Applies the fields of "f" to "e". Returns an internal error only when the event's stored zone
// cannot be loaded; field problems go to "out".
status apply_event_fields(event_fields const& f, event& e, field_problems& out) {
    if (f.title)
        if (auto v = clean_line("title", *f.title, 1, max_title, out)) e.title = std::move(*v);
    if (f.venue)
        if (auto v = clean_line("venue", *f.venue, 0, max_venue, out)) e.venue = std::move(*v);

    std::optional<time_zone> zone;
    if (f.timezone) {
        std::string name(text::trim(*f.timezone));
        zone = time_zone::load(name);
        if (zone)
            e.timezone = name;
        else
            out.add("timezone", "invalid_timezone",
                    "unknown time zone; use an IANA name such as Asia/Jakarta");
    }
    bool zone_refused = f.timezone && !zone;  // reported above; local times cannot be read
    bool local_times = (f.starts_at && f.starts_at->local) || (f.ends_at && f.ends_at->local);
    if (!zone_refused) {
        if (!zone && local_times) {
            zone = time_zone::load(e.timezone);
            if (!zone) return zone_unavailable(e.timezone);
        }
        if (f.starts_at) e.starts_at = zone ? resolve(*f.starts_at, *zone) : f.starts_at->value;
        if (f.ends_at) e.ends_at = zone ? resolve(*f.ends_at, *zone) : f.ends_at->value;
        if ((f.starts_at || f.ends_at) && e.ends_at <= e.starts_at)
            out.add("ends_at", "ends_before_start", "the event must end after it starts");
    }

    if (f.onsite_capacity && check_range("onsite_capacity", *f.onsite_capacity, 0, max_count, out))
        e.onsite_capacity = *f.onsite_capacity;
    if (f.online_capacity && check_range("online_capacity", *f.online_capacity, 0, max_count, out))
        e.online_capacity = *f.online_capacity;
    if (f.expected_onsite && check_range("expected_onsite", *f.expected_onsite, 0, max_count, out))
        e.targets.expected_onsite = *f.expected_onsite;
    if (f.expected_online && check_range("expected_online", *f.expected_online, 0, max_count, out))
        e.targets.expected_online = *f.expected_online;
    if (f.target_completion_rate) {
        double rate = *f.target_completion_rate;
        if (rate >= 0.0 && rate <= 1.0)  // false for NaN
            e.targets.completion_rate = rate;
        else
            out.add("target_completion_rate", "out_of_range",
                    "target_completion_rate must be between 0 and 1");
    }
    return {};
}

// Applies the fields of "f" to "s" (of event "e"). A speaker account named here is returned in
// "speaker_account" so the caller can add it to the event's staff.
status apply_session_fields(repositories& r, event const& e, session_fields const& f, session& s,
                            field_problems& out, std::optional<staff_user>& speaker_account) {
    if (f.title)
        if (auto v = clean_line("title", *f.title, 1, max_title, out)) s.title = std::move(*v);

    if (f.speaker) {
        if (!*f.speaker) {
            s.speaker.reset();
        } else if (auto u = r.users.find(**f.speaker); !u) {
            out.add("speaker", "unknown_user", "no account has this id");
        } else if (u->role != role::speaker && u->role != role::coordinator) {
            out.add("speaker", "invalid_role",
                    "the speaker must be a speaker or coordinator account");
        } else {
            if (s.speaker != u->id && !f.speaker_name) s.speaker_name = u->display_name;
            s.speaker = u->id;
            speaker_account = std::move(*u);
        }
    }
    if (f.speaker_name)
        if (auto v = clean_line("speaker_name", *f.speaker_name, 0, max_speaker_name, out))
            s.speaker_name = std::move(*v);
    if (s.speaker_name.empty() && s.speaker) {
        if (speaker_account)
            s.speaker_name = speaker_account->display_name;
        else if (auto u = r.users.find(*s.speaker))
            s.speaker_name = u->display_name;
    }

    if ((f.planned_start && f.planned_start->local) || (f.planned_end && f.planned_end->local)) {
        auto zone = time_zone::load(e.timezone);
        if (!zone) return zone_unavailable(e.timezone);
        if (f.planned_start) s.planned_start = resolve(*f.planned_start, *zone);
        if (f.planned_end) s.planned_end = resolve(*f.planned_end, *zone);
    } else {
        if (f.planned_start) s.planned_start = f.planned_start->value;
        if (f.planned_end) s.planned_end = f.planned_end->value;
    }
    if ((f.planned_start || f.planned_end) && s.planned_end <= s.planned_start)
        out.add("planned_end", "ends_before_start", "the session must end after it starts");

    if (f.moderated) s.moderated = *f.moderated;
    if (f.required) s.required = *f.required;
    return {};
}

// A speaker account named on the agenda joins the event's staff unless it is on it already.
void ensure_member(repositories& r, event_id event, std::optional<staff_user> const& speaker) {
    if (speaker && !r.events.find_member(event, speaker->id))
        r.events.put_member(event_member{event, speaker->id, role::speaker});
}

}  // namespace

event_service::event_service(store& s, crypto& c, clock const& k)
    : store_(s), crypto_(c), clock_(k) {}

result<event> event_service::create_event(principal const& by, event_fields const& f) {
    if (by.role != role::coordinator) return forbidden("only a coordinator may create events");
    field_problems problems;
    if (!f.title) problems.add("title", "required", "title is required");
    if (!f.starts_at) problems.add("starts_at", "required", "starts_at is required");
    if (!f.ends_at) problems.add("ends_at", "required", "ends_at is required");
    event e;
    if (status s = apply_event_fields(f, e, problems); !s) return s.error();
    if (!problems.empty()) return problems.to_status().error();
    e.stream_epoch = random_hex(crypto_, stream_epoch_bytes);
    e.created_at = clock_.now();

    return write_value<event>(store_, [&](repositories& r) -> result<event> {
        auto creator = r.users.find(by.subject);
        if (!creator || creator->role != role::coordinator)
            return forbidden("only a coordinator may create events");
        event created = e;
        created.id = r.events.insert(created);
        r.events.put_member(event_member{created.id, by.subject, role::coordinator});
        return created;
    });
}

result<event> event_service::update_event(principal const& by, event_id id, event_fields const& f) {
    return write_value<event>(store_, [&](repositories& r) -> result<event> {
        if (status s = require_coordinator(r, by, id); !s) return s.error();
        auto e = r.events.find(id);
        if (!e) return event_not_found();
        field_problems problems;
        if (status s = apply_event_fields(f, *e, problems); !s) return s.error();
        if (!problems.empty()) return problems.to_status().error();
        r.events.update(*e);
        return std::move(*e);
    });
}

result<event_overview> event_service::get_event(principal const& by, event_id id) {
    return read_value<event_overview>(store_, [&](repositories& r) -> result<event_overview> {
        if (status s = require_member(r, by, id); !s) return s.error();
        auto e = r.events.find(id);
        if (!e) return event_not_found();
        event_overview o;
        o.details = std::move(*e);
        o.sessions = r.sessions.list_by_event(id);
        o.registered = r.participants.count_by_mode(id);
        o.present.onsite = r.checkins.count_open(id);
        o.present.online = r.presence.count_online_present(id);
        if (by.is_participant()) {
            o.viewer_role = role::participant;
        } else if (auto m = r.events.find_member(id, by.subject)) {
            o.viewer_role = m->role;
        }
        return o;
    });
}

result<std::vector<event>> event_service::list_events(principal const& by) {
    return read_value<std::vector<event>>(store_,
                                          [&](repositories& r) -> result<std::vector<event>> {
                                              if (by.is_staff())
                                                  return r.events.list_for_user(by.subject);
                                              std::vector<event> out;
                                              if (by.event)
                                                  if (auto e = r.events.find(*by.event))
                                                      out.push_back(std::move(*e));
                                              return out;
                                          });
}

result<session> event_service::add_session(principal const& by, event_id event,
                                           session_fields const& f) {
    return write_value<session>(store_, [&](repositories& r) -> result<session> {
        if (status s = require_coordinator(r, by, event); !s) return s.error();
        auto e = r.events.find(event);
        if (!e) return event_not_found();
        field_problems problems;
        if (!f.title) problems.add("title", "required", "title is required");
        if (!f.planned_start)
            problems.add("planned_start", "required", "planned_start is required");
        if (!f.planned_end) problems.add("planned_end", "required", "planned_end is required");
        session s;
        s.event = event;
        std::optional<staff_user> speaker;
        if (status st = apply_session_fields(r, *e, f, s, problems, speaker); !st)
            return st.error();
        if (!problems.empty()) return problems.to_status().error();
        ensure_member(r, event, speaker);
        s.id = r.sessions.insert(s);
        return s;
    });
}

result<session> event_service::update_session(principal const& by, session_id id,
                                              session_fields const& f) {
    return write_value<session>(store_, [&](repositories& r) -> result<session> {
        auto s = r.sessions.find(id);
        if (!s) return session_not_found();
        if (status st = require_coordinator(r, by, s->event); !st) return st.error();
        auto e = r.events.find(s->event);
        if (!e) return event_not_found();
        field_problems problems;
        std::optional<staff_user> speaker;
        if (status st = apply_session_fields(r, *e, f, *s, problems, speaker); !st)
            return st.error();
        if (!problems.empty()) return problems.to_status().error();
        ensure_member(r, s->event, speaker);
        r.sessions.update(*s);
        return std::move(*s);
    });
}

status event_service::remove_session(principal const& by, session_id id) {
    return store_.write([&](repositories& r) -> status {
        auto s = r.sessions.find(id);
        if (!s) return session_not_found();
        if (status st = require_coordinator(r, by, s->event); !st) return st;
        if (s->actual_start)
            return conflict("session_started", "a session that has started cannot be removed");
        r.sessions.remove(id);
        return {};
    });
}

result<session> event_service::get_session(principal const& by, session_id id) {
    return read_value<session>(store_, [&](repositories& r) -> result<session> {
        auto s = r.sessions.find(id);
        if (!s) return session_not_found();
        if (status st = require_member(r, by, s->event); !st) return st.error();
        return std::move(*s);
    });
}

result<std::vector<session>> event_service::list_sessions(principal const& by, event_id event) {
    return read_value<std::vector<session>>(store_,
                                            [&](repositories& r) -> result<std::vector<session>> {
                                                if (status s = require_member(r, by, event); !s)
                                                    return s.error();
                                                return r.sessions.list_by_event(event);
                                            });
}

result<session> event_service::start_session(principal const& by, session_id id) {
    return run_session(by, id, true);
}

result<session> event_service::end_session(principal const& by, session_id id) {
    return run_session(by, id, false);
}

result<session> event_service::run_session(principal const& by, session_id id, bool start) {
    return write_value<session>(store_, [&](repositories& r) -> result<session> {
        auto s = r.sessions.find(id);
        if (!s) return session_not_found();
        if (status st = require_session_runner(r, by, *s); !st) return st.error();
        if (s->actual_end) return conflict("already_ended", "the session has ended");
        timestamp now = clock_.now();
        if (start) {
            if (s->actual_start)
                return conflict("already_started", "the session has started already");
            s->actual_start = now;
        } else {
            if (!s->actual_start) return conflict("not_started", "the session has not started");
            s->actual_end = std::max(now, *s->actual_start);
        }
        r.sessions.update(*s);
        stream_update u = make_update(s->event, start ? "session.started" : "session.ended", now,
                                      session_views(*s));
        u.session = s->id;
        u.speaker = s->speaker;
        r.updates.append(u);
        if (!start) {
            // Who completed changes as a session ends: the live views hear it in the same write.
            if (auto e = r.events.find(s->event)) {
                stream_update changed = completion_changed_update(r, *e, s->id, now);
                r.updates.append(changed);
            }
        }
        return std::move(*s);
    });
}

}  // namespace bimtek::domain
