#include "server/transport/ws/ws_connection.hpp"

#include <algorithm>
#include <array>
#include <iostream>

#include <boost/asio/post.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "shared/time/iso8601.hpp"

namespace bimtek::transport {
namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// RFC 6455 close codes.
constexpr std::uint16_t close_normal = 1000;
constexpr std::uint16_t close_going_away = 1001;
constexpr std::uint16_t close_policy = 1008;
constexpr std::uint16_t close_try_again_later = 1013;

frame_ptr text_frame(std::string const& text) {
    return std::make_shared<std::string const>(encode_server_frame(op_text, text));
}

std::string now_iso() {
    return format_iso8601(std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()));
}

bool would_block(boost::system::error_code const& ec) {
    return ec == net::error::would_block || ec == net::error::try_again;
}

// The Beast stream that performs the handshake; the connection takes the socket back after it.
struct handshake {
    explicit handshake(tcp::socket&& s) : ws(std::move(s)) {}
    websocket::stream<tcp::socket> ws;
};

}  // namespace

ws_connection::ws_connection(tcp::socket&& socket, ws_context const& ctx, stream_shard& shard)
    : socket_(std::move(socket)), ctx_(ctx), shard_(shard), parser_(ctx.max_message) {}

ws_connection::~ws_connection() {
    if (subscribed_) shard_.unsubscribe(event_, this);
    shard_.leave(this);
    if (counted_present_) ctx_.presence->disconnected(who_->subject);
    if (registry_id_) ctx_.connections->remove(registry_id_);
}

void ws_connection::run(upgrade_request req) {
    shard_.join(this);
    registry_id_ = ctx_.connections->add(weak_from_this());
    if (registry_id_ == 0) return hard_close();  // the server is stopping
    auto hs = std::make_shared<handshake>(std::move(socket_));
    hs->ws.set_option(websocket::stream_base::timeout{ctx_.handshake_timeout, websocket::stream_base::none(), false});
    hs->ws.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(http::field::server, "bimtek"); }));
    hs->ws.async_accept(req, [self = shared_from_this(), hs](beast::error_code ec) {
        if (ec) return;  // the connection ends with this handler
        self->socket_ = std::move(hs->ws.next_layer());
        self->on_accepted();
    });
}

void ws_connection::on_accepted() {
    boost::system::error_code ec;
    socket_.non_blocking(true, ec);
    socket_.set_option(tcp::no_delay(true), ec);
    socket_.set_option(net::socket_base::send_buffer_size(ctx_.socket_send_buffer), ec);
    auto now = clock::now();
    phase_ = phase::awaiting_hello;
    deadline_ = now + ctx_.hello_timeout;
    last_heard_ = now;
    do_read();
}

void ws_connection::do_read() {
    socket_.async_wait(tcp::socket::wait_read,
                       [self = shared_from_this()](boost::system::error_code ec) { self->on_readable(ec); });
}

void ws_connection::on_readable(boost::system::error_code ec) {
    if (phase_ == phase::closed) return;
    if (ec) return hard_close();
    // Read what is there into this thread's buffer; the parser keeps only partial frames.
    thread_local std::array<char, 16 * 1024> buffer;
    for (int rounds = 0; rounds < 8; ++rounds) {
        std::size_t n = socket_.read_some(net::buffer(buffer), ec);
        if (would_block(ec)) break;
        if (ec) return hard_close();  // end of stream or reset: a dropped phone
        parser_.feed(std::string_view(buffer.data(), n));
        last_heard_ = clock::now();
        ping_sent_ = false;
        if (n < buffer.size()) break;
    }
    for (;;) {
        auto event = parser_.next();
        if (event == frame_parser::event_kind::need_more) break;
        switch (event) {
            case frame_parser::event_kind::text:
                on_message(parser_.payload());
                break;
            case frame_parser::event_kind::ping:
                send(std::make_shared<std::string const>(encode_server_frame(op_pong, parser_.payload())));
                break;
            case frame_parser::event_kind::pong:
            case frame_parser::event_kind::need_more:
                break;
            case frame_parser::event_kind::close:
                if (phase_ == phase::closing) return hard_close();  // the answer to our close
                // Answer the peer's close with its code, then end.
                close_with(parser_.close_code() == 1005 ? close_normal : parser_.close_code(), {}, false);
                return;
            case frame_parser::event_kind::failure:
                close_with(parser_.close_code(), "protocol error", false);
                return;
        }
        if (phase_ == phase::closed) return;
    }
    do_read();
}

