#include "client/live/live_state.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "shared/time/iso8601.hpp"

namespace bimtek::client::live {
namespace json = boost::json;

namespace {

std::string str(json::object const& o, std::string_view key) {
    auto const* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::int64_t num(json::object const& o, std::string_view key, std::int64_t fallback = 0) {
    auto const* v = o.if_contains(key);
    if (!v) return fallback;
    if (v->is_int64()) return v->as_int64();
    if (v->is_uint64()) return static_cast<std::int64_t>(v->as_uint64());
    if (v->is_double()) return static_cast<std::int64_t>(v->as_double());
    return fallback;
}

bool flag(json::object const& o, std::string_view key) {
    auto const* v = o.if_contains(key);
    return v && v->is_bool() && v->as_bool();
}

json::object const* obj(json::object const& o, std::string_view key) {
    auto const* v = o.if_contains(key);
    return v && v->is_object() ? &v->as_object() : nullptr;
}

std::optional<timestamp> time_of(json::object const& o, std::string_view key) {
    auto s = str(o, key);
    if (s.empty()) return std::nullopt;
    return parse_iso8601(s);
}

live_session session_from(json::object const& s) {
    live_session out;
    out.id = num(s, "id");
    out.title = str(s, "title");
    out.speaker_name = str(s, "speaker_name");
    out.actual_start = time_of(s, "actual_start");
    out.actual_end = time_of(s, "actual_end");
    out.moderated = flag(s, "moderated");
    return out;
}

void merge_question(std::map<std::int64_t, live_question>& qs, json::object const& q) {
    auto id = num(q, "id");
    if (id == 0) return;
    auto& x = qs[id];
    x.id = id;
    x.session_id = num(q, "session_id", x.session_id);
    if (auto s = str(q, "status"); !s.empty()) x.status = s;
    if (q.contains("text")) {
        x.text = str(q, "text");
        x.author.clear();
        if (auto const* a = obj(q, "author")) x.author = str(*a, "name");
    } else if (q.contains("status")) {
        x.text.clear();  // a public view of a question that is no longer public
        x.author.clear();
    }
    if (q.contains("votes")) x.votes = static_cast<int>(num(q, "votes"));
    if (auto t = time_of(q, "created_at")) x.created_at = *t;
}

void read_counts(live_state& st, json::object const& data) {
    if (auto const* c = obj(data, "counts")) {
        st.onsite_present = static_cast<int>(num(*c, "onsite_present", st.onsite_present));
        st.online_present = static_cast<int>(num(*c, "online_present", st.online_present));
    }
}

}  // namespace

void live_state::load_event(json::object const& e) {
    event_id = num(e, "id");
    title = str(e, "title");
    venue = str(e, "venue");
    if (auto tz = str(e, "timezone"); !tz.empty()) timezone = tz;
    if (auto r = str(e, "role"); !r.empty()) role = r;
    if (auto const* t = obj(e, "targets")) {
        expected_onsite = static_cast<int>(num(*t, "expected_onsite"));
        expected_online = static_cast<int>(num(*t, "expected_online"));
    }
    if (auto const* p = obj(e, "participants")) {
        registered_onsite = static_cast<int>(num(*p, "onsite"));
        registered_online = static_cast<int>(num(*p, "online"));
    }
    if (auto const* p = obj(e, "present")) {
        onsite_present = static_cast<int>(num(*p, "onsite"));
        online_present = static_cast<int>(num(*p, "online"));
    }
    if (auto const* s = e.if_contains("sessions"); s && s->is_array()) {
        sessions.clear();
        for (auto const& x : s->as_array())
            if (x.is_object()) sessions.push_back(session_from(x.as_object()));
    }
}

void live_state::load_questions(json::object const& list) {
    auto session = num(list, "session_id");
    std::erase_if(questions, [session](auto const& kv) { return kv.second.session_id == session; });
    if (auto const* qs = list.if_contains("questions"); qs && qs->is_array())
        for (auto const& q : qs->as_array())
            if (q.is_object()) merge_question(questions, q.as_object());
}

void live_state::apply(protocol::update const& u) {
    seq = std::max(seq, u.seq);
    auto const& d = u.data;
    auto at = parse_iso8601(u.at).value_or(timestamp{});
    auto note_name = [&](activity::kind k, std::string name) {
        activity a;
        a.what = k;
        a.at = at;
        a.name = std::move(name);
        recent.push_front(std::move(a));
        while (recent.size() > max_recent) recent.pop_back();
    };
    auto note = [&](activity::kind k) {
        auto const* p = obj(d, "participant");
        note_name(k, p ? str(*p, "name") : std::string{});
    };
    // Presence updates list everyone who came or left since the previous one.
    auto note_each = [&](activity::kind k) {
        auto const* list = d.if_contains("participants");
        if (!list || !list->is_array()) return note_name(k, {});
        for (auto const& p : list->as_array())
            if (p.is_object()) note_name(k, str(p.as_object(), "name"));
    };
    if (u.kind == "checkin") {
        read_counts(*this, d);
        note(activity::kind::checkin);
    } else if (u.kind == "checkout") {
        read_counts(*this, d);
        note(activity::kind::checkout);
    } else if (u.kind == "presence.join") {
        read_counts(*this, d);
        note_each(activity::kind::join);
    } else if (u.kind == "presence.leave") {
        read_counts(*this, d);
        note_each(activity::kind::leave);
    } else if (u.kind.starts_with("session.")) {
        auto const* s = obj(d, "session");
        if (!s) return;
        auto fresh = session_from(*s);
        auto it = std::find_if(sessions.begin(), sessions.end(),
                               [&](auto const& x) { return x.id == fresh.id; });
        if (it == sessions.end()) {
            sessions.push_back(fresh);
        } else {
            if (!s->contains("moderated")) fresh.moderated = it->moderated;
            if (fresh.title.empty()) fresh.title = it->title;
            *it = fresh;
        }
    } else if (u.kind.starts_with("question.")) {
        if (auto const* q = obj(d, "question")) merge_question(questions, *q);
    }
}

live_session const* live_state::current_session() const {
    live_session const* best = nullptr;
    for (auto const& s : sessions)
        if (s.running() && (!best || *s.actual_start >= *best->actual_start)) best = &s;
    return best;
}

std::vector<live_question const*> live_state::top_questions(std::int64_t session,
                                                            std::size_t n) const {
    std::vector<live_question const*> out;
    for (auto const& [id, q] : questions) {
        if (session != 0 && q.session_id != session) continue;
        if (q.status == "hidden" || q.text.empty()) continue;
        out.push_back(&q);
    }
    std::sort(out.begin(), out.end(), [](live_question const* a, live_question const* b) {
        bool pa = a->status == "pinned", pb = b->status == "pinned";
        if (pa != pb) return pa;
        bool aa = a->status == "answered", ab = b->status == "answered";
        if (aa != ab) return ab;  // answered ones sink
        if (a->votes != b->votes) return a->votes > b->votes;
        if (a->created_at != b->created_at) return a->created_at < b->created_at;
        return a->id < b->id;
    });
    if (out.size() > n) out.resize(n);
    return out;
}

}  // namespace bimtek::client::live
