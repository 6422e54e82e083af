#include "tests/bench/loadgen/net.hpp"

#include <boost/asio/ip/tcp.hpp>

namespace bimtek::loadgen {

std::optional<server_address> resolve_server(net::io_context& ioc, std::string const& url,
                                             std::string& error) {
    constexpr std::string_view scheme = "http://";
    if (url.rfind(scheme, 0) != 0) {
        error = "--server must start with http:// (TLS is not supported)";
        return std::nullopt;
    }
    std::string rest = url.substr(scheme.size());
    if (auto slash = rest.find('/'); slash != std::string::npos) rest.resize(slash);
    std::string host = rest, port = "80";
    if (auto colon = rest.rfind(':'); colon != std::string::npos && rest.back() != ']') {
        host = rest.substr(0, colon);
        port = rest.substr(colon + 1);
    }
    if (host.empty() || port.empty() || port.find_first_not_of("0123456789") != std::string::npos) {
        error = "--server must look like http://HOST:PORT, not " + url;
        return std::nullopt;
    }
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);

    boost::system::error_code ec;
    tcp::resolver resolver(ioc);
    auto results = resolver.resolve(host, port, ec);
    if (ec || results.empty()) {
        error = "cannot resolve " + rest + ": " + (ec ? ec.message() : "no address");
        return std::nullopt;
    }
    return server_address{results.begin()->endpoint(), rest};
}

}  // namespace bimtek::loadgen
