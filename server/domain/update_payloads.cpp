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

json::object session_object(session const& s) {
    json::object inner;
    inner["id"] = s.id;
    inner["title"] = s.title;
    inner["speaker_name"] = s.speaker_name;
    inner["actual_start"] = time_or_null(s.actual_start);
    inner["actual_end"] = time_or_null(s.actual_end);
    return inner;
}

json::object counts_object(present_counts counts) {
    json::object out;
    out["onsite_present"] = counts.onsite_present;
    out["online_present"] = counts.online_present;
    return out;
}

json::object participant_object(participant const& p) {
    json::object who;
    who["id"] = p.id;
    who["name"] = p.name;
    who["category"] = to_string(p.category);
    who["region"] = p.region;
    who["mode"] = to_string(p.mode);
    return who;
}

// {"<key>": inner}, serialized.
std::string wrap(char const* key, json::object inner) {
    json::object outer;
    outer[key] = std::move(inner);
    return json::serialize(outer);
}

}  // namespace

update_views session_views(session const& s) {
    std::string text = wrap("session", session_object(s));
    return update_views{text, text};
}

update_views session_updated_views(session const& s) {
    json::object inner = session_object(s);
    inner["moderated"] = s.moderated;
    std::string text = wrap("session", std::move(inner));
    return update_views{text, text};
}

update_views checkin_views(participant const& p, checkin const& visit, present_counts counts) {
    json::object v;
    v["id"] = visit.id;
    v["checked_in_at"] = format_iso8601(visit.checked_in_at);
    v["by"] = visit.checked_in_by;
    v["over_capacity"] = visit.over_capacity;
    if (visit.checked_out_at) v["checked_out_at"] = format_iso8601(*visit.checked_out_at);

    json::object full;
    full["participant"] = participant_object(p);
    full["checkin"] = std::move(v);
    full["counts"] = counts_object(counts);

    json::object pub;
    pub["counts"] = counts_object(counts);
    return update_views{json::serialize(full), json::serialize(pub)};
}

update_views presence_views(std::vector<participant> const& people, std::size_t more, present_counts counts) {
    json::array listed;
    listed.reserve(people.size());
    for (auto const& p : people) listed.push_back(participant_object(p));
    json::object full;
    full["participants"] = std::move(listed);
    if (more > 0) full["more"] = more;
    full["counts"] = counts_object(counts);

    json::object pub;
    pub["counts"] = counts_object(counts);
    return update_views{json::serialize(full), json::serialize(pub)};
}

json::object question_object(question const& q, update_view view) {
    json::object out;
    out["id"] = q.id;
    out["session_id"] = q.session;
    if (view == update_view::public_view && !is_public(q.status)) {
        out["status"] = to_string(q.status);
        return out;
    }
    out["text"] = q.text;
    out["anonymous"] = q.anonymous;
    out["from_room"] = q.from_room;
    if (q.anonymous || q.author_name.empty()) {
        out["author"] = nullptr;
    } else {
        json::object author;
        if (view == update_view::full) author["id"] = q.author ? json::value(*q.author) : nullptr;
        author["name"] = q.author_name;
        out["author"] = std::move(author);
    }
    out["status"] = to_string(q.status);
    out["votes"] = q.votes;
    out["created_at"] = format_iso8601(q.created_at);
    out["answered_at"] = time_or_null(q.answered_at);
    return out;
}

update_views question_views(question const& q) {
    return update_views{wrap("question", question_object(q, update_view::full)),
                        wrap("question", question_object(q, update_view::public_view))};
}

update_views question_vote_views(question const& q) {
    json::object inner;
    inner["id"] = q.id;
    inner["session_id"] = q.session;
    inner["votes"] = q.votes;
    std::string text = wrap("question", std::move(inner));
    return update_views{text, text};
}

update_views material_published_views(material const& m, std::string const& url) {
    json::object inner;
    inner["id"] = m.id;
    inner["session_id"] = m.session;
    inner["filename"] = m.filename;
    inner["content_type"] = m.content_type;
    inner["size"] = m.size;
    inner["url"] = url;
    std::string text = wrap("material", std::move(inner));
    return update_views{text, text};
}

update_views material_unpublished_views(material const& m) {
    json::object inner;
    inner["id"] = m.id;
    inner["session_id"] = m.session;
    std::string text = wrap("material", std::move(inner));
    return update_views{text, text};
}

update_views completion_changed_views(session_id ended, int completed, int in_progress,
                                      int not_completed, double rate) {
    json::object data;
    data["session_id"] = ended;
    data["completed"] = completed;
    data["in_progress"] = in_progress;
    data["not_completed"] = not_completed;
    data["rate"] = rate;
    std::string text = json::serialize(data);
    return update_views{text, text};
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
