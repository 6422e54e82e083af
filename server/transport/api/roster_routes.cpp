// The roster: GET|POST /api/v1/events/{id}/participants, POST /api/v1/events/{id}/participants/import
// (CSV body), GET|PATCH /api/v1/participants/{id}, POST /api/v1/participants/{id}/code.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "server/transport/api/api_routes.hpp"
#include "server/transport/api/json_input.hpp"
#include "server/transport/api/json_views.hpp"
#include "server/transport/api/reply.hpp"

namespace bimtek::transport {
namespace json = boost::json;

namespace {

domain::result<domain::participant_fields> read_participant_fields(std::string_view body) {
    auto in = json_input::parse(body);
    if (!in) return in.error();
    domain::participant_fields f;
    f.name = in->string("name");
    f.category = in->string("category");
    f.region = in->string("region");
    // null clears the optional fields.
    if (auto phone = in->nullable_string("phone")) f.phone = phone->value_or("");
    if (auto business = in->nullable_string("business_name")) f.business_name = business->value_or("");
    f.mode = in->string("mode");
    if (auto st = in->finish(); !st) return st.error();
    return f;
}

// Coordinators see the whole record; a participant looking at itself too.
auto full_view = [](domain::participant const& p) { return to_json(p, personal_data::shown); };

}  // namespace

void add_roster_routes(router& r, api_services const& s) {
    r.add(http_method::get, "/api/v1/events/{id}/participants", [s](api_request& req) {
        auto id = id_param(req.params[0], "event");
        if (!id) return error_response(id.error());
        return reply(s.roster.list_participants(caller(req), *id), 200, [](std::vector<domain::participant> const& ps) {
            json::array out;
            for (auto const& p : ps) out.push_back(to_json(p, personal_data::shown));
            return json::object{{"participants", std::move(out)}};
        });
    });

    r.add(http_method::post, "/api/v1/events/{id}/participants", [s](api_request& req) {
        auto id = id_param(req.params[0], "event");
        if (!id) return error_response(id.error());
        auto f = read_participant_fields(req.body);
        if (!f) return error_response(f.error());
        return reply(s.roster.add_participant(caller(req), *id, *f), 201, full_view);
    });

    r.add(http_method::post, "/api/v1/events/{id}/participants/import", [s](api_request& req) {
        auto id = id_param(req.params[0], "event");
        if (!id) return error_response(id.error());
        return reply(s.roster.import_csv(caller(req), *id, req.body), 201, [](domain::roster_import const& imp) {
            json::array out;
            for (auto const& p : imp.imported) out.push_back(to_json(p, personal_data::shown));
            return json::object{{"imported", imp.imported.size()}, {"participants", std::move(out)}};
        });
    }, {.body_limit = 8 * 1024 * 1024, .where = run_on::worker});  // 8 MiB of CSV: not on I/O

    r.add(http_method::get, "/api/v1/participants/{id}", [s](api_request& req) {
        auto id = id_param(req.params[0], "participant");
        if (!id) return error_response(id.error());
        return reply(s.roster.get_participant(caller(req), *id), 200, full_view);
    });

    r.add(http_method::patch, "/api/v1/participants/{id}", [s](api_request& req) {
        auto id = id_param(req.params[0], "participant");
        if (!id) return error_response(id.error());
        auto f = read_participant_fields(req.body);
        if (!f) return error_response(f.error());
        return reply(s.roster.update_participant(caller(req), *id, *f), 200, full_view);
    });

    r.add(http_method::post, "/api/v1/participants/{id}/code", [s](api_request& req) {
        auto id = id_param(req.params[0], "participant");
        if (!id) return error_response(id.error());
        return reply(s.roster.reissue_code(caller(req), *id), 200, full_view);
    });
}

}  // namespace bimtek::transport
