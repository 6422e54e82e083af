#include "server/domain/update_payloads.hpp"

#include <boost/json.hpp>

#include "shared/time/iso8601.hpp"

namespace bimtek::domain {
namespace {

namespace json = boost::json;

json::value time_or_null(std::optional<timestamp> const& t) {
    if (!t) return nullptr;
    return json::value(format_iso8601(*t));
}

}  // namespace

update_views session_views(session const& s) {
    json::object inner;
    inner["id"] = s.id;
    inner["title"] = s.title;
    inner["speaker_name"] = s.speaker_name;
    inner["actual_start"] = time_or_null(s.actual_start);
    inner["actual_end"] = time_or_null(s.actual_end);
    json::object outer;
    outer["session"] = std::move(inner);
    std::string text = json::serialize(outer);
    return update_views{text, text};
}

update_views checkin_views(participant const& p, checkin const& visit, int onsite_present) {
    json::object counts;
    counts["onsite_present"] = onsite_present;

    json::object who;
    who["id"] = p.id;
    who["name"] = p.name;
    who["category"] = to_string(p.category);
    who["region"] = p.region;
    who["mode"] = to_string(p.mode);

    json::object v;
    v["id"] = visit.id;
    v["checked_in_at"] = format_iso8601(visit.checked_in_at);
    v["by"] = visit.checked_in_by;
    v["over_capacity"] = visit.over_capacity;
    if (visit.checked_out_at) v["checked_out_at"] = format_iso8601(*visit.checked_out_at);

    json::object full;
    full["participant"] = std::move(who);
    full["checkin"] = std::move(v);
    full["counts"] = counts;

    json::object pub;
    pub["counts"] = std::move(counts);
    return update_views{json::serialize(full), json::serialize(pub)};
}

stream_update make_update(event_id event, std::string kind, timestamp at, update_views views) {
    stream_update u;
    u.event = event;
    u.kind = std::move(kind);
    u.at = at;
    u.full_data = std::move(views.full);
    u.public_data = std::move(views.public_view);
    return u;
}

}  // namespace bimtek::domain
