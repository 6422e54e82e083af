// The JSON data of the updates the domain appends to an event's stream (see stream_update.hpp).
// Each builder serializes its object once. The shapes are part of the protocol
// (docs/protocol.md): clients read them, so fields are only ever added.
#pragma once

#include <string>
#include <vector>

#include <boost/json/fwd.hpp>

#include "server/domain/checkin.hpp"
#include "server/domain/material.hpp"
#include "server/domain/participant.hpp"
#include "server/domain/present_counts.hpp"
#include "server/domain/question.hpp"
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
// "session.updated", the same for every viewer: as session_views plus "moderated".
update_views session_updated_views(session const& s);

// "counts" in every update that has them: {"onsite_present":N,"online_present":M}.
//
// "checkin" / "checkout":
//   full:   {"participant":{"id","name","category","region","mode"},
//            "checkin":{"id","checked_in_at","by","over_capacity"[,"checked_out_at"]},
//            "counts":{...}}
//   public: {"counts":{...}}  (no names: other participants see it)
// "checked_out_at" is present when the visit is closed.
update_views checkin_views(participant const& p, checkin const& visit, present_counts counts);

// "presence.join" / "presence.leave", for the people who joined or left since the last one:
//   full:   {"participants":[{"id","name","category","region","mode"}, ...], "counts":{...}}
//           and "more": N when N more came (or left) than "people" lists
//   public: {"counts":{...}}
update_views presence_views(std::vector<participant> const& people, std::size_t more, present_counts counts);

// A question as "view" shows it (docs/protocol.md, Q and Q'):
//   full:   {"id","session_id","text","anonymous","from_room","author","status","votes",
//            "created_at","answered_at"}; "author" is {"id","name"} for a participant's question
//            ({"id":null,"name"} for one from the room entered with a name), null when anonymous
//            or nameless.
//   public: the same without the author's "id" for approved, answered and pinned questions;
//           only {"id","session_id","status"} for pending and hidden ones.
boost::json::object question_object(question const& q, update_view view);

// "question.created" / "question.updated": {"question": Q} and {"question": Q'}.
update_views question_views(question const& q);
// "question.voted", the same for every viewer: {"question":{"id","session_id","votes"}}.
update_views question_vote_views(question const& q);

// "material.published", the same for every viewer:
//   {"material":{"id","session_id","filename","content_type","size","url"}} ("url": the
//   material's public download link, download_links.hpp).
update_views material_published_views(material const& m, std::string const& url);
// "material.unpublished", the same for every viewer: {"material":{"id","session_id"}}.
update_views material_unpublished_views(material const& m);

// "completion.changed", the same for every viewer:
//   {"session_id","completed","in_progress","not_completed","rate"} (rate: completed /
//   registered participants).
update_views completion_changed_views(session_id ended, int completed, int in_progress,
                                      int not_completed, double rate);

// An update of "event" ready for update_repository::append (seq is assigned there).
stream_update make_update(event_id event, std::string kind, timestamp at, update_views views);

}  // namespace bimtek::domain
