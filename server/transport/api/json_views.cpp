#include "server/transport/api/json_views.hpp"

#include <cmath>

#include <boost/json/array.hpp>

#include "server/domain/update_payloads.hpp"
#include "shared/time/iso8601.hpp"

namespace bimtek::transport {
namespace json = boost::json;

json::value time_or_null(std::optional<timestamp> t) {
    if (!t) return nullptr;
    return json::string(format_iso8601(*t));
}

json::object to_json(domain::event const& e) {
    return {
        {"id", e.id},
        {"title", e.title},
        {"venue", e.venue},
        {"timezone", e.timezone},
        {"starts_at", format_iso8601(e.starts_at)},
        {"ends_at", format_iso8601(e.ends_at)},
        {"onsite_capacity", e.onsite_capacity},
        {"online_capacity", e.online_capacity},
        {"targets",
         {{"expected_onsite", e.targets.expected_onsite},
          {"expected_online", e.targets.expected_online},
          {"completion_rate", e.targets.completion_rate}}},
        {"stream_epoch", e.stream_epoch},
    };
}

json::object to_json(domain::session const& s) {
    return {
        {"id", s.id},
        {"event_id", s.event},
        {"title", s.title},
        {"speaker_id", s.speaker ? json::value(*s.speaker) : json::value(nullptr)},
        {"speaker_name", s.speaker_name},
        {"planned_start", format_iso8601(s.planned_start)},
        {"planned_end", format_iso8601(s.planned_end)},
        {"actual_start", time_or_null(s.actual_start)},
        {"actual_end", time_or_null(s.actual_end)},
        {"status", s.actual_end ? "ended" : s.actual_start ? "live" : "planned"},
        {"moderated", s.moderated},
        {"required", s.required},
    };
}

json::object to_json(domain::staff_user const& u) {
    return {{"id", u.id}, {"username", u.username}, {"display_name", u.display_name}, {"role", domain::to_string(u.role)}};
}

json::object to_json(domain::event_overview const& o) {
    json::object out = to_json(o.details);
    json::array sessions;
    for (auto const& s : o.sessions) sessions.push_back(to_json(s));
    out["sessions"] = std::move(sessions);
    out["participants"] = {{"onsite", o.registered.onsite}, {"online", o.registered.online}};
    out["present"] = {{"onsite", o.present.onsite}, {"online", o.present.online}};
    out["role"] = domain::to_string(o.viewer_role);
    return out;
}

json::object to_json(domain::participant const& p, personal_data personal) {
    json::object out{
        {"id", p.id},
        {"event_id", p.event},
        {"name", p.name},
        {"category", domain::to_string(p.category)},
        {"category_label", domain::label(p.category)},
        {"region", p.region},
        {"mode", domain::to_string(p.mode)},
    };
    if (personal == personal_data::shown) {
        out["phone"] = p.phone ? json::value(*p.phone) : json::value(nullptr);
        out["business_name"] = p.business_name ? json::value(*p.business_name) : json::value(nullptr);
        out["access_code"] = p.access_code;
    }
    return out;
}

json::object to_json(domain::checkin_outcome const& o) {
    return {
        {"status", o.visit.open() ? (o.already ? "already_checked_in" : "checked_in")
                                  : (o.already ? "not_checked_in" : "checked_out")},
        {"participant", to_json(o.who, personal_data::hidden)},
        {"checkin_id", o.visit.id},
        {"checked_in_at", o.visit.id ? json::value(format_iso8601(o.visit.checked_in_at)) : json::value(nullptr)},
        {"checked_out_at", time_or_null(o.visit.checked_out_at)},
        {"over_capacity", o.over_capacity},
        {"mode_mismatch", o.mode_mismatch},
        {"onsite_present", o.onsite_present},
    };
}

json::object to_json(domain::attendance_report const& r) {
    json::array sessions;
    for (auto const& s : r.sessions)
        sessions.push_back({{"id", s.id}, {"title", s.title}, {"actual_start", time_or_null(s.actual_start)},
                            {"actual_end", time_or_null(s.actual_end)}});
    json::array rows;
    for (auto const& row : r.rows) {
        json::object p = to_json(row.who, personal_data::hidden);
        p["checked_in"] = row.first_checkin.has_value();
        p["checked_in_at"] = time_or_null(row.first_checkin);
        p["checked_out_at"] = time_or_null(row.last_checkout);
        p["checked_in_now"] = row.checked_in_now;
        p["present_now"] = row.present_now;
        json::array minutes;
        for (auto const& m : row.minutes)
            minutes.push_back({{"session_id", m.session}, {"minutes", std::round(m.minutes * 10) / 10}});
        p["sessions"] = std::move(minutes);
        rows.push_back(std::move(p));
    }
    return {
        {"event_id", r.details.id},
        {"timezone", r.details.timezone},
        {"sessions", std::move(sessions)},
        {"participants", std::move(rows)},
        {"registered", {{"onsite", r.registered.onsite}, {"online", r.registered.online}}},
        {"present", {{"onsite", r.present.onsite}, {"online", r.present.online}}},
    };
}

domain::update_view question_view_for(domain::principal const& who) {
    return who.is_staff() ? domain::update_view::full : domain::update_view::public_view;
}

json::object to_json(domain::question const& q, domain::update_view view) {
    domain::question_view v;
    v.q = q;
    v.show_author = !q.anonymous && !q.author_name.empty();
    return to_json(v, view);
}

json::object to_json(domain::question_view const& v, domain::update_view view) {
    json::object out = domain::question_object(v.q, view);
    if (!v.show_author && out.contains("author")) out["author"] = nullptr;
    out["voted"] = v.voted;
    return out;
}

json::object to_json(domain::question_list const& l, domain::update_view view) {
    json::array questions;
    for (auto const& v : l.questions) questions.push_back(to_json(v, view));
    return {
        {"session_id", l.details.id},
        {"moderated", l.details.moderated},
        {"questions", std::move(questions)},
    };
}

}  // namespace bimtek::transport
