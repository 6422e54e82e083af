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

json::object to_json(domain::material_view const& v) {
    auto const& m = v.material;
    return {
        {"id", m.id},
        {"session_id", m.session},
        {"filename", m.filename},
        {"content_type", m.content_type},
        {"size", m.size},
        {"url", v.url},
        {"published", m.published},
        {"uploaded_at", format_iso8601(m.uploaded_at)},
    };
}

namespace {

// Tenths of a minute: "down" for what was attended, up for what is needed.
double tenths_down(double minutes) { return std::floor(minutes * 10 + 1e-6) / 10; }
double tenths_up(double minutes) { return std::ceil(minutes * 10 - 1e-6) / 10; }

json::value certificate_or_null(domain::participant_id who,
                                std::optional<domain::certificate> const& c) {
    if (!c) return nullptr;
    return json::object{
        {"code", c->code},
        {"revoked", c->revoked()},
        {"url", "/api/v1/participants/" + std::to_string(who) + "/certificate.pdf"},
        {"verify_url", "/verify/" + c->code},
    };
}

}  // namespace

json::object to_json(domain::completion_rules_view const& v) {
    json::array required;
    for (auto id : v.required_sessions) required.push_back(id);
    return {
        {"min_share", v.rules.min_share},
        {"open_checkin_counts_to_end", v.rules.open_checkin_counts_to_end},
        {"required_sessions", std::move(required)},
    };
}

json::object to_json(domain::participant_completion const& c,
                     std::optional<domain::certificate> const& certificate) {
    json::array sessions;
    for (auto const& s : c.sessions)
        sessions.push_back({{"session_id", s.session},
                            {"title", s.title},
                            {"required", s.required},
                            {"minutes", tenths_down(s.minutes)},
                            {"required_minutes", tenths_up(s.required_minutes)},
                            {"ok", s.ok}});
    json::array reasons;
    for (auto const& r : c.reasons)
        reasons.push_back({{"session_id", r.session},
                           {"code", r.code},
                           {"message", r.message},
                           {"minutes_short", tenths_up(r.minutes_short)}});
    return {
        {"participant_id", c.participant},
        {"status", domain::to_string(c.status)},
        {"total_minutes", tenths_down(c.total_minutes)},
        {"sessions", std::move(sessions)},
        {"reasons", std::move(reasons)},
        {"certificate", certificate_or_null(c.participant, certificate)},
    };
}

json::object to_json(domain::participant_completion_view const& v) {
    return to_json(v.completion, v.certificate);
}

json::object to_json(domain::completion_report const& r) {
    auto counts = [](domain::mode_counts const& m) {
        return json::object{{"onsite", m.onsite}, {"online", m.online}};
    };
    auto const& s = r.summary;
    json::array participants;
    for (auto const& row : r.rows) {
        json::object p = to_json(row.completion, row.certificate);
        json::object who = to_json(row.who, personal_data::hidden);
        for (char const* key : {"name", "category", "category_label", "region", "mode"})
            p[key] = who[key];
        p["first_checkin_at"] = time_or_null(row.first_checkin);
        p["first_online_at"] = time_or_null(row.first_online);
        participants.push_back(std::move(p));
    }
    return {
        {"event_id", r.details.id},
        {"rules", to_json(r.rules)},
        {"summary",
         {{"registered", counts(s.registered)},
          {"present", counts(s.present)},
          {"attended", counts(s.attended)},
          {"expected", counts(s.expected)},
          {"completed", s.completed},
          {"in_progress", s.in_progress},
          {"not_completed", s.not_completed},
          {"completion_rate", s.completion_rate},
          {"target_completion_rate", s.target_completion_rate}}},
        {"participants", std::move(participants)},
    };
}

json::object to_json(domain::certificate_check const& c) {
    return {
        {"valid", !c.certificate.revoked()},
        {"revoked", c.certificate.revoked()},
        {"code", c.certificate.code},
        {"participant", {{"name", c.participant_name}}},
        {"event",
         {{"title", c.details.title},
          {"starts_at", format_iso8601(c.details.starts_at)},
          {"ends_at", format_iso8601(c.details.ends_at)}}},
        {"issued_at", format_iso8601(c.certificate.issued_at)},
    };
}

json::object to_json(domain::certificate const& c) {
    return {
        {"code", c.code},
        {"participant_id", c.participant},
        {"event_id", c.event},
        {"issued_at", format_iso8601(c.issued_at)},
        {"revoked", c.revoked()},
        {"revoked_at", time_or_null(c.revoked_at)},
        {"reason", c.revoke_reason},
    };
}

}  // namespace bimtek::transport
