// The event's update stream: every change the live views follow (check-ins, presence, session
// start/end, questions, ...) is an update with a per-event sequence number that is strictly
// increasing and gap-free, stored in the same transaction as the change it reports, so a client
// can resume after any "seq" it has seen, even across a server restart.
//
// Each update carries two views of its data, both JSON objects serialized once:
//   full_data   for coordinators, and for the speaker of the update's session;
//   public_data for everyone else (participants, other speakers): no personal data of other
//               participants, no author of anonymous questions, no text of hidden or pending
//               questions; aggregate counts instead.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/domain/ids.hpp"
#include "shared/time/timestamp.hpp"

namespace bimtek::domain {

struct stream_update {
    event_id event = 0;
    std::int64_t seq = 0;  // assigned by update_repository::append
    std::string kind;      // "checkin", "presence.join", "question.created", ...
    timestamp at{};
    std::optional<session_id> session;  // the agenda item it concerns, if any
    std::optional<user_id> speaker;     // that session's speaker: sees full_data
    std::string full_data;              // a serialized JSON object
    std::string public_data;            // a serialized JSON object
};

// Which view of an update a viewer gets.
enum class update_view { full, public_view };

class update_repository {
public:
    virtual ~update_repository() = default;
    // Assigns u.seq = latest_seq(u.event) + 1 and stores it. Within a store::write, the store
    // publishes every appended update to the notifier after the commit, in seq order.
    virtual std::int64_t append(stream_update& u) = 0;
    virtual std::int64_t latest_seq(event_id event) = 0;
    // Updates with seq > after, ascending, at most "limit".
    virtual std::vector<stream_update> list_after(event_id event, std::int64_t after, std::size_t limit) = 0;
};

}  // namespace bimtek::domain
