// Follows an event's live stream over a ws_transport: hello, welcome, replay, live updates,
// keep-alive pings, and reconnection with "since"/"epoch" after any drop (back-off 0.5 s to
// 5 s), so what it hands on is every update exactly once, in seq order. Runs on the caller's
// thread until the sink asks it to stop or the server refuses the token.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "client/live/backoff.hpp"
#include "client/live/stream_cursor.hpp"
#include "client/net/ws_transport.hpp"
#include "shared/protocol/messages.hpp"

namespace bimtek::client::live {

enum class link_state { connecting, connected, reconnecting };

// What the follower reports; all calls come from the thread that called run().
class follower_sink {
public:
    virtual ~follower_sink() = default;
    // A connection was welcomed; "reload": load the state over HTTP (there was no position).
    virtual void welcomed(protocol::welcome const& w, bool reload) = 0;
    // The server could not replay (gap too large, epoch changed, ...): reload the state.
    virtual void resynced(protocol::resync const& r) = 0;
    // The next update, never one twice; "frame" is the message exactly as the server sent it.
    // false stops the follower.
    virtual bool updated(protocol::update const& u, std::string const& frame) = 0;
    virtual void link_changed(link_state s, net::link_fault const& why) = 0;
    // Called at least every tick while nothing else happens; false stops the follower.
    virtual bool tick() = 0;
};

// Time for the follower, so tests can run it without waiting.
class follower_clock {
public:
    virtual ~follower_clock() = default;
    virtual std::chrono::steady_clock::time_point now() = 0;
    virtual void sleep(std::chrono::milliseconds d) = 0;
};
follower_clock& steady_follower_clock();

struct follower_options {
    std::string url;  // ws://HOST:PORT/ws
    std::string token;
    std::optional<std::int64_t> event_id;
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds tick{250};
    std::chrono::milliseconds ping_after{20000};     // quiet this long: send {"type":"ping"}
    std::chrono::milliseconds silence_limit{45000};  // nothing at all this long: reconnect
    bool give_up_if_first_fails = true;              // unreachable at the start ends the run
};

enum class follow_end { stopped, unauthorized, unreachable };

class stream_follower {
public:
    // "ws" and "clock" must outlive the follower.
    stream_follower(net::ws_transport& ws, follower_clock& clock, follower_options o,
                    stream_cursor cursor = {}, backoff b = backoff{});

    follow_end run(follower_sink& sink);
    stream_cursor const& cursor() const { return cursor_; }
    // Why the last connection failed or ended; after follow_end::unauthorized, the server's
    // error ("code: message") as "other".
    net::link_fault const& last_fault() const { return last_fault_; }

private:
    // Waits "d" in ticks; false when the sink asked to stop.
    bool pause(follower_sink& sink, std::chrono::milliseconds d);

    net::ws_transport& ws_;
    follower_clock& clock_;
    follower_options options_;
    stream_cursor cursor_;
    backoff backoff_;
    net::link_fault last_fault_;
};

}  // namespace bimtek::client::live
