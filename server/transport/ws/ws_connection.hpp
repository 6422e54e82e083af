// One live-stream connection (/ws, see docs/protocol.md): the hello, the welcome and the
// replay, then live updates from the broadcast hub, in seq order, without gaps or duplicates.
//
// Lifetime: owned by the shared_ptrs bound into its pending handlers; the hub and the registry
// hold weak references. All of its state lives on the strand of its socket; deliver() and
// shutdown() are the only members called from other threads, and both post onto that strand.
//
// The send queue is bounded (ws_context::max_queue): a client that stops reading is told to
// resync and closed when it passes the bound, and its socket is shut if it does not take even
// that within ws_context::slow_close_timeout. It never grows the server's memory or slows the
// others down.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "server/domain/principal.hpp"
#include "server/transport/http/connection_registry.hpp"
#include "server/transport/http/http_context.hpp"
#include "server/transport/ws/broadcast_hub.hpp"
#include "server/transport/ws/ws_context.hpp"
#include "shared/protocol/messages.hpp"

namespace bimtek::transport {

class ws_connection : public stream_subscriber, public closable, public std::enable_shared_from_this<ws_connection> {
public:
    // "ctx" must outlive the connection.
    ws_connection(boost::asio::ip::tcp::socket&& socket, ws_context const& ctx);
    ~ws_connection() override;

    // Completes the WebSocket handshake for "req" and starts the protocol.
    void run(upgrade_request req);

    void deliver(std::int64_t seq, frame_ptr const& frame) override;
    void shutdown() override;

private:
    enum class phase { handshake, awaiting_hello, joining, live, closing, closed };

    void on_accept(boost::beast::error_code ec);
    void do_read();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void on_hello(protocol::hello const& h);
    void on_live(std::int64_t seq, frame_ptr frame);
    void send(frame_ptr frame);
    void send_text(std::string text);
    void do_write();
    void on_write(boost::beast::error_code ec, std::size_t bytes);
    void overflow();
    void close_after_queue(boost::beast::websocket::close_code code, std::string reason);
    void do_close();
    void hard_close();
    void leave();
    void fail(boost::beast::error_code ec, char const* what);

    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    boost::beast::flat_buffer buffer_;
    boost::asio::steady_timer timer_;  // hello timeout, then the slow-consumer deadline
    ws_context const& ctx_;
    std::uint64_t registry_id_ = 0;

    phase phase_ = phase::handshake;
    std::optional<domain::principal> who_;
    domain::event_id event_ = 0;
    bool subscribed_ = false;
    bool counted_present_ = false;  // presence.connected() was reported

    std::deque<frame_ptr> queue_;    // front() is being written while writing_
    bool writing_ = false;
    std::int64_t last_seq_ = 0;      // the last update queued for the client
    std::vector<std::pair<std::int64_t, frame_ptr>> held_;  // live updates that came while joining
    std::optional<boost::beast::websocket::close_reason> close_after_;  // close once queue_ drains
};

// Handles an upgrade request to /ws: refuses a foreign Origin with 403, otherwise starts a
// ws_connection. Called on the socket's strand (an http_context::ws_upgrade_handler).
void accept_ws_upgrade(ws_context const& ctx, boost::asio::ip::tcp::socket&& socket, upgrade_request&& req);

// True when "origin" may open /ws on a server reached as "host": no Origin at all (not a
// browser), the server's own origin, or one of "allowed".
bool origin_allowed(std::string_view origin, std::string_view host, std::vector<std::string> const& allowed);

}  // namespace bimtek::transport
