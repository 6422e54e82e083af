// Authorization rules shared by the domain services: who may act on an event. Each returns ok
// or the error the caller should return (403 for a wrong role or a foreign event, 404 when the
// event does not exist).
#pragma once

#include "server/domain/principal.hpp"
#include "server/domain/result.hpp"
#include "server/domain/store.hpp"

namespace bimtek::domain {

// The event exists and the caller is one of its coordinators.
status require_coordinator(repositories& r, principal const& who, event_id event);
// The event exists and the caller is one of its staff (coordinator or speaker).
status require_staff(repositories& r, principal const& who, event_id event);
// The event exists and the caller belongs to it in any role (staff member or participant).
status require_member(repositories& r, principal const& who, event_id event);
// The caller may run the session: a coordinator of its event, or its speaker.
status require_session_runner(repositories& r, principal const& who, session const& s);

error event_not_found();
error forbidden(std::string message);

}  // namespace bimtek::domain
