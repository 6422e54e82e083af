#include "server/domain/access.hpp"

namespace bimtek::domain {
namespace {

std::optional<role> staff_role_in(repositories& r, principal const& who, event_id event) {
    if (!who.is_staff()) return std::nullopt;
    auto m = r.events.find_member(event, who.subject);
    if (!m) return std::nullopt;
    return m->role;
}

}  // namespace

error event_not_found() { return make_error(error_kind::not_found, "event_not_found", "no such event"); }

error forbidden(std::string message) { return make_error(error_kind::forbidden, "forbidden", std::move(message)); }

status require_coordinator(repositories& r, principal const& who, event_id event) {
    if (!r.events.find(event)) return event_not_found();
    if (who.role != role::coordinator) return forbidden("only a coordinator of this event may do this");
    if (staff_role_in(r, who, event) != role::coordinator) return forbidden("you are not a coordinator of this event");
    return {};
}

status require_staff(repositories& r, principal const& who, event_id event) {
    if (!r.events.find(event)) return event_not_found();
    if (!who.is_staff()) return forbidden("only the event's staff may do this");
    if (!staff_role_in(r, who, event)) return forbidden("you are not on this event's staff");
    return {};
}

status require_member(repositories& r, principal const& who, event_id event) {
    if (!r.events.find(event)) return event_not_found();
    if (who.is_participant()) {
        if (who.event != event) return forbidden("you are not a participant of this event");
        return {};
    }
    if (!staff_role_in(r, who, event)) return forbidden("you are not on this event's staff");
    return {};
}

status require_session_runner(repositories& r, principal const& who, session const& s) {
    if (who.role == role::speaker && s.speaker == who.subject && staff_role_in(r, who, s.event)) return {};
    if (who.role == role::coordinator) return require_coordinator(r, who, s.event);
    return forbidden("only the session's speaker or a coordinator may do this");
}

}  // namespace bimtek::domain
