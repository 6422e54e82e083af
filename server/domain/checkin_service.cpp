#include "server/domain/checkin_service.hpp"

#include <algorithm>

#include "server/domain/access.hpp"
#include "server/domain/access_code.hpp"
#include "server/domain/update_payloads.hpp"

namespace bimtek::domain {
namespace {

error unknown_code() {
    return make_error(error_kind::not_found, "unknown_code",
                      "no participant of this event has this code");
}

error participant_not_found() {
    return make_error(error_kind::not_found, "participant_not_found", "no such participant");
}

}  // namespace

checkin_service::checkin_service(store& s, clock const& k) : store_(s), clock_(k) {}

result<participant> checkin_service::find_by_code(repositories& r, principal const& by,
                                                  event_id event, std::string_view code) {
    if (status s = require_coordinator(r, by, event); !s) return s.error();
    auto normalized = normalize_access_code(code);
    if (!normalized) return unknown_code();
    auto p = r.participants.find_by_code(*normalized);
    if (!p || p->event != event) return unknown_code();
    return std::move(*p);
}

result<participant> checkin_service::find_by_id(repositories& r, principal const& by, event_id event,
                                                participant_id who) {
    if (status s = require_coordinator(r, by, event); !s) return s.error();
    auto p = r.participants.find(who);
    if (!p || p->event != event) return participant_not_found();
    return std::move(*p);
}

result<checkin_outcome> checkin_service::check_in_by_code(principal const& by, event_id event,
                                                          std::string_view code) {
    return write_value<checkin_outcome>(store_, [&](repositories& r) -> result<checkin_outcome> {
        auto p = find_by_code(r, by, event, code);
        if (!p) return p.error();
        return do_check_in(r, by, *p);
    });
}

result<checkin_outcome> checkin_service::check_in(principal const& by, event_id event, participant_id who) {
    return write_value<checkin_outcome>(store_, [&](repositories& r) -> result<checkin_outcome> {
        auto p = find_by_id(r, by, event, who);
        if (!p) return p.error();
        return do_check_in(r, by, *p);
    });
}

result<checkin_outcome> checkin_service::check_out_by_code(principal const& by, event_id event,
                                                           std::string_view code) {
    return write_value<checkin_outcome>(store_, [&](repositories& r) -> result<checkin_outcome> {
        auto p = find_by_code(r, by, event, code);
        if (!p) return p.error();
        return do_check_out(r, by, *p);
    });
}

result<checkin_outcome> checkin_service::check_out(principal const& by, event_id event, participant_id who) {
    return write_value<checkin_outcome>(store_, [&](repositories& r) -> result<checkin_outcome> {
        auto p = find_by_id(r, by, event, who);
        if (!p) return p.error();
        return do_check_out(r, by, *p);
    });
}

result<checkin_outcome> checkin_service::do_check_in(repositories& r, principal const& by,
                                                     participant const& p) {
    checkin_outcome out;
    out.who = p;
    out.mode_mismatch = p.mode == attendance_mode::online;
    if (auto open = r.checkins.find_open(p.id)) {
        out.visit = std::move(*open);
        out.already = true;
        out.over_capacity = out.visit.over_capacity;
        out.onsite_present = r.checkins.count_open(p.event);
        return out;
    }
    auto e = r.events.find(p.event);
    if (!e) return event_not_found();
    int present = r.checkins.count_open(p.event);
    timestamp now = clock_.now();

    checkin& v = out.visit;
    v.event = p.event;
    v.participant = p.id;
    v.checked_in_at = now;
    v.checked_in_by = by.subject;
    v.over_capacity = e->onsite_capacity > 0 && present >= e->onsite_capacity;
    v.id = r.checkins.insert(v);
    out.over_capacity = v.over_capacity;
    out.onsite_present = present + 1;

    stream_update u =
        make_update(p.event, "checkin", now, checkin_views(p, v, count_present(r, p.event)));
    r.updates.append(u);
    return out;
}

result<checkin_outcome> checkin_service::do_check_out(repositories& r, principal const& by,
                                                      participant const& p) {
    checkin_outcome out;
    out.who = p;
    out.mode_mismatch = p.mode == attendance_mode::online;
    auto open = r.checkins.find_open(p.id);
    if (!open) {
        auto visits = r.checkins.list_for_participant(p.id);
        if (!visits.empty()) out.visit = std::move(visits.back());
        out.already = true;
        out.over_capacity = out.visit.over_capacity;
        out.onsite_present = r.checkins.count_open(p.event);
        return out;
    }
    timestamp now = std::max(clock_.now(), open->checked_in_at);
    r.checkins.close(open->id, now, by.subject);
    out.visit = std::move(*open);
    out.visit.checked_out_at = now;
    out.visit.checked_out_by = by.subject;
    out.over_capacity = out.visit.over_capacity;
    out.onsite_present = r.checkins.count_open(p.event);

    stream_update u = make_update(p.event, "checkout", now,
                                  checkin_views(p, out.visit, count_present(r, p.event)));
    r.updates.append(u);
    return out;
}

}  // namespace bimtek::domain
