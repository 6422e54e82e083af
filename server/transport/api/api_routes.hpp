// The HTTP API under /api/v1 (documented endpoint by endpoint in docs/api.md) and /healthz.
#pragma once

#include <filesystem>

#include "server/domain/account_service.hpp"
#include "server/domain/attendance_service.hpp"
#include "server/domain/auth_service.hpp"
#include "server/domain/certificate_service.hpp"
#include "server/domain/checkin_service.hpp"
#include "server/domain/completion_service.hpp"
#include "server/domain/event_service.hpp"
#include "server/domain/material_service.hpp"
#include "server/domain/qa_service.hpp"
#include "server/domain/roster_service.hpp"
#include "server/transport/http/router.hpp"

namespace bimtek::transport {

// The services the routes call; routes keep a copy of this bundle. The services it refers to
// must outlive the router.
struct api_services {
    domain::auth_service& auth;
    domain::account_service& accounts;
    domain::event_service& events;
    domain::roster_service& roster;
    domain::checkin_service& checkins;
    domain::attendance_service& attendance;
    domain::qa_service& qa;
    domain::material_service& materials;
    domain::completion_service& completion;
    domain::certificate_service& certificates;
    // Where generated files that must pass through the disk (XLSX) are written and removed
    // again: the data directory's tmp/.
    std::filesystem::path scratch_dir;
};

void add_api_routes(router& r, api_services const& s);

// The groups add_api_routes registers, one file each.
void add_auth_routes(router& r, api_services const& s);
void add_account_routes(router& r, api_services const& s);
void add_event_routes(router& r, api_services const& s);
void add_roster_routes(router& r, api_services const& s);
void add_checkin_routes(router& r, api_services const& s);
void add_qa_routes(router& r, api_services const& s);
void add_material_routes(router& r, api_services const& s);
void add_completion_routes(router& r, api_services const& s);
void add_certificate_routes(router& r, api_services const& s);
void add_export_routes(router& r, api_services const& s);

}  // namespace bimtek::transport
