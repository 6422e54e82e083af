// The domain's outlet for committed updates. The transport's broadcast hub implements it and
// fans each update out to the live connections of its event; another implementation can
// forward to a message broker when several server nodes share one database.
#pragma once

#include "server/domain/stream_update.hpp"

namespace bimtek::domain {

class notifier {
public:
    virtual ~notifier() = default;
    // Called by the store after the transaction that appended "u" committed, in seq order per
    // event, one call at a time (the store's writer lock is held). Must not block: hand the
    // update over and return.
    virtual void publish(stream_update const& u) = 0;
};

// Drops every update: for tools that write without live viewers (add-user, seeding).
class null_notifier final : public notifier {
public:
    void publish(stream_update const&) override {}
};

}  // namespace bimtek::domain
