// The broadcast hub: implements the domain's notifier by fanning each committed update out to
// the live connections of its event.
//
// Each update is framed once per view (its full and its public view; once when they are the
// same): WebSocket header and JSON in one immutable buffer that every connection writes as is.
// Connections live on the threads of the io_pool; each thread has a stream_shard holding the
// connections that live there, touched only on that thread. publish() posts one job per thread,
// and each thread hands the frames to its own connections, without any lock.
//
// publish() is called by the store with its writer lock held, one update at a time in seq order;
// posts to one thread run in the order they were made, so every connection receives an event's
// updates in seq order.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "server/domain/ids.hpp"
#include "server/domain/notifier.hpp"
#include "server/domain/principal.hpp"
#include "server/transport/io_pool.hpp"

namespace bimtek::transport {

using frame_ptr = std::shared_ptr<std::string const>;

// An update ready to send: both views framed.
struct prepared_update {
    domain::event_id event = 0;
    std::int64_t seq = 0;
    std::optional<domain::user_id> speaker;  // the update's session's speaker: sees the full view
    frame_ptr full;
    frame_ptr public_view;  // the same pointer as "full" when both views are equal

    // The frame for a viewer with "role" and "subject" (see stream_service::view_for).
    frame_ptr const& for_viewer(domain::role role, std::int64_t subject) const {
        bool full_view = role == domain::role::coordinator || (role == domain::role::speaker && speaker == subject);
        return full_view ? full : public_view;
    }
};

// What a shard needs of a live connection. Called only on the connection's own thread.
class shard_member {
public:
    virtual ~shard_member() = default;
    virtual void on_live(prepared_update const& u) = 0;
    // Time-based duties: hello deadline, keep-alive pings, idle and close timeouts.
    virtual void sweep(std::chrono::steady_clock::time_point now) = 0;
};

// The live connections of one io thread. Every member is to be called on that thread only.
class stream_shard {
public:
    explicit stream_shard(boost::asio::io_context& ctx);

    boost::asio::io_context& context() { return ctx_; }

    void join(shard_member* m);  // for sweeps, from the first byte on
    void leave(shard_member* m);
    void subscribe(domain::event_id event, shard_member* m);
    void unsubscribe(domain::event_id event, shard_member* m);
    void deliver(prepared_update const& u);

    // Sweeps every member once a second until stop_sweeping().
    void start_sweeping();
    void stop_sweeping();

private:
    void schedule_sweep();

    boost::asio::io_context& ctx_;
    std::unordered_map<domain::event_id, std::vector<shard_member*>> subscribers_;
    std::vector<shard_member*> members_;
    std::unique_ptr<boost::asio::steady_timer> sweep_timer_;
};

class broadcast_hub final : public domain::notifier {
public:
    explicit broadcast_hub(io_pool& pool);

    // The shard of the thread that runs "ctx".
    stream_shard& shard_for(boost::asio::execution_context const& ctx);

    void publish(domain::stream_update const& u) override;

    // Starts and ends the shards' sweeps, each on its own thread (graceful start and stop).
    void start_sweeping();
    void stop_sweeping();
    // Destroys the sweep timers from the calling thread: only while no pool thread runs, before
    // the pool is destroyed.
    void drop_timers();

private:
    io_pool& pool_;
    std::vector<std::unique_ptr<stream_shard>> shards_;  // one per pool context, same order
};

}  // namespace bimtek::transport
