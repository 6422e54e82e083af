// The server's I/O threads: one io_context per thread, each run by exactly one thread.
//
// Every connection is accepted onto one of them and lives there: its handlers all run on that
// one thread, so a connection needs no strand and no lock, and a broadcast to the live stream
// costs one post per thread instead of one per connection (see broadcast_hub). This is the
// per-thread event loop of uWebSockets and of the floor server, with Asio.
//
// Thread-safe: next() and context() may be called from any thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

namespace bimtek::transport {

class io_pool {
public:
    explicit io_pool(std::size_t threads);
    ~io_pool();
    io_pool(io_pool const&) = delete;
    io_pool& operator=(io_pool const&) = delete;

    std::size_t size() const { return contexts_.size(); }
    boost::asio::io_context& context(std::size_t index) { return *contexts_[index]; }
    // The context for a new connection, round-robin.
    boost::asio::io_context& next();
    // The index of the context "ctx" (it must be one of ours).
    std::size_t index_of(boost::asio::execution_context const& ctx) const;

    // Runs every context, one on the calling thread and the others on threads of their own,
    // until release() was called and all of them ran out of work (or stop() was called); then
    // joins.
    void run();
    // Lets the threads end once their work is done (graceful shutdown). Thread-safe.
    void release();
    // Stops every context now: pending handlers are not run.
    void stop();

private:
    using work_guard = boost::asio::executor_work_guard<boost::asio::io_context::executor_type>;

    std::vector<std::unique_ptr<boost::asio::io_context>> contexts_;
    std::vector<work_guard> guards_;  // keep idle threads running until release()
    std::atomic<std::size_t> next_{0};
};

}  // namespace bimtek::transport
