#include "server/transport/ws/ws_connection.hpp"

#include <iostream>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket.hpp>

#include "shared/time/iso8601.hpp"

namespace bimtek::transport {
namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

frame_ptr make_frame(std::string text) { return std::make_shared<std::string const>(std::move(text)); }

std::string now_iso() {
    return format_iso8601(std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()));
}

bool quiet_error(beast::error_code const& ec) {
    return ec == net::error::operation_aborted || ec == websocket::error::closed || ec == net::error::eof ||
           ec == net::error::connection_reset || ec == net::error::broken_pipe || ec == beast::error::timeout ||
           ec == net::error::not_connected || ec == net::error::bad_descriptor;
}

}  // namespace

ws_connection::ws_connection(tcp::socket&& socket, ws_context const& ctx)
    : ws_(std::move(socket)), timer_(ws_.get_executor()), ctx_(ctx) {}

ws_connection::~ws_connection() {
    if (subscribed_) ctx_.hub->unsubscribe(event_, this);
    if (counted_present_) ctx_.presence->disconnected(who_->subject);
    if (registry_id_) ctx_.connections->remove(registry_id_);
}

void ws_connection::run(upgrade_request req) {
    registry_id_ = ctx_.connections->add(weak_from_this());
    if (registry_id_ == 0) return hard_close();  // the server is stopping
    // Beast's timeouts for servers: a handshake limit, and pings on a quiet connection that
    // close it when the peer stops answering.
    beast::get_lowest_layer(ws_).expires_never();
    beast::error_code ignored;
    beast::get_lowest_layer(ws_).socket().set_option(net::socket_base::send_buffer_size(ctx_.socket_send_buffer), ignored);
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(http::field::server, "bimtek"); }));
    ws_.read_message_max(protocol::max_message_bytes);
    ws_.auto_fragment(false);
    ws_.text(true);
    ws_.async_accept(req, beast::bind_front_handler(&ws_connection::on_accept, shared_from_this()));
}

void ws_connection::on_accept(beast::error_code ec) {
    if (ec) return fail(ec, "accept");
    phase_ = phase::awaiting_hello;
    timer_.expires_after(ctx_.hello_timeout);
    timer_.async_wait([self = shared_from_this()](beast::error_code tec) {
        if (tec || self->phase_ != phase::awaiting_hello) return;
        self->send_text(protocol::encode(protocol::error{"hello_timeout", "no hello within the time allowed"}));
        self->close_after_queue(websocket::close_code::policy_error, "hello timeout");
    });
    do_read();
}

void ws_connection::do_read() {
    ws_.async_read(buffer_, beast::bind_front_handler(&ws_connection::on_read, shared_from_this()));
}

void ws_connection::on_read(beast::error_code ec, std::size_t) {
    if (ec) {
        // Beast has already answered an oversized frame with close code 1009.
        if (!quiet_error(ec) && ec != websocket::error::message_too_big) fail(ec, "read");
        return hard_close();
    }
    std::string_view text(static_cast<char const*>(buffer_.data().data()), buffer_.size());
    auto decoded = protocol::decode_client_message(text);
    buffer_.consume(buffer_.size());
    if (auto* bad = std::get_if<protocol::decode_error>(&decoded)) {
        send_text(protocol::encode(protocol::error{bad->code, bad->message}));
        if (phase_ == phase::awaiting_hello) return close_after_queue(websocket::close_code::policy_error, "expected hello");
        return do_read();
    }
    auto& message = std::get<protocol::client_message>(decoded);
    if (std::holds_alternative<protocol::ping>(message)) {
        send_text(protocol::encode(protocol::pong{}));
    } else if (phase_ == phase::awaiting_hello) {
        on_hello(std::get<protocol::hello>(message));
    } else {
        send_text(protocol::encode(protocol::error{"invalid_message", "hello was already received"}));
    }
    if (phase_ != phase::closing && phase_ != phase::closed) do_read();
}

