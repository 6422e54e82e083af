// How domain records look in the API's JSON. Times are UTC ISO 8601; each event carries its
// IANA time zone so clients can show local times. Participants' personal data (phone,
// business, access code) is only in views meant for coordinators or the participant.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "server/domain/account_service.hpp"
#include "server/domain/attendance_service.hpp"
#include "server/domain/auth_service.hpp"
#include "server/domain/checkin_service.hpp"
#include "server/domain/event_service.hpp"
#include "server/domain/qa_service.hpp"
#include "server/domain/roster_service.hpp"
#include "server/domain/stream_update.hpp"

namespace bimtek::transport {

boost::json::value time_or_null(std::optional<timestamp> t);

boost::json::object to_json(domain::event const& e);
boost::json::object to_json(domain::session const& s);
boost::json::object to_json(domain::staff_user const& u);
boost::json::object to_json(domain::event_overview const& o);

enum class personal_data { hidden, shown };
boost::json::object to_json(domain::participant const& p, personal_data personal);

boost::json::object to_json(domain::checkin_outcome const& o);
boost::json::object to_json(domain::attendance_report const& r);

// Questions as the caller may see them: the full view for staff, the public view for
// participants (the shapes of docs/protocol.md, Q and Q'), each with "voted" (the caller voted
// for it).
domain::update_view question_view_for(domain::principal const& who);
boost::json::object to_json(domain::question const& q, domain::update_view view);
boost::json::object to_json(domain::question_view const& v, domain::update_view view);
// {"session_id", "moderated", "questions": [...]} in display order.
boost::json::object to_json(domain::question_list const& l, domain::update_view view);

}  // namespace bimtek::transport
