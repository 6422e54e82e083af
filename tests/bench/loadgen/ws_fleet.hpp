// The load generator's N WebSocket clients on /ws, all on one thread. Each client connects,
// upgrades, says hello with its token and waits for the welcome; from then on every text
// message is handed to the observer. Pings are answered with pongs. At most
// "max_connecting" clients are between connecting and their welcome at once (no SYN floods).
//
// Reading is readiness-based: a client waits for its socket to become readable and then reads
// into one buffer shared by the whole fleet, so idle clients hold no receive buffer of their
// own (only the tail of a frame split across reads).
//
// Single-threaded: use it only on its io_context's thread. Its pending handlers refer to it,
// so it must outlive them (destroy it after the io_context has stopped running).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tests/bench/loadgen/net.hpp"

namespace bimtek::loadgen {

// What the fleet reports. Called on the io_context's thread.
class fleet_observer {
public:
    virtual void on_welcome(std::size_t client, std::int64_t seq, steady::time_point at) = 0;
    // A text message after the welcome; "text" is valid only during the call.
    virtual void on_message(std::size_t client, std::string_view text, steady::time_point at) = 0;
    // The client is gone for good; "reason" is a short key such as "connect" or "closed_1013".
    virtual void on_failed(std::size_t client, std::string_view reason) = 0;

protected:
    ~fleet_observer() = default;
};

class ws_fleet {
public:
    // "observer" must outlive the fleet.
    ws_fleet(net::io_context& ioc, server_address const& server, fleet_observer& observer);
    ~ws_fleet();
    ws_fleet(ws_fleet const&) = delete;
    ws_fleet& operator=(ws_fleet const&) = delete;

    // Opens one client per token (client i says hello with tokens[i]). Call once.
    void open(std::vector<std::string> tokens, std::size_t max_connecting);

    std::size_t size() const { return clients_.size(); }
    std::size_t welcomed() const { return welcomed_; }
    std::size_t failed() const { return failed_; }
    std::size_t open_count() const { return welcomed_ - failed_after_welcome_; }
    // Every client is welcomed or has failed.
    bool settled() const { return welcomed_ + failed_before_welcome_ == clients_.size(); }
    bool is_open(std::size_t client) const;
    // Milliseconds from starting to connect to the welcome, for every welcomed client.
    std::vector<double> welcome_latencies_ms() const;

private:
    struct client;

    void launch_more();
    void start(std::size_t i);
    void on_connect(std::size_t i, boost::system::error_code ec);
    void wait_readable(std::size_t i);
    void on_readable(std::size_t i, boost::system::error_code ec);
    // Handles "n" bytes read at "data" (which may be modified); false when the client failed.
    bool consume(std::size_t i, char* data, std::size_t n, steady::time_point at);
    bool take_handshake(std::size_t i, steady::time_point at);
    bool take_frames(std::size_t i, char* data, std::size_t n, steady::time_point at);
    bool deliver(std::size_t i, std::string_view text, steady::time_point at);
    void send(std::size_t i, std::string_view bytes);
    void send_frame(std::size_t i, int opcode, std::string_view payload);
    void do_write(std::size_t i);
    void fail(std::size_t i, std::string_view reason);
    std::uint64_t random();

    net::io_context& ioc_;
    server_address server_;
    fleet_observer& observer_;
    std::vector<std::unique_ptr<client>> clients_;
    std::vector<char> scratch_;  // the shared receive buffer
    std::size_t max_connecting_ = 1;
    std::size_t next_ = 0;        // the next client to start
    std::size_t connecting_ = 0;  // started, not yet welcomed nor failed
    std::size_t welcomed_ = 0;
    std::size_t failed_ = 0;
    std::size_t failed_before_welcome_ = 0;
    std::size_t failed_after_welcome_ = 0;
    std::uint64_t rng_state_;
};

}  // namespace bimtek::loadgen