void ws_connection::on_hello(protocol::hello const& h) {
    timer_.cancel();
    auto refuse = [this](std::string code, std::string message) {
        send_text(protocol::encode(protocol::error{std::move(code), std::move(message)}));
        close_after_queue(websocket::close_code::policy_error, "refused");
    };
    auto who = ctx_.auth->authenticate(h.token);
    if (!who) return refuse("unauthorized", who.error().message);

    // Find the event, then subscribe before reading where the stream stands: an update
    // committed from now on is either in the replay below or delivered live (or both, and the
    // duplicate is dropped by seq).
    auto probe = ctx_.stream->start(*who, h.event_id, std::nullopt, std::nullopt);
    if (!probe) return refuse(probe.error().kind == domain::error_kind::forbidden ? "forbidden" : probe.error().code,
                              probe.error().message);
    // The viewer as this event knows it: a coordinator account on the event's staff as a
    // speaker is a speaker here, and sees what a speaker sees.
    who_ = *who;
    who_->role = probe->role;
    event_ = probe->event;
    phase_ = phase::joining;
    ctx_.hub->subscribe(event_, std::weak_ptr<stream_subscriber>(shared_from_this()), {who_->role, who_->subject});
    subscribed_ = true;

    auto start = ctx_.stream->start(*who, event_, h.since, h.epoch);
    if (!start) return refuse("unavailable", start.error().message);
    send_text(protocol::encode(protocol::welcome{event_, std::string(domain::to_string(who_->role)), start->latest_seq,
                                                 start->epoch, who_->subject, now_iso()}));
    last_seq_ = start->latest_seq;
    if (start->resync) {
        send_text(protocol::encode(protocol::resync{*start->resync, start->latest_seq}));
    } else {
        for (auto const& u : start->replay) {
            auto const& data =
                domain::stream_service::view_for(*who_, u) == domain::update_view::full ? u.full_data : u.public_data;
            send(make_frame(protocol::encode_update(u.seq, u.kind, format_iso8601(u.at), data)));
        }
    }
    phase_ = phase::live;
    if (who_->is_participant()) {
        counted_present_ = true;
        if (auto st = ctx_.presence->connected(who_->subject); !st)
            std::cerr << "bimtek-server: presence: " << st.error().message << "\n";
    }
}

void ws_connection::deliver(std::int64_t seq, frame_ptr const& frame) {
    net::post(ws_.get_executor(), [self = shared_from_this(), seq, frame] { self->on_live(seq, frame); });
}

void ws_connection::on_live(std::int64_t seq, frame_ptr frame) {
    // Deliveries posted while the hello was handled arrive after it: anything the welcome's seq
    // or the replay already covered is dropped here.
    if (phase_ != phase::live || seq <= last_seq_) return;
    last_seq_ = seq;
    send(std::move(frame));
}

void ws_connection::send(frame_ptr frame) {
    if (phase_ == phase::closing || phase_ == phase::closed) return;
    if (queue_.size() >= ctx_.max_queue) return overflow();
    queue_.push_back(std::move(frame));
    if (!writing_) do_write();
}

void ws_connection::send_text(std::string text) {
    if (phase_ == phase::closed) return;
    queue_.push_back(make_frame(std::move(text)));
    if (!writing_) do_write();
}

void ws_connection::do_write() {
    if (queue_.empty()) {
        writing_ = false;
        if (close_after_) do_close();
        return;
    }
    writing_ = true;
    ws_.async_write(net::buffer(*queue_.front()), beast::bind_front_handler(&ws_connection::on_write, shared_from_this()));
}

void ws_connection::on_write(beast::error_code ec, std::size_t) {
    if (ec) {
        writing_ = false;
        if (!quiet_error(ec)) fail(ec, "write");
        return hard_close();
    }
    queue_.pop_front();
    do_write();
}

// The client does not keep up: drop what it has not been sent, tell it to resync, close.
void ws_connection::overflow() {
    while (queue_.size() > (writing_ ? 1u : 0u)) queue_.pop_back();
    send_text(protocol::encode(protocol::resync{"slow_consumer", last_seq_}));
    close_after_queue(websocket::close_code::try_again_later, "slow consumer");
}

void ws_connection::close_after_queue(websocket::close_code code, std::string reason) {
    if (phase_ == phase::closing || phase_ == phase::closed) return;
    phase_ = phase::closing;
    close_after_ = websocket::close_reason(code, reason);
    // If the client does not take the last frames and the close, cut it off.
    timer_.expires_after(ctx_.slow_close_timeout);
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
        if (!ec) self->hard_close();
    });
    if (!writing_) do_write();
}

void ws_connection::do_close() {
    auto reason = *close_after_;
    ws_.async_close(reason, [self = shared_from_this()](beast::error_code ec) {
        if (ec && !quiet_error(ec)) self->fail(ec, "close");
        // The pending read completes with "closed" once the peer answers; the timer bounds it.
    });
}

void ws_connection::hard_close() {
    if (phase_ == phase::closed) return;
    phase_ = phase::closed;
    timer_.cancel();
    beast::error_code ec;
    beast::get_lowest_layer(ws_).socket().shutdown(tcp::socket::shutdown_both, ec);
    beast::get_lowest_layer(ws_).close();
    queue_.clear();
}

void ws_connection::shutdown() {
    net::post(ws_.get_executor(), [self = shared_from_this()] {
        if (self->phase_ == phase::handshake || self->phase_ == phase::awaiting_hello) return self->hard_close();
        self->close_after_queue(websocket::close_code::going_away, "server stopping");
    });
}

void ws_connection::fail(beast::error_code ec, char const* what) {
    if (quiet_error(ec)) return;
    std::cerr << "bimtek-server: ws " << what << ": " << ec.message() << "\n";
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
        std::make_shared<ws_connection>(std::move(socket), ctx)->run(std::move(req));
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
        beast::error_code ignored;
        r->socket.shutdown(tcp::socket::shutdown_both, ignored);
        r->socket.close(ignored);
    });
}

}  // namespace bimtek::transport
