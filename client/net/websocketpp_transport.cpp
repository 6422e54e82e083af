// net::ws_transport on WebSocket++ 0.8.2 (asio_client config, no TLS). Compiled as C++17: see
// docs/DEVELOPERS.md, "The C++17 note". WebSocket++ runs its io_service on thread_; every call
// that touches a connection is posted onto that thread, and the handlers hand events to the
// caller's thread through events_ (guarded by mutex_).
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include <websocketpp/client.hpp>
#include <websocketpp/config/asio_no_tls_client.hpp>

#include "client/net/asio_fault.hpp"
#include "client/net/ws_transport.hpp"

namespace bimtek::client::net {
namespace {

using ws_client = websocketpp::client<websocketpp::config::asio_client>;
using connection_hdl = websocketpp::connection_hdl;

// Why a connection failed to open, as far as WebSocket++ tells. It turns a failed resolve or
// connect into "pass_through" and drops Asio's code (transport/asio/endpoint.hpp,
// handle_connect): "socket_error" says so, for open() to diagnose.
link_fault open_failure(ws_client::connection_ptr const& c, bool& socket_error) {
    namespace transport = websocketpp::transport::error;
    auto const ec = c->get_ec();
    socket_error = ec == transport::make_error_code(transport::pass_through);
    if (ec == websocketpp::error::make_error_code(websocketpp::error::open_handshake_timeout) ||
        ec == transport::make_error_code(transport::timeout))
        return {fault_kind::timed_out, ec.message()};
    return {fault_kind::other, ec.message()};
}

// Why an open connection ended: a close frame from the server, or none (dropped).
link_fault close_reason(ws_client::connection_ptr const& c) {
    auto const code = c->get_remote_close_code();
    std::string detail = "closed (" + std::to_string(code) + ")";
    if (!c->get_remote_close_reason().empty()) detail += " " + c->get_remote_close_reason();
    bool const no_close_frame = code == websocketpp::close::status::abnormal_close;
    return {no_close_frame ? fault_kind::dropped : fault_kind::closed, detail};
}

class websocketpp_transport final : public ws_transport {
public:
    websocketpp_transport() {
        client_.clear_access_channels(websocketpp::log::alevel::all);
        client_.clear_error_channels(websocketpp::log::elevel::all);
        client_.init_asio();
        client_.start_perpetual();
        thread_ = std::thread([this] { client_.run(); });
    }

    ~websocketpp_transport() override {
        close();
        client_.stop_perpetual();
        {
            // Give the close handshake a moment, then stop whatever is left.
            std::unique_lock lock(mutex_);
            cv_.wait_for(lock, std::chrono::milliseconds(500),
                         [this] { return state_ != state::open; });
        }
        client_.stop();
        thread_.join();
    }

    websocketpp_transport(websocketpp_transport const&) = delete;
    websocketpp_transport& operator=(websocketpp_transport const&) = delete;

