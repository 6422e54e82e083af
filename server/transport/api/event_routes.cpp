// Events and their agenda: /api/v1/events, /api/v1/events/{id}, /api/v1/events/{id}/sessions,
// /api/v1/sessions/{id}, /api/v1/sessions/{id}/start, /api/v1/sessions/{id}/end.
#include <algorithm>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "server/transport/api/api_routes.hpp"
#include "server/transport/api/json_input.hpp"
#include "server/transport/api/json_views.hpp"
#include "server/transport/api/reply.hpp"

namespace bimtek::transport {
namespace json = boost::json;

namespace {

domain::result<domain::event_fields> read_event_fields(std::string_view body) {
    auto in = json_input::parse(body);
    if (!in) return in.error();
    domain::event_fields f;
    f.title = in->string("title");
    f.venue = in->string("venue");
    f.timezone = in->string("timezone");
    f.starts_at = in->time("starts_at");
    f.ends_at = in->time("ends_at");
    // Out-of-range values are the domain's to refuse: clamp into int without wrapping.
    auto int_field = [](json_input& from, std::string_view key) -> std::optional<int> {
        auto v = from.integer(key);
        if (!v) return std::nullopt;
        return static_cast<int>(std::clamp<std::int64_t>(*v, -1, 1'000'000'000));
    };
    f.onsite_capacity = int_field(*in, "onsite_capacity");
    f.online_capacity = int_field(*in, "online_capacity");
    // The targets as the event's JSON shows them: {"expected_onsite", "expected_online",
    // "completion_rate"}.
    json_input targets = in->nested("targets");
    f.expected_onsite = int_field(targets, "expected_onsite");
    f.expected_online = int_field(targets, "expected_online");
    f.target_completion_rate = targets.number("completion_rate");
    in->absorb(targets);
    if (auto st = in->finish(); !st) return st.error();
    return f;
}

domain::result<domain::session_fields> read_session_fields(std::string_view body) {
    auto in = json_input::parse(body);
    if (!in) return in.error();
    domain::session_fields f;
    f.title = in->string("title");
    if (auto speaker = in->nullable_integer("speaker_id")) f.speaker = *speaker;
    f.speaker_name = in->string("speaker_name");
    f.planned_start = in->time("planned_start");
    f.planned_end = in->time("planned_end");
    f.moderated = in->boolean("moderated");
    f.required = in->boolean("required");
    if (auto st = in->finish(); !st) return st.error();
    return f;
}

auto session_view = [](domain::session const& s) { return to_json(s); };

}  // namespace

void add_event_routes(router& r, api_services const& s) {
    r.add(http_method::get, "/api/v1/events", [s](api_request& req) {
        return reply(s.events.list_events(caller(req)), 200, [](std::vector<domain::event> const& events) {
            json::array out;
            for (auto const& e : events) out.push_back(to_json(e));
            return json::object{{"events", std::move(out)}};
        });
    });

    r.add(http_method::post, "/api/v1/events", [s](api_request& req) {
        auto f = read_event_fields(req.body);
        if (!f) return error_response(f.error());
        return reply(s.events.create_event(caller(req), *f), 201, [](domain::event const& e) { return to_json(e); });
    });

    r.add(http_method::get, "/api/v1/events/{id}", [s](api_request& req) {
        auto id = id_param(req.params[0], "event");
        if (!id) return error_response(id.error());
        return reply(s.events.get_event(caller(req), *id), 200, [](domain::event_overview const& o) { return to_json(o); });
    });

    r.add(http_method::patch, "/api/v1/events/{id}", [s](api_request& req) {
        auto id = id_param(req.params[0], "event");
        if (!id) return error_response(id.error());
        auto f = read_event_fields(req.body);
        if (!f) return error_response(f.error());
        return reply(s.events.update_event(caller(req), *id, *f), 200, [](domain::event const& e) { return to_json(e); });
    });

    r.add(http_method::get, "/api/v1/events/{id}/sessions", [s](api_request& req) {
        auto id = id_param(req.params[0], "event");
        if (!id) return error_response(id.error());
        return reply(s.events.list_sessions(caller(req), *id), 200, [](std::vector<domain::session> const& sessions) {
            json::array out;
            for (auto const& x : sessions) out.push_back(to_json(x));
            return json::object{{"sessions", std::move(out)}};
        });
    });

    r.add(http_method::post, "/api/v1/events/{id}/sessions", [s](api_request& req) {
        auto id = id_param(req.params[0], "event");
        if (!id) return error_response(id.error());
        auto f = read_session_fields(req.body);
        if (!f) return error_response(f.error());
        return reply(s.events.add_session(caller(req), *id, *f), 201, session_view);
    });

    r.add(http_method::get, "/api/v1/sessions/{id}", [s](api_request& req) {
        auto id = id_param(req.params[0], "session");
        if (!id) return error_response(id.error());
        return reply(s.events.get_session(caller(req), *id), 200, session_view);
    });

    r.add(http_method::patch, "/api/v1/sessions/{id}", [s](api_request& req) {
        auto id = id_param(req.params[0], "session");
        if (!id) return error_response(id.error());
        auto f = read_session_fields(req.body);
        if (!f) return error_response(f.error());
        return reply(s.events.update_session(caller(req), *id, *f), 200, session_view);
    });

    r.add(http_method::del, "/api/v1/sessions/{id}", [s](api_request& req) {
        auto id = id_param(req.params[0], "session");
        if (!id) return error_response(id.error());
        return reply(s.events.remove_session(caller(req), *id));
    });

    r.add(http_method::post, "/api/v1/sessions/{id}/start", [s](api_request& req) {
        auto id = id_param(req.params[0], "session");
        if (!id) return error_response(id.error());
        return reply(s.events.start_session(caller(req), *id), 200, session_view);
    });

    r.add(http_method::post, "/api/v1/sessions/{id}/end", [s](api_request& req) {
        auto id = id_param(req.params[0], "session");
        if (!id) return error_response(id.error());
        return reply(s.events.end_session(caller(req), *id), 200, session_view);
    });
}

}  // namespace bimtek::transport