void ws_connection::on_message(std::string const& text) {
    if (phase_ == phase::closing) return;  // the peer is still talking while we close: ignore it
    auto decoded = protocol::decode_client_message(text);
    if (auto* bad = std::get_if<protocol::decode_error>(&decoded)) {
        send_text(protocol::encode(protocol::error{bad->code, bad->message}));
        if (phase_ == phase::awaiting_hello) close_with(close_policy, "expected hello", true);
        return;
    }
    auto& message = std::get<protocol::client_message>(decoded);
    if (std::holds_alternative<protocol::ping>(message))
        send_text(protocol::encode(protocol::pong{}));
    else if (phase_ == phase::awaiting_hello)
        on_hello(std::get<protocol::hello>(message));
    else
        send_text(protocol::encode(protocol::error{"invalid_message", "hello was already received"}));
}

void ws_connection::on_hello(protocol::hello const& h) {
    auto refuse = [this](std::string code, std::string message) {
        send_text(protocol::encode(protocol::error{std::move(code), std::move(message)}));
        close_with(close_policy, "refused", true);
    };
    auto who = ctx_.auth->authenticate(h.token);
    if (!who) return refuse("unauthorized", who.error().message);

    auto refused = [&](domain::error const& e) {
        refuse(e.kind == domain::error_kind::forbidden ? "forbidden" : e.code, e.message);
    };
    // Subscribe before reading where the stream stands: an update committed from then on is
    // either in the replay below or delivered live (or both, and the duplicate is dropped by
    // seq). A participant's event is known; staff may first have to find theirs.
    std::optional<domain::event_id> event = who->is_participant() ? who->event : std::nullopt;
    if (who->is_participant() && h.event_id && h.event_id != who->event)
        return refuse("forbidden", "participants follow their own event only");
    if (!event) {
        auto probe = ctx_.stream->start(*who, h.event_id, std::nullopt, std::nullopt);
        if (!probe) return refused(probe.error());
        event = probe->event;
    }
    shard_.subscribe(*event, this);
    event_ = *event;
    subscribed_ = true;

    auto start = ctx_.stream->start(*who, event_, h.since, h.epoch);
    if (!start) return refused(start.error());
    // The viewer as this event knows it: a coordinator account on the event's staff as a
    // speaker is a speaker here, and sees what a speaker sees.
    who_ = *who;
    who_->role = start->role;
    phase_ = phase::live;
    send_text(protocol::encode(protocol::welcome{event_, std::string(domain::to_string(who_->role)), start->latest_seq,
                                                 start->epoch, who_->subject, now_iso()}));
    last_seq_ = start->latest_seq;
    if (start->resync) {
        send_text(protocol::encode(protocol::resync{*start->resync, start->latest_seq}));
    } else {
        for (auto const& u : start->replay) {
            auto const& data =
                domain::stream_service::view_for(*who_, u) == domain::update_view::full ? u.full_data : u.public_data;
            send(text_frame(protocol::encode_update(u.seq, u.kind, format_iso8601(u.at), data)));
        }
    }
    if (who_->is_participant()) {
        counted_present_ = true;
        ctx_.presence->connected(who_->subject, event_);
    }
}

