// What every live-stream connection of one server shares. Built by the app before the listener
// starts; the pointed-to services are thread-safe and outlive every connection.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "server/domain/auth_service.hpp"
#include "server/domain/presence_service.hpp"
#include "server/domain/stream_service.hpp"
#include "server/transport/http/connection_registry.hpp"
#include "server/transport/ws/broadcast_hub.hpp"

namespace bimtek::transport {

struct ws_context {
    domain::auth_service* auth = nullptr;
    domain::stream_service* stream = nullptr;
    domain::presence_service* presence = nullptr;
    broadcast_hub* hub = nullptr;
    connection_registry* connections = nullptr;

    std::vector<std::string> allowed_origins;  // besides the server's own
    std::size_t max_queue = 2048;              // frames waiting to be sent, per connection
    std::size_t max_message = 64 * 1024;       // larger client messages are closed with 1009
    // SO_SNDBUF of stream sockets. Fixed, so the kernel does not autotune it up to megabytes
    // for a client that stopped reading: backpressure reaches max_queue soon, and a stalled
    // client holds at most about twice this in kernel memory.
    int socket_send_buffer = 128 * 1024;
    std::chrono::seconds hello_timeout{10};
    std::chrono::seconds handshake_timeout{30};
    // Beast's suggested server timeouts: ping a connection quiet for half the idle timeout,
    // close it when nothing came for the whole of it.
    std::chrono::seconds idle_timeout{300};
    std::chrono::seconds close_timeout{5};  // for the peer's close, or a slow consumer's last frames
};

}  // namespace bimtek::transport
