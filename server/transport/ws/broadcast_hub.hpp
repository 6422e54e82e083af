// The broadcast hub: implements the domain's notifier by fanning each committed update out to
// the live connections of its event.
//
// Each update is framed once per view (its full and its public view; once when they are the
// same): WebSocket header and JSON in one immutable buffer that every connection writes as is.
// Connections live on the threads of the io_pool; each thread has a stream_shard holding the
// connections that live there, touched only on that thread. publish() appends the update to
// each shard's pending list and posts a delivery to its thread unless one is already posted;
// the delivery hands everything pending to its own connections, without any lock held, so a
// burst (votes) reaches each connection as several frames in one send().
//
// publish() is called by the store with its writer lock held, one update at a time in seq order;
// pending lists keep that order, so every connection receives an event's updates in seq order.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
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
    // Updates of the member's event, in seq order: everything published since the shard's last
    // delivery (one update when the stream is quiet, a run of them under load).
    virtual void on_live(std::span<prepared_update const* const> run) = 0;
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

    // From any thread: hands "u" to the shard's thread. Updates that arrive while a delivery is
    // already posted join it, so under load each connection gets several frames in one send().
    // The lock guards only the pending list, never a send.
    void enqueue(std::shared_ptr<prepared_update const> u);

    // Sweeps every member once a second until stop_sweeping().
    void start_sweeping();
    void stop_sweeping();

private:
    void schedule_sweep();
    void deliver_pending();
    void deliver(std::span<prepared_update const* const> run);

    boost::asio::io_context& ctx_;
    std::mutex pending_mutex_;
    std::vector<std::shared_ptr<prepared_update const>> pending_;  // guarded by pending_mutex_
    bool delivery_posted_ = false;                                  // guarded by pending_mutex_
    std::vector<std::shared_ptr<prepared_update const>> delivering_;  // shard thread only
    std::vector<prepared_update const*> run_;                         // shard thread only
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