void ws_connection::on_live(std::span<prepared_update const* const> run) {
    if (phase_ != phase::live) return;
    std::array<frame_ptr const*, max_frames_per_send> frames;
    std::size_t k = 0;
    for (prepared_update const* u : run) {
        // Updates delivered after the welcome's seq was read but committed before it are
        // dropped here: the welcome or the replay covered them.
        if (u->seq <= last_seq_) continue;
        last_seq_ = u->seq;
        frames[k++] = &u->for_viewer(who_->role, who_->subject);
        if (k == frames.size()) {
            send_all({frames.data(), k});
            if (phase_ != phase::live) return;
            k = 0;
        }
    }
    if (k == 1) send(*frames[0]);  // the quiet stream's case: one frame, one send()
    else if (k > 1) send_all({frames.data(), k});
}

void ws_connection::send_all(std::span<frame_ptr const* const> frames) {
    if (phase_ == phase::closed) return;
    if (!queue_.empty()) {
        // Behind what is queued, within the bound; nothing after an overflow's close frame.
        for (std::size_t i = 0; i < frames.size() && phase_ == phase::live; ++i) send(*frames[i]);
        return;
    }
    std::array<net::const_buffer, max_frames_per_send> buffers;
    std::size_t k = std::min(frames.size(), buffers.size());
    for (std::size_t i = 0; i < k; ++i) buffers[i] = net::buffer(**frames[i]);
    boost::system::error_code ec;
    std::size_t n = socket_.send(std::span<net::const_buffer const>(buffers.data(), k), 0, ec);
    if (ec && !would_block(ec)) return hard_close();
    if (ec) n = 0;
    // Skip what went out whole; queue the rest, the first possibly in part.
    std::size_t i = 0;
    while (i < frames.size() && i < k && n >= (*frames[i])->size()) n -= (*frames[i++])->size();
    if (i == frames.size()) return;
    queue_.push_back(*frames[i++]);
    sent_of_front_ = n;
    for (; i < frames.size() && phase_ == phase::live; ++i) send(*frames[i]);  // queued behind it
    wait_writable();
}

void ws_connection::send(frame_ptr const& frame) {
    if (phase_ == phase::closed) return;
    if (!queue_.empty()) {
        if (queue_.size() >= ctx_.max_queue) return overflow();
        queue_.push_back(frame);
        return;
    }
    // The common case: the kernel takes the whole frame now. No allocation, no handler.
    boost::system::error_code ec;
    std::size_t n = socket_.send(net::buffer(*frame), 0, ec);
    if (ec && !would_block(ec)) return hard_close();
    if (!ec && n == frame->size()) return;
    queue_.push_back(frame);
    sent_of_front_ = ec ? 0 : n;
    wait_writable();
}

void ws_connection::send_text(std::string const& text) { send(text_frame(text)); }

void ws_connection::flush() {
    while (!queue_.empty()) {
        auto const& front = *queue_.front();
        boost::system::error_code ec;
        std::size_t n = socket_.send(net::buffer(front.data() + sent_of_front_, front.size() - sent_of_front_), 0, ec);
        if (would_block(ec)) return wait_writable();
        if (ec) return hard_close();
        sent_of_front_ += n;
        if (sent_of_front_ < front.size()) return wait_writable();
        queue_.pop_front();
        sent_of_front_ = 0;
    }
    if (shut_after_queue_) hard_close();
}

void ws_connection::wait_writable() {
    if (waiting_writable_ || phase_ == phase::closed) return;
    waiting_writable_ = true;
    socket_.async_wait(tcp::socket::wait_write, [self = shared_from_this()](boost::system::error_code ec) {
        self->waiting_writable_ = false;
        if (self->phase_ == phase::closed) return;
        if (ec) return self->hard_close();
        self->flush();
    });
}

