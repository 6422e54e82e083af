// An agenda item of an event ("session" never means a network connection in bimtek).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "server/domain/ids.hpp"
#include "shared/time/timestamp.hpp"

namespace bimtek::domain {

struct session {
    session_id id = 0;
    event_id event = 0;
    std::string title;
    std::optional<user_id> speaker;  // the speaker account that runs it, if any
    std::string speaker_name;        // shown on the agenda; the account's name by default
    timestamp planned_start{};
    timestamp planned_end{};
    std::optional<timestamp> actual_start;  // set live when the session starts
    std::optional<timestamp> actual_end;    // set live when it ends
    bool moderated = false;                 // new questions wait for approval
    bool required = true;                   // counts toward completion

    bool live() const { return actual_start && !actual_end; }
};

class session_repository {
public:
    virtual ~session_repository() = default;
    virtual session_id insert(session const& s) = 0;
    virtual void update(session const& s) = 0;
    virtual void remove(session_id id) = 0;
    virtual std::optional<session> find(session_id id) = 0;
    // Ordered by planned start, then id.
    virtual std::vector<session> list_by_event(event_id event) = 0;
};

}  // namespace bimtek::domain
