// A blocking WebSocket client over raw POSIX sockets, for tests: an implementation of RFC 6455
// independent of the server's (Beast), with the knobs tests need — a chosen Origin, a small
// receive buffer, frames of any size, and simply not reading. Not thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

namespace bimtek::testing {

struct ws_frame {
    std::uint8_t opcode = 0;  // 1 text, 2 binary, 8 close, 9 ping, 10 pong
    std::string payload;
    int close_code() const;   // for close frames; 1005 when none was given
};

class ws_client {
public:
    struct options {
        std::string origin;       // empty: no Origin header
        int receive_buffer = 0;   // SO_RCVBUF before connecting; 0: the system's default
    };

    explicit ws_client(std::uint16_t port) : ws_client(port, options{}) {}
    ws_client(std::uint16_t port, options o);
    ~ws_client();
    ws_client(ws_client const&) = delete;
    ws_client& operator=(ws_client const&) = delete;

    // The HTTP status of the upgrade: 101 when the handshake succeeded.
    int status() const { return status_; }
    bool open() const { return fd_ >= 0 && !closed_; }

    void send_text(std::string const& text);
    void send_frame(std::uint8_t opcode, std::string const& payload);  // masked, FIN set
    // One text message in several frames (a text frame, then continuations).
    void send_frame_parts(std::vector<std::string> const& parts);
    // The next control frame with "opcode" (pongs are otherwise skipped by next()).
    std::optional<ws_frame> next_control(std::uint8_t opcode, std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // The next text or close frame (pings are answered on the way), or nullopt on timeout or
    // when the connection ended.
    std::optional<ws_frame> next(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // The next text frame parsed as JSON; nullopt on timeout, close or a non-text frame.
    std::optional<boost::json::value> next_json(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // Reads text frames until one has "type" == "update" and "kind" == kind.
    std::optional<boost::json::value> next_update(std::string const& kind,
                                                  std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // hello with "token" (and "since"), then the welcome; throws when something else comes.
    boost::json::value hello(std::string const& token, std::optional<std::int64_t> since = std::nullopt);
    // Closes the TCP connection without a close handshake (a dropped phone).
    void drop();
    // Text frames that have arrived, without waiting (pings are answered on the way).
    std::vector<std::string> take_available();
    int fd() const { return fd_; }

private:
    bool fill(std::chrono::milliseconds timeout);
    void send_raw_frame(std::uint8_t opcode, std::string const& payload, bool fin);

    int fd_ = -1;
    int status_ = 0;
    bool closed_ = false;
    std::uint8_t want_control_ = 0;  // a control opcode next() returns instead of skipping
    std::string in_;
};

}  // namespace bimtek::testing
