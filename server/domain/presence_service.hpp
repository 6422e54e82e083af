// Who is following online right now, and the presence intervals behind attendance minutes.
//
// The transport reports each authenticated live connection of a participant (connected /
// disconnected). A participant is present while at least one of its connections is open: a
// second tab changes nothing. When the last one closes, the participant stays present for a
// grace window (see presence_policy); reconnecting within it continues the same interval, so a
// flaky mobile connection does not split attendance. When the window passes, the interval is
// closed at the moment of the disconnection and a "presence.leave" update is appended.
//
// tick() must be called periodically (every second or so): it ends expired grace windows and,
// every heartbeat period, records the time connected participants were last seen, so that
// recover() — at start-up — can close intervals left open by a crash at the last time each
// participant was known to be there.
//
// Thread-safe: every member may be called from any thread (one internal mutex, never held while
// calling the store).
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>

#include "server/domain/clock.hpp"
#include "server/domain/participant.hpp"
#include "server/domain/presence.hpp"
#include "server/domain/result.hpp"
#include "server/domain/store.hpp"

namespace bimtek::domain {

struct presence_policy {
    std::chrono::seconds grace{20};      // a reconnect within this does not split the interval
    std::chrono::seconds heartbeat{30};  // how often last_seen_at is refreshed
};

class presence_service {
public:
    presence_service(store& s, clock const& k, presence_policy policy = {});

    // Closes intervals a crash left open (at their last_seen_at). Call once before serving.
    result<int> recover();

    // A participant's connection was authenticated / closed. connected() opens an interval and
    // appends "presence.join" when the participant was not present (nor in its grace window);
    // 404 "participant_not_found" for an unknown participant. Call disconnected() once for each
    // connection whose connected() returned ok, after that call returned.
    status connected(participant_id p);
    void disconnected(participant_id p);

    // Ends expired grace windows ("presence.leave") and refreshes last_seen_at when due.
    status tick();

    // Connected, or within the grace window after the last connection closed.
    bool present(participant_id p) const;
    // Participants of "event" present() now. Unlike presence_repository::count_online_present
    // it does not leave out people who are also checked in on site.
    int online_now(event_id event) const;

private:
    struct state {
        event_id event = 0;
        presence_id interval = 0;
        int connections = 0;
        std::optional<timestamp> left_at;  // set while in the grace window
    };

    // With mutex_ held: counts one more connection of "p" if it is present (connected or in its
    // grace window) and returns true; false when it is not.
    bool add_connection(participant_id p);

    store& store_;
    clock const& clock_;
    presence_policy policy_;

    // Taken (before mutex_) by every call that writes to the store, so that deciding, writing
    // and applying the result happen as one step: a reconnect never overtakes the closing of
    // the interval it would have continued. Never taken while mutex_ is held.
    std::mutex write_mutex_;
    mutable std::mutex mutex_;
    std::map<participant_id, state> people_;  // guarded by mutex_
    timestamp last_heartbeat_{};              // guarded by mutex_
};

}  // namespace bimtek::domain
