// POST /api/v1/login, POST /api/v1/join, POST /api/v1/logout, GET /api/v1/me.
#include <boost/json/object.hpp>

#include "server/transport/api/api_routes.hpp"
#include "server/transport/api/json_input.hpp"
#include "server/transport/api/json_views.hpp"
#include "server/transport/api/reply.hpp"
#include "shared/time/iso8601.hpp"

namespace bimtek::transport {
namespace json = boost::json;

namespace {

constexpr route_options public_route{.auth = auth_mode::none, .body_limit = 16 * 1024};
// Login verifies an argon2id hash: tens of milliseconds of CPU, kept off the I/O threads.
constexpr route_options login_route{
    .auth = auth_mode::none, .body_limit = 16 * 1024, .where = run_on::worker};

}  // namespace

void add_auth_routes(router& r, api_services const& s) {
    r.add(http_method::post, "/api/v1/login", [s](api_request& req) {
        auto in = json_input::parse(req.body);
        if (!in) return error_response(in.error());
        auto username = in->string("username");
        auto password = in->string("password");
        if (auto st = in->finish(); !st) return error_response(st.error());
        if (!username || !password)
            return error_response(domain::invalid_field(!username ? "username" : "password", "required",
                                                        "username and password are required"));
        return reply(s.auth.login(*username, *password), 200, [](domain::login_result const& l) {
            return json::object{{"token", l.token.token},
                                {"expires_at", format_iso8601(l.token.expires_at)},
                                {"user", to_json(l.user)}};
        });
    }, login_route);

    r.add(http_method::post, "/api/v1/join", [s](api_request& req) {
        auto in = json_input::parse(req.body);
        if (!in) return error_response(in.error());
        auto code = in->string("code");
        if (auto st = in->finish(); !st) return error_response(st.error());
        if (!code) return error_response(domain::invalid_field("code", "required", "code is required"));
        return reply(s.auth.join(*code), 200, [](domain::join_result const& j) {
            return json::object{{"token", j.token.token},
                                {"expires_at", format_iso8601(j.token.expires_at)},
                                {"participant", to_json(j.who, personal_data::shown)}};
        });
    }, public_route);

    r.add(http_method::post, "/api/v1/logout", [s](api_request& req) {
        return reply(s.auth.logout(bearer_token(req.authorization)));
    });

    r.add(http_method::get, "/api/v1/me", [](api_request& req) {
        auto const& who = caller(req);
        json::object out{{"role", domain::to_string(who.role)}, {"id", who.subject}, {"display_name", who.display_name}};
        out["event_id"] = who.event ? json::value(*who.event) : json::value(nullptr);
        return json_response(200, out);
    });
}

}  // namespace bimtek::transport
