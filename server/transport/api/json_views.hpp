// How domain records look in the API's JSON. Times are UTC ISO 8601; each event carries its
// IANA time zone so clients can show local times. Participants' personal data (phone,
// business, access code) is only in views meant for coordinators or the participant.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

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

// Materials: {"id","session_id","filename","content_type","size","url","published",
// "uploaded_at"}; "url" is the signed link meant for the caller.
boost::json::object to_json(domain::material_view const& m);

// Completion (docs/api.md, "Completion"). Minutes are rounded down, required minutes and
// shortfalls up, to a tenth.
boost::json::object to_json(domain::completion_rules_view const& v);
// {"participant_id","status","total_minutes","sessions","reasons","certificate"}
boost::json::object to_json(domain::participant_completion const& c,
                            std::optional<domain::certificate> const& certificate);
boost::json::object to_json(domain::participant_completion_view const& v);
// {"event_id","rules","summary","participants"}, each participant's completion with its
// public fields and first arrival.
boost::json::object to_json(domain::completion_report const& r);

// Certificates: what the public verification says, and a certificate as its coordinators see it.
boost::json::object to_json(domain::certificate_check const& c);
boost::json::object to_json(domain::certificate const& c);

}  // namespace bimtek::transport
