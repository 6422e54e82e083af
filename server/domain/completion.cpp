#include "server/domain/completion.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace bimtek::domain {
namespace {

using std::chrono::milliseconds;

std::string minutes_text(double minutes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", minutes);
    return buf;
}

// The required part of a window of "length": min_share of it, to the millisecond.
milliseconds required_part(double share, milliseconds length) {
    return milliseconds{std::llround(share * static_cast<double>(length.count()))};
}

}  // namespace

std::string_view to_string(completion_status s) {
    switch (s) {
        case completion_status::completed:
            return "completed";
        case completion_status::in_progress:
            return "in_progress";
        case completion_status::not_completed:
            return "not_completed";
    }
    return "in_progress";
}

bool valid_share(double share) {
    return share >= 0.0 && share <= 1.0;
}

std::vector<interval> presence_under_rules(completion_rules const& rules, event const& e,
                                           std::vector<checkin> const& visits,
                                           std::vector<presence_interval> const& online,
                                           timestamp now) {
    bool const over = now >= e.ends_at;
    std::vector<interval> spans;
    spans.reserve(visits.size() + online.size());
    for (checkin const& v : visits) {
        timestamp end;
        if (v.checked_out_at)
            end = *v.checked_out_at;
        else if (!over)
            end = now;
        else
            end = rules.open_checkin_counts_to_end ? e.ends_at : v.checked_in_at;
        spans.push_back(interval{v.checked_in_at, std::min(end, e.ends_at)});
    }
    for (presence_interval const& i : online)
        spans.push_back(interval{i.joined_at, std::min(i.left_at ? *i.left_at : now, e.ends_at)});
    return merge_intervals(std::move(spans));
}

participant_completion evaluate_completion(completion_rules const& rules, event const& e,
                                           std::vector<session> const& sessions, participant_id who,
                                           std::vector<checkin> const& visits,
                                           std::vector<presence_interval> const& online,
                                           timestamp now) {
    bool const over = now >= e.ends_at;
    std::vector<interval> presence = presence_under_rules(rules, e, visits, online, now);

    participant_completion out;
    out.participant = who;
    bool pending = false, short_somewhere = false;
    int counted = 0;
    for (session const& s : sessions) {
        session_result r;
        r.session = s.id;
        r.title = s.title;
        r.required = s.required;

        interval window;  // the actual run so far; empty when it never started
        bool finished = false;
        if (s.actual_start) {
            timestamp end = s.actual_end ? *s.actual_end : over ? e.ends_at : now;
            window = interval{*s.actual_start, std::max(end, *s.actual_start)};
            finished = s.actual_end.has_value() || over;
        }
        milliseconds attended = overlap(presence, window);
        milliseconds needed = required_part(rules.min_share, window.length());
        r.minutes = to_minutes(attended);
        r.required_minutes = to_minutes(needed);
        r.ok = s.actual_start.has_value() && attended >= needed;
        out.total_minutes += r.minutes;
        double behind = to_minutes(std::max(needed - attended, milliseconds{0}));

        if (s.required) {
            if (!s.actual_start && over) {
                out.reasons.push_back({s.id, "session_not_held",
                                       "\"" + s.title + "\" never started: not counted", 0});
            } else if (!s.actual_start) {
                pending = true;
                double planned = to_minutes(required_part(
                    rules.min_share, interval{s.planned_start, s.planned_end}.length()));
                out.reasons.push_back({s.id, "session_not_started",
                                       "\"" + s.title + "\" has not started yet", planned});
            } else if (!finished) {
                pending = true;
                out.reasons.push_back(
                    {s.id, "session_live",
                     "\"" + s.title + "\" is running: attended " + minutes_text(r.minutes) +
                         " of its " + minutes_text(to_minutes(window.length())) + " minutes so far",
                     behind});
            } else {
                ++counted;
                if (!r.ok) {
                    short_somewhere = true;
                    out.reasons.push_back({s.id, "too_few_minutes",
                                           "attended " + minutes_text(r.minutes) + " of the " +
                                               minutes_text(r.required_minutes) +
                                               " minutes required in \"" + s.title + "\"",
                                           behind});
                }
            }
        }
        out.sessions.push_back(std::move(r));
    }

    if (pending) {
        out.status = completion_status::in_progress;
    } else if (counted == 0) {
        out.status = over ? completion_status::not_completed : completion_status::in_progress;
        out.reasons.push_back({0, "no_required_sessions", "no required session has run", 0});
    } else {
        out.status =
            short_somewhere ? completion_status::not_completed : completion_status::completed;
    }
    return out;
}

}  // namespace bimtek::domain
