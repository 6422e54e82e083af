#include "server/domain/completion_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "server/domain/access.hpp"
#include "server/domain/update_payloads.hpp"
#include "server/domain/validation.hpp"

namespace bimtek::domain {
namespace {

error participant_not_found() {
    return make_error(error_kind::not_found, "participant_not_found", "no such participant");
}

completion_rules_view view_of(repositories& r, event_id event) {
    completion_rules_view v;
    v.rules = rules_of(r, event);
    for (session const& s : r.sessions.list_by_event(event))
        if (s.required) v.required_sessions.push_back(s.id);
    return v;
}

}  // namespace

completion_rules rules_of(repositories& r, event_id event) {
    return r.completion_rules.find(event).value_or(completion_rules{});
}

completion_report build_completion_report(repositories& r, event const& e, timestamp now) {
    completion_report report;
    report.details = e;
    report.sessions = r.sessions.list_by_event(e.id);
    report.rules.rules = rules_of(r, e.id);
    for (session const& s : report.sessions)
        if (s.required) report.rules.required_sessions.push_back(s.id);

    std::map<participant_id, std::vector<checkin>> visits;
    for (checkin& v : r.checkins.list_by_event(e.id)) visits[v.participant].push_back(std::move(v));
    std::map<participant_id, std::vector<presence_interval>> online;
    for (presence_interval& i : r.presence.list_by_event(e.id))
        online[i.participant].push_back(std::move(i));
    std::map<participant_id, certificate> certificates;
    for (certificate& c : r.certificates.list_by_event(e.id))
        certificates.emplace(c.participant, std::move(c));

    completion_summary& sum = report.summary;
    sum.registered = r.participants.count_by_mode(e.id);
    sum.present.onsite = r.checkins.count_open(e.id);
    sum.present.online = r.presence.count_online_present(e.id);
    sum.expected = mode_counts{e.targets.expected_onsite, e.targets.expected_online};
    sum.target_completion_rate = e.targets.completion_rate;

    std::vector<checkin> const no_visits;
    std::vector<presence_interval> const no_intervals;
    for (participant& p : r.participants.list_by_event(e.id)) {
        auto v = visits.find(p.id);
        auto o = online.find(p.id);
        auto const& my_visits = v == visits.end() ? no_visits : v->second;
        auto const& my_online = o == online.end() ? no_intervals : o->second;
        completion_row row;
        row.completion = evaluate_completion(report.rules.rules, e, report.sessions, p.id,
                                             my_visits, my_online, now);
        for (checkin const& c : my_visits)
            if (!row.first_checkin || c.checked_in_at < *row.first_checkin)
                row.first_checkin = c.checked_in_at;
        for (presence_interval const& i : my_online)
            if (!row.first_online || i.joined_at < *row.first_online)
                row.first_online = i.joined_at;
        if (auto c = certificates.find(p.id); c != certificates.end()) row.certificate = c->second;
        if (!my_visits.empty())
            ++sum.attended.onsite;
        else if (!my_online.empty())
            ++sum.attended.online;
        switch (row.completion.status) {
            case completion_status::completed:
                ++sum.completed;
                break;
            case completion_status::in_progress:
                ++sum.in_progress;
                break;
            case completion_status::not_completed:
                ++sum.not_completed;
                break;
        }
        row.who = std::move(p);
        report.rows.push_back(std::move(row));
    }
    int registered = sum.registered.onsite + sum.registered.online;
    sum.completion_rate = registered > 0 ? static_cast<double>(sum.completed) / registered : 0.0;
    return report;
}

participant_completion evaluate_participant(repositories& r, event const& e, participant_id who,
                                            timestamp now) {
    return evaluate_completion(rules_of(r, e.id), e, r.sessions.list_by_event(e.id), who,
                               r.checkins.list_for_participant(who),
                               r.presence.list_for_participant(who), now);
}

stream_update completion_changed_update(repositories& r, event const& e, session_id ended,
                                        timestamp now) {
    completion_report report = build_completion_report(r, e, now);
    auto const& s = report.summary;
    stream_update u = make_update(e.id, "completion.changed", now,
                                  completion_changed_views(ended, s.completed, s.in_progress,
                                                           s.not_completed, s.completion_rate));
    u.session = ended;
    return u;
}

completion_service::completion_service(store& s, clock const& k) : store_(s), clock_(k) {}

result<completion_report> completion_service::event_completion(principal const& by,
                                                               event_id event) {
    timestamp now = clock_.now();
    return read_value<completion_report>(store_, [&](repositories& r) -> result<completion_report> {
        if (status s = require_coordinator(r, by, event); !s) return s.error();
        auto e = r.events.find(event);
        if (!e) return event_not_found();
        return build_completion_report(r, *e, now);
    });
}

result<participant_completion_view> completion_service::completion_of(principal const& by,
                                                                      participant_id id) {
    timestamp now = clock_.now();
    return read_value<participant_completion_view>(
        store_, [&](repositories& r) -> result<participant_completion_view> {
            auto p = r.participants.find(id);
            if (!p) return participant_not_found();
            if (by.is_participant()) {
                if (by.subject != id) return forbidden("you may only see your own completion");
            } else if (status s = require_staff(r, by, p->event); !s) {
                return s.error();
            }
            auto e = r.events.find(p->event);
            if (!e) return event_not_found();
            participant_completion_view v;
            v.completion = evaluate_participant(r, *e, id, now);
            v.certificate = r.certificates.find_by_participant(id);
            v.who = std::move(*p);
            return v;
        });
}

result<completion_rules_view> completion_service::rules(principal const& by, event_id event) {
    return read_value<completion_rules_view>(store_,
                                             [&](repositories& r) -> result<completion_rules_view> {
                                                 if (status s = require_staff(r, by, event); !s)
                                                     return s.error();
                                                 return view_of(r, event);
                                             });
}

result<completion_rules_view> completion_service::update_rules(principal const& by, event_id event,
                                                               completion_rules_fields const& f) {
    return write_value<completion_rules_view>(
        store_, [&](repositories& r) -> result<completion_rules_view> {
            if (status s = require_coordinator(r, by, event); !s) return s.error();
            field_problems problems;
            completion_rules rules = rules_of(r, event);
            if (f.min_share) {
                if (valid_share(*f.min_share))
                    rules.min_share = *f.min_share;
                else
                    problems.add("min_share", "out_of_range", "min_share must be between 0 and 1");
            }
            if (f.open_checkin_counts_to_end)
                rules.open_checkin_counts_to_end = *f.open_checkin_counts_to_end;
            std::vector<session> sessions = r.sessions.list_by_event(event);
            std::set<session_id> required;
            if (f.required_sessions) {
                std::set<session_id> ours;
                for (session const& s : sessions) ours.insert(s.id);
                for (session_id id : *f.required_sessions) {
                    if (ours.contains(id))
                        required.insert(id);
                    else
                        problems.add(
                            "required_sessions", "unknown_session",
                            "session " + std::to_string(id) + " is not on this event's agenda");
                }
            }
            if (!problems.empty()) return problems.to_status().error();
            r.completion_rules.put(event, rules);
            if (f.required_sessions) {
                for (session& s : sessions) {
                    bool want = required.contains(s.id);
                    if (s.required == want) continue;
                    s.required = want;
                    r.sessions.update(s);
                }
            }
            return view_of(r, event);
        });
}

}  // namespace bimtek::domain
