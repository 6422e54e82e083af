#include "client/net/asio_fault.hpp"

#include <boost/asio/error.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/tcp_stream.hpp>

namespace bimtek::client::net {

link_fault fault_of(boost::system::error_code const& ec, char const* step) {
    namespace error = boost::asio::error;
    link_fault f{fault_kind::other, std::string(step) + ": " + ec.message()};
    // Every failure of the name lookup (getaddrinfo: not found, try again, no data, no
    // recovery, ...) means the same to the user: the name did not lead to the server.
    if (ec.category() == error::get_netdb_category() ||
        ec.category() == error::get_addrinfo_category()) {
        f.kind = fault_kind::name_not_found;
    } else if (ec == error::connection_refused) {
        f.kind = fault_kind::refused;
    } else if (ec == error::network_unreachable || ec == error::host_unreachable ||
               ec == error::network_down) {
        f.kind = fault_kind::no_route;
    } else if (ec == error::timed_out || ec == boost::beast::error::timeout) {
        f.kind = fault_kind::timed_out;
    } else if (ec == error::eof || ec == error::connection_reset ||
               ec == error::connection_aborted || ec == error::broken_pipe ||
               ec == error::shut_down) {
        f.kind = fault_kind::dropped;
    }
    return f;
}

link_fault probe_tcp(std::string const& host, std::string const& port,
                     std::chrono::milliseconds timeout) {
    using tcp = boost::asio::ip::tcp;
    boost::asio::io_context ioc;
    tcp::resolver resolver(ioc);
    boost::beast::tcp_stream stream(ioc);
    link_fault out;
    resolver.async_resolve(
        host, port, [&](boost::system::error_code ec, tcp::resolver::results_type results) {
            if (ec) {
                out = fault_of(ec, "resolve");
                return;
            }
            stream.expires_after(timeout);
            stream.async_connect(results, [&](boost::system::error_code ec2, tcp::endpoint const&) {
                if (ec2) out = fault_of(ec2, "connect");
                boost::system::error_code ignored;
                stream.socket().close(ignored);
            });
        });
    ioc.run();
    return out;
}

}  // namespace bimtek::client::net
