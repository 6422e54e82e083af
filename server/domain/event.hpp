// A bimtek: one training event with its targets, and the staff who run it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "server/domain/ids.hpp"
#include "server/domain/principal.hpp"
#include "shared/time/timestamp.hpp"

namespace bimtek::domain {

// What the ministry measures the event against.
struct event_targets {
    int expected_onsite = 0;
    int expected_online = 0;
    double completion_rate = 0.8;  // share of participants expected to complete, 0..1
};

struct event {
    event_id id = 0;
    std::string title;
    std::string venue;
    std::string timezone = "Asia/Jakarta";  // IANA name; times are stored in UTC
    timestamp starts_at{};
    timestamp ends_at{};
    int onsite_capacity = 0;  // 0: no limit
    int online_capacity = 0;  // 0: no limit
    event_targets targets;
    std::string stream_epoch;  // changes only if the event's update stream is ever reset
    timestamp created_at{};
};

// A staff account's place in an event.
struct event_member {
    event_id event = 0;
    user_id user = 0;
    domain::role role = role::coordinator;  // coordinator or speaker
};

// Registered participants per mode.
struct mode_counts {
    int onsite = 0;
    int online = 0;
};

// Storage of events and their staff. Used only inside store::read/write (see store.hpp).
class event_repository {
public:
    virtual ~event_repository() = default;
    // Inserts "e" (its id is ignored) and returns the new id.
    virtual event_id insert(event const& e) = 0;
    virtual void update(event const& e) = 0;
    virtual std::optional<event> find(event_id id) = 0;
    // Events the user is a member of, most recent start first.
    virtual std::vector<event> list_for_user(user_id user) = 0;

    // Adds or changes the user's role in the event.
    virtual void put_member(event_member const& m) = 0;
    virtual std::optional<event_member> find_member(event_id event, user_id user) = 0;
    virtual std::vector<event_member> list_members(event_id event) = 0;
};

}  // namespace bimtek::domain
