// Where the client stands in an event's update stream (docs/protocol.md): the last seq it has
// applied and the epoch it belongs to. It builds the hello of each (re)connection and decides,
// message by message, what to do, so that across reconnections and server restarts every update
// is applied exactly once and in order. Pure logic; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "shared/protocol/messages.hpp"

namespace bimtek::client::live {

class stream_cursor {
public:
    // Starting without a position (live updates from the welcome on), or after "since".
    stream_cursor() = default;
    stream_cursor(std::optional<std::int64_t> since, std::optional<std::string> epoch)
        : last_seq_(since), epoch_(std::move(epoch)) {}

    protocol::hello hello(std::string token, std::optional<std::int64_t> event_id) const;

    // True when the client must load its state over HTTP (it had no position yet).
    bool on_welcome(protocol::welcome const& w);

    enum class verdict {
        apply,      // the next one: show it (the cursor has moved past it)
        duplicate,  // seen already: ignore
        gap         // something is missing: reconnect with since (the server replays it)
    };
    verdict on_update(protocol::update const& u);

    // True when the client must reload its state over HTTP and continue from the welcome's seq;
    // false for "slow_consumer" (the server closes; reconnecting with since repairs it).
    bool on_resync(protocol::resync const& r);

    std::optional<std::int64_t> last_seq() const { return last_seq_; }
    std::optional<std::string> const& epoch() const { return epoch_; }

private:
    std::optional<std::int64_t> last_seq_;
    std::optional<std::string> epoch_;
    std::int64_t welcome_seq_ = 0;
    std::string welcome_epoch_;
};

}  // namespace bimtek::client::live
