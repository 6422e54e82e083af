// Accepts TCP connections and starts an http_connection for each on the next thread of the
// io_pool, where it stays. Runs on the pool's first thread; owned by shared_ptrs bound into its
// handlers; stop() may be called from any thread.
#pragma once

#include <memory>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>

#include "server/transport/http/http_context.hpp"
#include "server/transport/io_pool.hpp"

namespace bimtek::transport {

class listener : public std::enable_shared_from_this<listener> {
public:
    // Binds and listens; throws boost::system::system_error when the address cannot be used.
    // "pool" and "ctx" must outlive the listener and every connection it starts.
    listener(io_pool& pool, boost::asio::ip::tcp::endpoint endpoint, http_context const& ctx);

    boost::asio::ip::tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }
    void run();
    void stop();

private:
    void do_accept();
    void on_accept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);

    io_pool& pool_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer retry_timer_;  // backs off when out of file descriptors
    http_context const& ctx_;
};

}  // namespace bimtek::transport