// The client does not keep up: drop what it has not been sent, tell it to resync, close.
void ws_connection::overflow() {
    while (queue_.size() > (sent_of_front_ > 0 ? 1u : 0u)) queue_.pop_back();
    if (queue_.empty()) sent_of_front_ = 0;
    queue_.push_back(text_frame(protocol::encode(protocol::resync{"slow_consumer", last_seq_})));
    close_with(close_try_again_later, "slow consumer", false);
}

void ws_connection::close_with(std::uint16_t code, std::string_view reason, bool wait_for_peer) {
    if (phase_ == phase::closing || phase_ == phase::closed) return;
    phase_ = phase::closing;
    deadline_ = clock::now() + ctx_.close_timeout;  // the sweep cuts off a peer that does not answer
    shut_after_queue_ = !wait_for_peer;
    bool idle = queue_.empty();
    queue_.push_back(std::make_shared<std::string const>(encode_close_frame(code, reason)));
    if (idle) flush();
}

void ws_connection::hard_close() {
    if (phase_ == phase::closed) return;
    phase_ = phase::closed;
    queue_.clear();
    boost::system::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_both, ec);
    socket_.close(ec);  // pending waits complete with operation_aborted and let go of us
}

void ws_connection::sweep(clock::time_point now) {
    switch (phase_) {
        case phase::awaiting_hello:
            if (now < deadline_) return;
            send_text(protocol::encode(protocol::error{"hello_timeout", "no hello within the time allowed"}));
            return close_with(close_policy, "hello timeout", true);
        case phase::closing:
            if (now >= deadline_) hard_close();
            return;
        case phase::live:
            if (now - last_heard_ >= ctx_.idle_timeout) return hard_close();
            if (!ping_sent_ && now - last_heard_ >= ctx_.idle_timeout / 2) {
                ping_sent_ = true;
                send(std::make_shared<std::string const>(encode_server_frame(op_ping, {})));
            }
            return;
        case phase::handshake:
        case phase::closed:
            return;
    }
}

void ws_connection::shutdown() {
    net::post(socket_.get_executor(), [self = shared_from_this()] {
        if (self->phase_ == phase::live) return self->close_with(close_going_away, "server stopping", true);
        if (self->phase_ != phase::closing) self->hard_close();
    });
}

bool origin_allowed(std::string_view origin, std::string_view host, std::vector<std::string> const& allowed) {
    if (origin.empty()) return true;
    for (auto const& a : allowed)
        if (origin == a) return true;
    for (std::string_view scheme : {"http://", "https://"})
        if (origin.size() == scheme.size() + host.size() && origin.substr(0, scheme.size()) == scheme &&
            origin.substr(scheme.size()) == host)
            return true;
    return false;
}

void accept_ws_upgrade(ws_context const& ctx, tcp::socket&& socket, upgrade_request&& req) {
    std::string_view origin = req[http::field::origin];
    std::string_view host = req[http::field::host];
    if (origin_allowed(origin, host, ctx.allowed_origins)) {
        auto& shard = ctx.hub->shard_for(net::query(socket.get_executor(), net::execution::context));
        std::make_shared<ws_connection>(std::move(socket), ctx, shard)->run(std::move(req));
        return;
    }
    // A page of another site must not open a stream with a visitor's token: 403, then close.
    struct refusal {
        tcp::socket socket;
        http::response<http::string_body> res;
    };
    auto r = std::make_shared<refusal>(refusal{std::move(socket), {http::status::forbidden, req.version()}});
    r->res.set(http::field::server, "bimtek");
    r->res.set(http::field::content_type, "application/json");
    r->res.keep_alive(false);
    r->res.body() = R"({"error":{"code":"forbidden_origin","message":"this origin may not open the live stream"}})";
    r->res.prepare_payload();
    http::async_write(r->socket, r->res, [r](beast::error_code, std::size_t) {
        boost::system::error_code ignored;
        r->socket.shutdown(tcp::socket::shutdown_both, ignored);
        r->socket.close(ignored);
    });
}

}  // namespace bimtek::transport
