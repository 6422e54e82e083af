// Staff accounts: POST /api/v1/users, POST /api/v1/events/{id}/speakers,
// GET|POST /api/v1/events/{id}/staff, PUT /api/v1/me/password.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "server/transport/api/api_routes.hpp"
#include "server/transport/api/json_input.hpp"
#include "server/transport/api/json_views.hpp"
#include "server/transport/api/reply.hpp"

namespace bimtek::transport {
namespace json = boost::json;

namespace {

// Reads {username, password, display_name, role}; "fixed_role" overrides the body's role.
domain::result<domain::new_account> read_account(std::string_view body, std::optional<domain::role> fixed_role) {
    auto in = json_input::parse(body);
    if (!in) return in.error();
    domain::new_account a;
    a.username = in->string("username").value_or("");
    a.password = in->string("password").value_or("");
    a.display_name = in->string("display_name").value_or("");
    auto role_text = in->string("role");
    if (auto st = in->finish(); !st) return st.error();
    if (fixed_role) {
        a.role = *fixed_role;
    } else {
        auto r = role_text ? domain::parse_role(*role_text) : std::nullopt;
        if (!r || *r == domain::role::participant)
            return domain::invalid_field("role", "invalid", "role must be \"coordinator\" or \"speaker\"");
        a.role = *r;
    }
    return a;
}

}  // namespace

void add_account_routes(router& r, api_services const& s) {
    // argon2id: tens of milliseconds of CPU, kept off the I/O threads.
    constexpr route_options hashes_a_password{.where = run_on::worker};

    r.add(http_method::post, "/api/v1/users", [s](api_request& req) {
        auto a = read_account(req.body, std::nullopt);
        if (!a) return error_response(a.error());
        return reply(s.accounts.create_account(caller(req), *a), 201,
                     [](domain::staff_user const& u) { return to_json(u); });
    }, hashes_a_password);

    r.add(http_method::post, "/api/v1/events/{id}/speakers", [s](api_request& req) {
        auto event = id_param(req.params[0], "event");
        if (!event) return error_response(event.error());
        auto a = read_account(req.body, domain::role::speaker);
        if (!a) return error_response(a.error());
        return reply(s.accounts.create_account(caller(req), *a, *event), 201,
                     [](domain::staff_user const& u) { return to_json(u); });
    }, hashes_a_password);

    r.add(http_method::get, "/api/v1/events/{id}/staff", [s](api_request& req) {
        auto event = id_param(req.params[0], "event");
        if (!event) return error_response(event.error());
        return reply(s.accounts.list_event_staff(caller(req), *event), 200, [](auto const& staff) {
            json::array out;
            for (auto const& [user, member] : staff) {
                json::object u = to_json(user);
                u["event_role"] = domain::to_string(member.role);
                out.push_back(std::move(u));
            }
            return json::object{{"staff", std::move(out)}};
        });
    });

    r.add(http_method::post, "/api/v1/events/{id}/staff", [s](api_request& req) {
        auto event = id_param(req.params[0], "event");
        if (!event) return error_response(event.error());
        auto in = json_input::parse(req.body);
        if (!in) return error_response(in.error());
        auto username = in->string("username");
        auto role_text = in->string("role");
        if (auto st = in->finish(); !st) return error_response(st.error());
        auto role = role_text ? domain::parse_role(*role_text) : std::optional<domain::role>{domain::role::speaker};
        if (!username) return error_response(domain::invalid_field("username", "required", "username is required"));
        if (!role || *role == domain::role::participant)
            return error_response(domain::invalid_field("role", "invalid", "role must be \"coordinator\" or \"speaker\""));
        return reply(s.accounts.add_to_event(caller(req), *event, *username, *role), 200,
                     [](domain::event_member const& m) {
                         return json::object{{"event_id", m.event}, {"user_id", m.user}, {"role", domain::to_string(m.role)}};
                     });
    });

    r.add(http_method::put, "/api/v1/me/password", [s](api_request& req) {
        auto in = json_input::parse(req.body);
        if (!in) return error_response(in.error());
        auto old_password = in->string("old_password");
        auto new_password = in->string("new_password");
        if (auto st = in->finish(); !st) return error_response(st.error());
        if (!old_password || !new_password)
            return error_response(domain::invalid_field(!old_password ? "old_password" : "new_password", "required",
                                                        "old_password and new_password are required"));
        return reply(s.accounts.change_password(caller(req), *old_password, *new_password));
    }, {.body_limit = 16 * 1024, .where = run_on::worker});
}

}  // namespace bimtek::transport