    link_fault open(std::string const& url, std::chrono::milliseconds timeout) override {
        close();
        websocketpp::lib::error_code ec;
        ws_client::connection_ptr con = client_.get_connection(url, ec);
        if (ec) return {fault_kind::other, ec.message()};
        con->set_open_handshake_timeout(static_cast<long>(timeout.count()));
        std::uint64_t generation;
        {
            std::lock_guard lock(mutex_);
            generation = ++generation_;
            events_.clear();
            state_ = state::connecting;
            failure_ = {};
            socket_error_ = false;
            hdl_ = con->get_handle();
        }
        con->set_open_handler([this, generation](connection_hdl) {
            std::lock_guard lock(mutex_);
            if (generation != generation_) return;
            state_ = state::open;
            cv_.notify_all();
        });
        con->set_fail_handler([this, generation](connection_hdl h) {
            link_fault why{fault_kind::other, "connection failed"};
            bool socket_error = false;
            if (auto c = client_.get_con_from_hdl(h)) why = open_failure(c, socket_error);
            std::lock_guard lock(mutex_);
            if (generation != generation_) return;
            state_ = state::closed;
            failure_ = why;
            socket_error_ = socket_error;
            cv_.notify_all();
        });
        con->set_close_handler([this, generation](connection_hdl h) {
            link_fault why{fault_kind::dropped, "closed"};
            if (auto c = client_.get_con_from_hdl(h)) why = close_reason(c);
            std::lock_guard lock(mutex_);
            if (generation != generation_) return;
            state_ = state::closed;
            events_.push_back(ws_event{ws_event::kind::closed, {}, why});
            cv_.notify_all();
        });
        con->set_message_handler([this, generation](connection_hdl, ws_client::message_ptr msg) {
            if (msg->get_opcode() != websocketpp::frame::opcode::text) return;
            std::lock_guard lock(mutex_);
            if (generation != generation_) return;
            events_.push_back(ws_event{ws_event::kind::message, msg->get_payload(), {}});
            cv_.notify_all();
        });
        asio_post([this, con] { client_.connect(con); });

        std::unique_lock lock(mutex_);
        bool settled = cv_.wait_for(lock, timeout + std::chrono::milliseconds(500),
                                    [this] { return state_ != state::connecting; });
        if (settled && state_ == state::open) return {};
        link_fault why = !settled  ? link_fault{fault_kind::timed_out, "timeout"}
                         : failure_ ? failure_
                                    : link_fault{fault_kind::dropped, "connection closed"};
        bool const diagnose = settled && socket_error_;
        ++generation_;  // whatever this connection still does is no longer ours
        state_ = state::closed;
        lock.unlock();
        drop(con->get_handle());
        // One plain TCP connection to the same place says what WebSocket++ did not.
        if (diagnose)
            if (auto probed = probe_tcp(con->get_host(), std::to_string(con->get_port()), timeout))
                return probed;
        return why;
    }

    void send(std::string const& text) override {
        connection_hdl hdl;
        {
            std::lock_guard lock(mutex_);
            if (state_ != state::open) return;
            hdl = hdl_;
        }
        asio_post([this, hdl, text] {
            websocketpp::lib::error_code ec;
            client_.send(hdl, text, websocketpp::frame::opcode::text, ec);
            if (ec) drop(hdl);
        });
    }

    ws_event next(std::chrono::milliseconds timeout) override {
        std::unique_lock lock(mutex_);
        cv_.wait_for(lock, timeout, [this] { return !events_.empty() || state_ != state::open; });
        if (!events_.empty()) {
            ws_event e = std::move(events_.front());
            events_.pop_front();
            return e;
        }
        if (state_ != state::open)
            return ws_event{ws_event::kind::closed, {}, {fault_kind::dropped, "not connected"}};
        return ws_event{};
    }

    void close() override {
        connection_hdl hdl;
        {
            std::lock_guard lock(mutex_);
            if (state_ != state::open) return;
            hdl = hdl_;
        }
        asio_post([this, hdl] {
            websocketpp::lib::error_code ec;
            client_.close(hdl, websocketpp::close::status::normal, "", ec);
            if (ec) drop(hdl);
        });
    }

private:
    enum class state { idle, connecting, open, closed };

    template <class F>
    void asio_post(F&& f) {
        boost::asio::post(client_.get_io_service(), std::forward<F>(f));
    }

    // Ends a connection without a handshake (on the I/O thread).
    void drop(connection_hdl hdl) {
        asio_post([this, hdl] {
            websocketpp::lib::error_code ec;
            if (auto c = client_.get_con_from_hdl(hdl, ec)) c->terminate(ec);
        });
    }

    ws_client client_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable cv_;
    // Guarded by mutex_:
    std::uint64_t generation_ = 0;  // events of older connections are dropped
    state state_ = state::idle;
    link_fault failure_;
    bool socket_error_ = false;  // failure_ is WebSocket++'s "pass_through"
    connection_hdl hdl_;
    std::deque<ws_event> events_;
};

}  // namespace

std::unique_ptr<ws_transport> make_websocketpp_transport() {
    return std::make_unique<websocketpp_transport>();
}

}  // namespace bimtek::client::net
