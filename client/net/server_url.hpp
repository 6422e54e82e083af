// The server's address as users give it: "http://HOST:PORT" (a missing scheme means http://,
// a missing port 80). The WebSocket stream is at ws://HOST:PORT/ws.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bimtek::client::net {

struct server_url {
    std::string host;
    std::string port;

    std::string http_base() const { return "http://" + host + ":" + port; }
    std::string ws_url() const { return "ws://" + host + ":" + port + "/ws"; }
};

// nullopt for anything but http://HOST[:PORT][/] (https is not supported by this client).
std::optional<server_url> parse_server_url(std::string_view text);

}  // namespace bimtek::client::net
