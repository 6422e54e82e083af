// net::http_transport on Boost.Beast: one TCP connection per request on a private io_context,
// with a deadline on every step after the name lookup (beast::tcp_stream::expires_after).
#include <optional>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "client/net/asio_fault.hpp"
#include "client/net/http_transport.hpp"

namespace bimtek::client::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr std::uint64_t max_body_bytes = 64ull * 1024 * 1024;

http::verb verb_of(std::string const& method) {
    if (method == "POST") return http::verb::post;
    if (method == "PATCH") return http::verb::patch;
    if (method == "PUT") return http::verb::put;
    if (method == "DELETE") return http::verb::delete_;
    return http::verb::get;
}

class beast_http_transport final : public http_transport {
public:
    beast_http_transport(std::string host, std::string port, std::chrono::milliseconds timeout)
        : host_(std::move(host)), port_(std::move(port)), timeout_(timeout) {}

    http_outcome send(http_request const& r) override {
        asio::io_context ioc;
        tcp::resolver resolver(ioc);
        beast::tcp_stream stream(ioc);
        http::request<http::string_body> req{verb_of(r.method), r.target, 11};
        req.set(http::field::host, host_ + ":" + port_);
        req.set(http::field::user_agent, "bimtek-client/0.1");
        req.set(http::field::accept, r.accept);
        if (!r.token.empty()) req.set(http::field::authorization, "Bearer " + r.token);
        if (!r.body.empty() || r.method == "POST" || r.method == "PATCH" || r.method == "PUT") {
            req.set(http::field::content_type, r.content_type);
            req.body() = r.body;
        }
        req.prepare_payload();

        beast::flat_buffer buffer;
        http::response_parser<http::string_body> parser;
        parser.body_limit(max_body_bytes);
        http_outcome out;
        auto fail = [&out](char const* what, beast::error_code ec) {
            out.reached = false;
            out.fault = fault_of(ec, what);
        };
        auto const deadline = timeout_;

        if (!endpoints_) {
            beast::error_code ec;
            auto found = resolver.resolve(host_, port_, ec);
            if (ec) {
                fail("resolve", ec);
                return out;
            }
            endpoints_ = std::move(found);
        }
        stream.expires_after(deadline);
        stream.async_connect(*endpoints_, [&](beast::error_code ec, tcp::endpoint const&) {
            if (ec) {
                endpoints_.reset();  // the address may have changed: look it up again next time
                return fail("connect", ec);
            }
            stream.expires_after(deadline);
            http::async_write(stream, req, [&](beast::error_code ec2, std::size_t) {
                if (ec2) return fail("write", ec2);
                stream.expires_after(deadline);
                http::async_read(stream, buffer, parser, [&](beast::error_code ec3, std::size_t) {
                    if (ec3) return fail("read", ec3);
                    auto& res = parser.get();
                    out.reached = true;
                    out.reply.status = static_cast<int>(res.result_int());
                    out.reply.body = std::move(res.body());
                    auto it = res.find(http::field::retry_after);
                    if (it != res.end()) out.reply.retry_after = std::string(it->value());
                    beast::error_code ignored;
                    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
                });
            });
        });
        ioc.run();
        return out;
    }

private:
    std::string host_;
    std::string port_;
    std::chrono::milliseconds timeout_;
    // The server's addresses, looked up once and kept while connecting to them works: a kiosk
    // sends every scan through one transport, and needs no name lookup per scan (nor a working
    // DNS server once the first lookup succeeded).
    std::optional<tcp::resolver::results_type> endpoints_;
};

}  // namespace

std::unique_ptr<http_transport> make_beast_http_transport(std::string host, std::string port,
                                                          std::chrono::milliseconds timeout) {
    return std::make_unique<beast_http_transport>(std::move(host), std::move(port), timeout);
}

}  // namespace bimtek::client::net
