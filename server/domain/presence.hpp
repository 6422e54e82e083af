// Online presence: the intervals during which a participant had at least one authenticated
// live connection. Intervals are stored as they open and close; "last_seen_at" is refreshed by a
// heartbeat so that, after a crash, an open interval can be closed at the last time the
// participant was known to be there instead of at restart.
#pragma once

#include <optional>
#include <vector>

#include "server/domain/ids.hpp"
#include "shared/time/timestamp.hpp"

namespace bimtek::domain {

using presence_id = std::int64_t;

struct presence_interval {
    presence_id id = 0;
    event_id event = 0;
    participant_id participant = 0;
    timestamp joined_at{};
    std::optional<timestamp> left_at;
    timestamp last_seen_at{};

    bool open() const { return !left_at; }
};

class presence_repository {
public:
    virtual ~presence_repository() = default;
    // Opens an interval (joined_at = last_seen_at = at) and returns its id.
    virtual presence_id open(event_id event, participant_id participant, timestamp at) = 0;
    virtual void close(presence_id id, timestamp at) = 0;
    // Sets last_seen_at = at on the given open intervals.
    virtual void touch(std::vector<presence_id> const& ids, timestamp at) = 0;
    // Closes every open interval at its own last_seen_at (start-up after a crash); returns how
    // many were closed.
    virtual int close_all_at_last_seen() = 0;
    virtual std::optional<presence_interval> find_open(participant_id participant) = 0;
    // Oldest first.
    virtual std::vector<presence_interval> list_for_participant(participant_id participant) = 0;
    virtual std::vector<presence_interval> list_by_event(event_id event) = 0;
    // Participants of the event with an open interval and no open on-site visit: the people
    // following online right now.
    virtual int count_online_present(event_id event) = 0;
};

}  // namespace bimtek::domain
