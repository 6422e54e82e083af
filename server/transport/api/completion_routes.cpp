// Completion: GET /api/v1/events/{id}/completion, GET /api/v1/participants/{id}/completion,
// GET|PUT /api/v1/events/{id}/completion-rules.
#include <boost/json/object.hpp>

#include "server/transport/api/api_routes.hpp"
#include "server/transport/api/json_input.hpp"
#include "server/transport/api/json_views.hpp"
#include "server/transport/api/reply.hpp"

namespace bimtek::transport {

namespace {

// {"min_share"?, "open_checkin_counts_to_end"?, "required_sessions"?: [ids]}
domain::result<domain::completion_rules_fields> read_rules(std::string_view body) {
    auto in = json_input::parse(body);
    if (!in) return in.error();
    domain::completion_rules_fields f;
    f.min_share = in->number("min_share");
    f.open_checkin_counts_to_end = in->boolean("open_checkin_counts_to_end");
    f.required_sessions = in->integer_list("required_sessions");
    if (auto st = in->finish(); !st) return st.error();
    return f;
}

auto rules_view = [](domain::completion_rules_view const& v) { return to_json(v); };

}  // namespace

void add_completion_routes(router& r, api_services const& s) {
    r.add(http_method::get, "/api/v1/events/{id}/completion", [s](api_request& req) {
        auto id = id_param(req.params[0], "event");
        if (!id) return error_response(id.error());
        return reply(s.completion.event_completion(caller(req), *id), 200,
                     [](domain::completion_report const& rep) { return to_json(rep); });
    });

    r.add(http_method::get, "/api/v1/participants/{id}/completion", [s](api_request& req) {
        auto id = id_param(req.params[0], "participant");
        if (!id) return error_response(id.error());
        return reply(s.completion.completion_of(caller(req), *id), 200,
                     [](domain::participant_completion_view const& v) { return to_json(v); });
    });

    r.add(http_method::get, "/api/v1/events/{id}/completion-rules", [s](api_request& req) {
        auto id = id_param(req.params[0], "event");
        if (!id) return error_response(id.error());
        return reply(s.completion.rules(caller(req), *id), 200, rules_view);
    });

    r.add(http_method::put, "/api/v1/events/{id}/completion-rules", [s](api_request& req) {
        auto id = id_param(req.params[0], "event");
        if (!id) return error_response(id.error());
        auto f = read_rules(req.body);
        if (!f) return error_response(f.error());
        return reply(s.completion.update_rules(caller(req), *id, *f), 200, rules_view);
    });
}

}  // namespace bimtek::transport
