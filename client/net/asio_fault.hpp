// Sorting the Boost.System error codes that Asio, Beast and WebSocket++ report into a
// net::link_fault. Internal to bimtek_client_net (C++17).
#pragma once

#include <chrono>
#include <string>

#include <boost/system/error_code.hpp>

#include "client/net/link_fault.hpp"

namespace bimtek::client::net {

// "step" names where it happened ("resolve", "connect", "read", ...) in the detail.
link_fault fault_of(boost::system::error_code const& ec, char const* step);

// Resolves "host" and opens (then closes) a TCP connection to "port", within "timeout": no
// fault when that works, else why not. For a library that does not say why it could not
// connect (WebSocket++ 0.8.2 reports every socket error as "pass_through").
link_fault probe_tcp(std::string const& host, std::string const& port,
                     std::chrono::milliseconds timeout);

}  // namespace bimtek::client::net
