#include "server/transport/http/listener.hpp"

#include <iostream>

#include <boost/asio/dispatch.hpp>
#include <boost/beast/core/bind_handler.hpp>

#include "server/transport/http/http_connection.hpp"

namespace bimtek::transport {
namespace net = boost::asio;
using tcp = net::ip::tcp;

listener::listener(io_pool& pool, tcp::endpoint endpoint, http_context const& ctx)
    : pool_(pool), acceptor_(pool.context(0)), retry_timer_(acceptor_.get_executor()), ctx_(ctx) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
}

void listener::run() { net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] { self->do_accept(); }); }

void listener::stop() {
    net::post(acceptor_.get_executor(), [self = shared_from_this()] {
        boost::system::error_code ignored;
        self->acceptor_.close(ignored);
        self->retry_timer_.cancel();
    });
}

void listener::do_accept() {
    acceptor_.async_accept(pool_.next(), boost::beast::bind_front_handler(&listener::on_accept, shared_from_this()));
}

void listener::on_accept(boost::beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
    if (ec) {
        // Out of descriptors or memory: wait a little instead of spinning.
        std::cerr << "bimtek-server: accept: " << ec.message() << "\n";
        retry_timer_.expires_after(std::chrono::milliseconds(100));
        retry_timer_.async_wait([self = shared_from_this()](boost::beast::error_code wait_ec) {
            if (!wait_ec) self->do_accept();
        });
        return;
    }
    std::make_shared<http_connection>(std::move(socket), ctx_)->run();
    do_accept();
}

}  // namespace bimtek::transport
