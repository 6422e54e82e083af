#include "server/domain/attendance_service.hpp"

#include <algorithm>
#include <map>

#include "server/domain/access.hpp"
#include "server/domain/intervals.hpp"

namespace bimtek::domain {
namespace {

// The span of a visit or a presence interval that began at "begin" and ended at "end" (still
// open: none), as of "now" and never past the event's end.
interval presence_span(timestamp begin, std::optional<timestamp> end, timestamp now,
                       timestamp event_end) {
    return interval{begin, std::min(end ? *end : now, event_end)};
}

// The span a session actually ran, as of "now"; empty when it never started.
interval session_window(session const& s, timestamp now) {
    if (!s.actual_start) return {};
    return interval{*s.actual_start, s.actual_end ? *s.actual_end : std::max(now, *s.actual_start)};
}

attendance_row row_for(participant p, std::vector<checkin> const& visits,
                       std::vector<presence_interval> const& online,
                       std::vector<session> const& sessions, timestamp now, timestamp event_end) {
    attendance_row row;
    row.who = std::move(p);
    std::vector<interval> spans;
    for (checkin const& v : visits) {
        if (!row.first_checkin || v.checked_in_at < *row.first_checkin)
            row.first_checkin = v.checked_in_at;
        if (v.checked_out_at && (!row.last_checkout || *v.checked_out_at > *row.last_checkout))
            row.last_checkout = v.checked_out_at;
        if (v.open()) row.checked_in_now = true;
        spans.push_back(presence_span(v.checked_in_at, v.checked_out_at, now, event_end));
    }
    row.present_now = row.checked_in_now;
    for (presence_interval const& i : online) {
        if (i.open()) row.present_now = true;
        spans.push_back(presence_span(i.joined_at, i.left_at, now, event_end));
    }
    std::vector<interval> merged = merge_intervals(std::move(spans));
    row.minutes.reserve(sessions.size());
    for (session const& s : sessions)
        row.minutes.push_back(
            session_minutes{s.id, to_minutes(overlap(merged, session_window(s, now)))});
    return row;
}

}  // namespace

attendance_service::attendance_service(store& s, clock const& k) : store_(s), clock_(k) {}

result<attendance_report> attendance_service::attendance(principal const& by, event_id event) {
    timestamp now = clock_.now();
    return read_value<attendance_report>(store_, [&](repositories& r) -> result<attendance_report> {
        if (status s = require_coordinator(r, by, event); !s) return s.error();
        auto e = r.events.find(event);
        if (!e) return event_not_found();
        attendance_report report;
        report.details = std::move(*e);
        report.sessions = r.sessions.list_by_event(event);
        report.registered = r.participants.count_by_mode(event);
        report.present.onsite = r.checkins.count_open(event);
        report.present.online = r.presence.count_online_present(event);

        std::map<participant_id, std::vector<checkin>> visits;
        for (checkin& v : r.checkins.list_by_event(event))
            visits[v.participant].push_back(std::move(v));
        std::map<participant_id, std::vector<presence_interval>> online;
        for (presence_interval& i : r.presence.list_by_event(event))
            online[i.participant].push_back(std::move(i));
        std::vector<checkin> const no_visits;
        std::vector<presence_interval> const no_intervals;
        for (participant& p : r.participants.list_by_event(event)) {
            auto v = visits.find(p.id);
            auto o = online.find(p.id);
            report.rows.push_back(row_for(std::move(p), v == visits.end() ? no_visits : v->second,
                                          o == online.end() ? no_intervals : o->second,
                                          report.sessions, now, report.details.ends_at));
        }
        return report;
    });
}

}  // namespace bimtek::domain
