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
#include "server/domain/roster_service.hpp"

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

}  // namespace bimtek::transport
