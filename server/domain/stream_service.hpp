// Starting a live stream for a viewer: which event, what the viewer may see, where the stream
// stands, and what to replay after the "seq" the viewer last saw. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/domain/principal.hpp"
#include "server/domain/result.hpp"
#include "server/domain/store.hpp"
#include "server/domain/stream_update.hpp"

namespace bimtek::domain {

struct stream_start {
    event_id event = 0;
    // The viewer's role in this event (the welcome's "role"): a coordinator account on an
    // event's staff as a speaker is a speaker here. Give view_for a principal with this role.
    domain::role role = role::participant;
    std::int64_t latest_seq = 0;   // the welcome's "seq"
    std::string epoch;             // the event's stream epoch
    std::vector<stream_update> replay;  // seq in (since, latest_seq], ascending
    // Set when the gap cannot be replayed: the client must reload its state over HTTP.
    // "gap_too_large", "epoch_changed", or "ahead" (since > latest_seq).
    std::optional<std::string> resync;
};

class stream_service {
public:
    explicit stream_service(store& s, std::size_t max_replay = 1000);

    // "event": required for staff on more than one event's staff (default: their most recent
    // event); participants always get their own (403 when another is asked for).
    // "since"/"epoch": what the viewer saw last; no since → no replay. Staff asking for an event
    // they are not on get 403 (404 "event_not_found" when it does not exist, or when they are
    // on no event at all).
    result<stream_start> start(principal const& who, std::optional<event_id> event,
                               std::optional<std::int64_t> since, std::optional<std::string> const& epoch);

    // Which view of "u" the viewer gets: full for coordinators and for the speaker of the
    // update's session, public otherwise. "who" is the viewer with its role in the update's
    // event (stream_start::role), not its account's role.
    static update_view view_for(principal const& who, stream_update const& u);

private:
    store& store_;
    std::size_t max_replay_;
};

}  // namespace bimtek::domain
