// Asio names shared by the load generator's files, and how it finds the server.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace bimtek::loadgen {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using steady = std::chrono::steady_clock;

// Milliseconds between two instants, as a double.
inline double ms_between(steady::time_point from, steady::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

struct server_address {
    tcp::endpoint endpoint;
    std::string host;  // the Host header: "127.0.0.1:8080"
};

// Parses "http://HOST:PORT" (HOST a name or an address; PORT defaults to 80) and resolves it.
// nullopt with "error" set when it cannot.
std::optional<server_address> resolve_server(net::io_context& ioc, std::string const& url,
                                             std::string& error);

}  // namespace bimtek::loadgen
