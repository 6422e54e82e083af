// A keep-alive HTTP/1.1 connection from the load generator to the server. Requests are
// pipelined: written as soon as they are queued, at most "max_in_flight" unanswered at a time,
// and answered in order. Responses must carry Content-Length (bimtek's always do).
// Single-threaded: use it only on its io_context's thread. Its pending handlers refer to it, so
// it must outlive them (destroy it after the io_context has stopped running).
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <string_view>

#include "tests/bench/loadgen/net.hpp"

namespace bimtek::loadgen {

struct http_response {
    int status = 0;  // 0 when no response arrived (see "error")
    std::string body;
    std::string error;               // why no response arrived; empty otherwise
    steady::time_point sent_at;      // when the request was handed to the socket
    steady::time_point received_at;  // when the response was complete
};

class http_connection {
public:
    using handler = std::function<void(http_response&&)>;

    http_connection(net::io_context& ioc, server_address const& server, std::size_t max_in_flight);
    http_connection(http_connection const&) = delete;
    http_connection& operator=(http_connection const&) = delete;

    // Queues "METHOD target" with a JSON "body" (none when empty) and, unless "token" is
    // empty, "Authorization: Bearer token". "done" runs on this thread with the response.
    // A connection idle for a while is replaced first, so that a request never races the
    // server closing it (bimtek closes idle keep-alive connections after 60 s).
    void request(std::string_view method, std::string_view target, std::string_view token,
                 std::string_view body, handler done);

    std::size_t outstanding() const { return waiting_.size() + in_flight_.size(); }

private:
    struct pending {
        std::string wire;  // the request as sent
        handler done;
        steady::time_point sent_at;
    };

    void do_connect();
    void on_connect(boost::system::error_code ec);
    void do_write();
    void on_write(boost::system::error_code ec, std::size_t n);
    void do_read();
    void on_read(boost::system::error_code ec, std::size_t n);
    // Completes every response whole in "in_"; false when the stream cannot be read further.
    bool take_responses();
    void fail(std::string const& why);  // fails the requests in flight; reconnects for the rest
    void reset_socket();                // a fresh socket; the old one's handlers become stale

    net::io_context& ioc_;
    server_address server_;
    std::size_t max_in_flight_;
    tcp::socket socket_;
    std::uint64_t generation_ = 0;  // of socket_; captured by its handlers
    enum class state { closed, connecting, open } state_ = state::closed;
    bool writing_ = false;
    bool reading_ = false;
    bool close_after_response_ = false;  // the server said "Connection: close"
    std::deque<pending> waiting_;        // not written yet
    std::deque<pending> in_flight_;      // written (or being written), awaiting their response
    std::string out_;                    // the bytes of the write in progress
    std::string in_;                     // received bytes not yet consumed
    steady::time_point last_active_;     // the last response (or the connect)
};

}  // namespace bimtek::loadgen
