// What every HTTP connection of one server shares: the routes, the registry of live
// connections, limits, and the hook that takes over WebSocket upgrades. Built by the app before
// the listener starts and immutable afterwards (the registry is internally synchronized).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>

#include "server/transport/http/connection_registry.hpp"
#include "server/transport/http/router.hpp"

namespace bimtek::transport {

using upgrade_request = boost::beast::http::request<boost::beast::http::empty_body>;

// Takes over a socket whose request asked to upgrade to a WebSocket on "/ws". Called on the
// socket's strand.
using ws_upgrade_handler = std::function<void(boost::asio::ip::tcp::socket&& socket, upgrade_request&& req,
                                              std::string remote_address)>;

struct http_context {
    router const* routes = nullptr;
    connection_registry* connections = nullptr;
    ws_upgrade_handler ws_upgrade;            // empty: /ws is a 404
    std::filesystem::path upload_dir;         // where upload bodies are streamed
    boost::asio::thread_pool* workers = nullptr;  // for run_on::worker (null: the I/O thread)
    std::size_t header_limit = 16 * 1024;
    std::chrono::seconds idle_timeout{60};    // waiting for the next request on a keep-alive connection
    std::chrono::seconds read_timeout{30};    // reading one request (per chunk for uploads)
    std::chrono::seconds write_timeout{60};   // writing a response (grows with file size)
};

}  // namespace bimtek::transport
