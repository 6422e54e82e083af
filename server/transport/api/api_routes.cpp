#include "server/transport/api/api_routes.hpp"

#include <boost/json/object.hpp>

#include "server/transport/http/error_response.hpp"

namespace bimtek::transport {

void add_api_routes(router& r, api_services const& s) {
    r.add(http_method::get, "/healthz",
          [](api_request&) { return json_response(200, boost::json::object{{"status", "ok"}}); },
          {.auth = auth_mode::none});
    add_auth_routes(r, s);
    add_account_routes(r, s);
    add_event_routes(r, s);
    add_roster_routes(r, s);
    add_checkin_routes(r, s);
    add_qa_routes(r, s);
    add_material_routes(r, s);
    add_completion_routes(r, s);
    add_certificate_routes(r, s);
    add_export_routes(r, s);
}

}  // namespace bimtek::transport
