// On-site attendance: a check-in at the door opens a visit, an optional check-out closes it.
// A participant has at most one open visit; scanning again while it is open changes nothing.
#pragma once

#include <optional>
#include <vector>

#include "server/domain/ids.hpp"
#include "shared/time/timestamp.hpp"

namespace bimtek::domain {

struct checkin {
    checkin_id id = 0;
    event_id event = 0;
    participant_id participant = 0;
    timestamp checked_in_at{};
    user_id checked_in_by = 0;
    bool over_capacity = false;  // the room was full when this visit began
    std::optional<timestamp> checked_out_at;
    std::optional<user_id> checked_out_by;

    bool open() const { return !checked_out_at; }
};

class checkin_repository {
public:
    virtual ~checkin_repository() = default;
    virtual checkin_id insert(checkin const& c) = 0;
    virtual void close(checkin_id id, timestamp at, user_id by) = 0;
    virtual std::optional<checkin> find_open(participant_id participant) = 0;
    // Every visit of the participant, oldest first.
    virtual std::vector<checkin> list_for_participant(participant_id participant) = 0;
    // Every visit of the event, oldest first.
    virtual std::vector<checkin> list_by_event(event_id event) = 0;
    // Participants with an open visit.
    virtual int count_open(event_id event) = 0;
};

}  // namespace bimtek::domain
