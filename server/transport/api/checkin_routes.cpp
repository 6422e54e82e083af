// The door and the attendance list: POST /api/v1/events/{id}/checkins,
// POST /api/v1/events/{id}/checkouts, GET /api/v1/events/{id}/attendance.
#include <boost/json/object.hpp>

#include "server/transport/api/api_routes.hpp"
#include "server/transport/api/json_input.hpp"
#include "server/transport/api/json_views.hpp"
#include "server/transport/api/reply.hpp"

namespace bimtek::transport {
namespace json = boost::json;

namespace {

// {"code": "..."} (a scan) or {"participant_id": N} (a search); exactly one.
struct door_request {
    std::optional<std::string> code;
    std::optional<std::int64_t> participant;
};

domain::result<door_request> read_door_request(std::string_view body) {
    auto in = json_input::parse(body);
    if (!in) return in.error();
    door_request d;
    d.code = in->string("code");
    d.participant = in->integer("participant_id");
    if (auto st = in->finish(); !st) return st.error();
    if (d.code.has_value() == d.participant.has_value())
        return domain::invalid_field(d.code ? "participant_id" : "code", "required",
                                     "give either code or participant_id");
    return d;
}

}  // namespace

void add_checkin_routes(router& r, api_services const& s) {
    r.add(http_method::post, "/api/v1/events/{id}/checkins", [s](api_request& req) {
        auto event = id_param(req.params[0], "event");
        if (!event) return error_response(event.error());
        auto d = read_door_request(req.body);
        if (!d) return error_response(d.error());
        auto outcome = d->code ? s.checkins.check_in_by_code(caller(req), *event, *d->code)
                               : s.checkins.check_in(caller(req), *event, *d->participant);
        if (!outcome) return error_response(outcome.error());
        return json_response(outcome->already ? 200 : 201, to_json(*outcome));
    }, {.body_limit = 16 * 1024});

    r.add(http_method::post, "/api/v1/events/{id}/checkouts", [s](api_request& req) {
        auto event = id_param(req.params[0], "event");
        if (!event) return error_response(event.error());
        auto d = read_door_request(req.body);
        if (!d) return error_response(d.error());
        auto outcome = d->code ? s.checkins.check_out_by_code(caller(req), *event, *d->code)
                               : s.checkins.check_out(caller(req), *event, *d->participant);
        return reply(outcome, 200, [](domain::checkin_outcome const& o) { return to_json(o); });
    }, {.body_limit = 16 * 1024});

    r.add(http_method::get, "/api/v1/events/{id}/attendance", [s](api_request& req) {
        auto event = id_param(req.params[0], "event");
        if (!event) return error_response(event.error());
        return reply(s.attendance.attendance(caller(req), *event), 200,
                     [](domain::attendance_report const& rep) { return to_json(rep); });
    });
}

}  // namespace bimtek::transport
