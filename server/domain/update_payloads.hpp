// The JSON data of the updates the domain appends to an event's stream (see stream_update.hpp).
// Each builder serializes its object once. The shapes are part of the protocol: clients read
// them, so fields are only ever added.
#pragma once

#include <string>

#include "server/domain/checkin.hpp"
#include "server/domain/participant.hpp"
#include "server/domain/session.hpp"
#include "server/domain/stream_update.hpp"

namespace bimtek::domain {

// The two views of one update.
struct update_views {
    std::string full;         // coordinators (and the session's speaker)
    std::string public_view;  // everyone else
};

// "session.started" / "session.ended", the same for every viewer:
// {"session":{"id","title","speaker_name","actual_start","actual_end"}}, times ISO 8601 or null.
update_views session_views(session const& s);

// "checkin" / "checkout":
//   full:   {"participant":{"id","name","category","region","mode"},
//            "checkin":{"id","checked_in_at","by","over_capacity"[,"checked_out_at"]},
//            "counts":{"onsite_present":N}}
//   public: {"counts":{"onsite_present":N}}  (no names: other participants see it)
// "checked_out_at" is present when the visit is closed.
update_views checkin_views(participant const& p, checkin const& visit, int onsite_present);

// An update of "event" ready for update_repository::append (seq is assigned there).
stream_update make_update(event_id event, std::string kind, timestamp at, update_views views);

}  // namespace bimtek::domain
