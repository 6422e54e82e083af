// Who is following online right now, and the presence intervals behind attendance minutes.
//
// The transport reports each authenticated live connection of a participant (connected /
// disconnected). A participant is present while at least one of its connections is open: a
// second tab changes nothing. When the last one closes, the participant stays present for a
// grace window (see presence_policy); reconnecting within it continues the same interval, so a
// flaky mobile connection does not split attendance.
//
// Arrivals and departures are written in batches by flush(), which the server calls a few
// times a second: one transaction opens the new intervals (at the moment each participant
// connected), closes those whose grace window passed (at the moment of the disconnection), and
// appends at most one "presence.join" and one "presence.leave" per event, naming the people.
// Everyone connected receives every update, so one update per arrival would cost N² frames
// while N people connect; batching keeps it to a few per second.
//
// flush() also records, every heartbeat period, the time connected participants were last
// seen, so that recover() — at start-up — can close intervals left open by a crash at the last
// time each participant was known to be there.
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
    std::size_t max_listed = 500;        // participants named in one presence update (the rest counted)
};

class presence_service {
public:
    presence_service(store& s, clock const& k, presence_policy policy = {});

    // Closes intervals a crash left open (at their last_seen_at). Call once before serving.
    result<int> recover();

    // A connection of participant "p" of "event" was authenticated / closed. Only memory is
    // touched; flush() writes. Call disconnected() once for each connected(), after it.
    void connected(participant_id p, event_id event);
    void disconnected(participant_id p);

    // Writes the arrivals and the departures whose grace window passed, with their updates, and
    // refreshes last_seen_at when due. On a storage error nothing is lost: the same work is
    // tried again by the next flush().
    status flush();

    // Connected, or within the grace window after the last connection closed.
    bool present(participant_id p) const;
    // Participants of "event" present() now. Unlike presence_repository::count_online_present
    // it does not leave out people who are also checked in on site.
    int online_now(event_id event) const;

private:
    struct state {
        event_id event = 0;
        presence_id interval = 0;  // 0 until flush() opened it
        timestamp joined_at{};
        int connections = 0;
        std::optional<timestamp> left_at;  // set while in the grace window
    };

    store& store_;
    clock const& clock_;
    presence_policy policy_;

    // Serializes flush() and recover(): one batch is decided, written and applied at a time.
    // Never taken while mutex_ is held.
    std::mutex write_mutex_;
    mutable std::mutex mutex_;
    std::map<participant_id, state> people_;  // guarded by mutex_
    timestamp last_heartbeat_{};              // guarded by mutex_
};

}  // namespace bimtek::domain
