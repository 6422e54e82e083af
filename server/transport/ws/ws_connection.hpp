// One live-stream connection (/ws, see docs/protocol.md): the hello, the welcome and the
// replay, then live updates from the broadcast hub, in seq order, without gaps or duplicates.
//
// Beast performs the WebSocket handshake; the connection then speaks RFC 6455 on the socket
// itself (frame_parser), so that the hot path — one update to thousands of connections — is a
// direct non-blocking send() of a buffer framed once for everyone, without an allocation or a
// trip through the scheduler. Only when the kernel does not take a frame whole does the
// connection queue it and wait for the socket to become writable.
//
// Lifetime and threads: owned by the shared_ptrs bound into its pending handlers. It lives on
// one thread of the io_pool, with its stream_shard; everything but shutdown() runs there, and
// shutdown() posts there.
//
// The send queue is bounded (ws_context::max_queue): a client that stops reading is told to
// resync and closed when it passes the bound, and its socket is shut if it does not take even
// that within ws_context::close_timeout. It never grows the server's memory or slows the
// others down.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <boost/asio/ip/tcp.hpp>

#include "server/domain/principal.hpp"
#include "server/transport/http/connection_registry.hpp"
#include "server/transport/http/http_context.hpp"
#include "server/transport/ws/broadcast_hub.hpp"
#include "server/transport/ws/frame_parser.hpp"
#include "server/transport/ws/ws_context.hpp"
#include "shared/protocol/messages.hpp"

namespace bimtek::transport {

class ws_connection : public shard_member,
                      public closable,
                      public std::enable_shared_from_this<ws_connection> {
public:
    // "ctx" must outlive the connection; "shard" is the one of the socket's thread.
    ws_connection(boost::asio::ip::tcp::socket&& socket, ws_context const& ctx, stream_shard& shard);
    ~ws_connection() override;

    // Completes the WebSocket handshake for "req" and starts the protocol.
    void run(upgrade_request req);

    void on_live(std::span<prepared_update const* const> run) override;
    void sweep(std::chrono::steady_clock::time_point now) override;
    void shutdown() override;

private:
    enum class phase { handshake, awaiting_hello, live, closing, closed };

    void on_accepted();
    void do_read();
    void on_readable(boost::system::error_code ec);
    void on_message(std::string const& text);
    void on_hello(protocol::hello const& h);
    void send(frame_ptr const& frame);
    // Several frames (at most max_frames_per_send) in one send(), a vectored write; what the
    // kernel does not take is queued.
    static constexpr std::size_t max_frames_per_send = 16;
    void send_all(std::span<frame_ptr const* const> frames);
    void send_text(std::string const& text);
    void flush();
    void wait_writable();
    void overflow();
    void close_with(std::uint16_t code, std::string_view reason, bool wait_for_peer);
    void hard_close();

    boost::asio::ip::tcp::socket socket_;
    ws_context const& ctx_;
    stream_shard& shard_;
    std::uint64_t registry_id_ = 0;
    frame_parser parser_;

    phase phase_ = phase::handshake;
    std::optional<domain::principal> who_;
    domain::event_id event_ = 0;
    bool subscribed_ = false;
    bool counted_present_ = false;  // presence.connected() was reported
    std::int64_t last_seq_ = 0;     // the last update queued for the client

    std::deque<frame_ptr> queue_;   // frames the kernel has not taken yet; front() partly sent
    std::size_t sent_of_front_ = 0;
    bool waiting_writable_ = false;
    bool shut_after_queue_ = false;  // hard-close once the queue has drained (after a failure)

    using clock = std::chrono::steady_clock;
    clock::time_point deadline_{};       // hello deadline, then the closing deadline
    clock::time_point last_heard_{};     // when the peer last sent anything
    bool ping_sent_ = false;
};

// Handles an upgrade request to /ws: refuses a foreign Origin with 403, otherwise starts a
// ws_connection on the socket's thread. Called on the socket's thread.
void accept_ws_upgrade(ws_context const& ctx, boost::asio::ip::tcp::socket&& socket, upgrade_request&& req);

// True when "origin" may open /ws on a server reached as "host": no Origin at all (not a
// browser), the server's own origin, or one of "allowed".
bool origin_allowed(std::string_view origin, std::string_view host, std::vector<std::string> const& allowed);

}  // namespace bimtek::transport
