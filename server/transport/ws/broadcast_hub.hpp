// The broadcast hub: implements the domain's notifier by fanning each committed update out to
// the live connections of its event.
//
// Each update is serialized at most twice (its full and its public view; once when both are
// the same) into immutable shared strings; every connection gets a pointer to the one meant for
// it. The subscriber lock is held only to copy the subscriber list, never while handing frames
// to connections, and connections send on their own strands.
//
// Thread-safe. publish() is called by the store with its writer lock held, one update at a
// time in seq order, so every connection receives an event's updates in seq order.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/domain/ids.hpp"
#include "server/domain/notifier.hpp"
#include "server/domain/principal.hpp"

namespace bimtek::transport {

using frame_ptr = std::shared_ptr<std::string const>;

// What the hub needs of a live connection.
class stream_subscriber {
public:
    virtual ~stream_subscriber() = default;
    // Takes update "seq" serialized as "frame". Called from any thread; must not block.
    virtual void deliver(std::int64_t seq, frame_ptr const& frame) = 0;
};

class broadcast_hub final : public domain::notifier {
public:
    // Who a subscriber is, which decides the view it gets (see stream_service::view_for).
    struct viewer {
        domain::role role = domain::role::participant;
        std::int64_t subject = 0;
    };

    void subscribe(domain::event_id event, std::weak_ptr<stream_subscriber> s, viewer v);
    void unsubscribe(domain::event_id event, stream_subscriber const* s);

    void publish(domain::stream_update const& u) override;

    std::size_t subscribers(domain::event_id event) const;

private:
    struct entry {
        std::weak_ptr<stream_subscriber> target;
        stream_subscriber const* key;
        viewer who;
    };

    mutable std::mutex mutex_;
    std::unordered_map<domain::event_id, std::vector<entry>> channels_;  // guarded by mutex_
};

}  // namespace bimtek::transport
