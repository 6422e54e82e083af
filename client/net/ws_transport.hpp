// A WebSocket connection as the client's live code needs it: open, send text, wait for the
// next message or the end. The boundary between the client's C++20 code and WebSocket++, which
// lives in the C++17 target bimtek_client_net (see docs/DEVELOPERS.md, "The C++17 note").
// Plain C++17 and free of Asio/WebSocket++ on purpose. One thread calls the methods of one
// ws_transport; implementations may deliver messages from their own I/O thread internally.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "client/net/link_fault.hpp"

namespace bimtek::client::net {

struct ws_event {
    enum class kind { message, timeout, closed };
    kind what = kind::timeout;
    std::string text;  // the text of a message
    link_fault fault;  // why the connection closed
};

class ws_transport {
public:
    virtual ~ws_transport() = default;
    // Opens "url" (ws://HOST:PORT/ws), waiting at most "timeout" for the handshake; any previous
    // connection is dropped first. Returns no fault when open, otherwise why not.
    virtual link_fault open(std::string const& url, std::chrono::milliseconds timeout) = 0;
    // Queues one text frame on the open connection; a failure shows up as a "closed" event.
    virtual void send(std::string const& text) = 0;
    // The next message of the open connection, "closed" once it ended (or none is open), or
    // "timeout" when nothing came within "timeout".
    virtual ws_event next(std::chrono::milliseconds timeout) = 0;
    // Starts a clean close of the open connection, if any.
    virtual void close() = 0;
};

// WebSocket++ 0.8.2 on its own I/O thread (the only client code that includes WebSocket++).
std::unique_ptr<ws_transport> make_websocketpp_transport();

}  // namespace bimtek::client::net
