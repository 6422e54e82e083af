#include "server/transport/http/http_connection.hpp"

#include <stdlib.h>  // mkstemp

#include <algorithm>
#include <iostream>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/message_generator.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include "server/transport/http/error_response.hpp"
#include "server/transport/http/file_range_body.hpp"

namespace bimtek::transport {
namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

http_method method_of(http::verb v) {
    switch (v) {
        case http::verb::get: return http_method::get;
        case http::verb::head: return http_method::head;
        case http::verb::post: return http_method::post;
        case http::verb::put: return http_method::put;
        case http::verb::patch: return http_method::patch;
        case http::verb::delete_: return http_method::del;
        case http::verb::options: return http_method::options;
        default: return http_method::other;
    }
}

api_response error_of(domain::error_kind kind, std::string code, std::string message) {
    return error_response(domain::make_error(kind, std::move(code), std::move(message)));
}

template <class Body>
void apply_common(http::response<Body>& res, api_response const& r, bool keep_alive) {
    res.set(http::field::server, "bimtek");
    bool has_cache_control = false;
    for (auto const& [name, value] : r.headers) {
        res.insert(name, value);
        if (beast::iequals(name, "cache-control")) has_cache_control = true;
    }
    if (!r.content_type.empty()) res.set(http::field::content_type, r.content_type);
    // API answers carry tokens and personal data: never cached by intermediaries.
    if (!has_cache_control) res.set(http::field::cache_control, "no-store");
    res.keep_alive(keep_alive);
}

}  // namespace

http_connection::http_connection(tcp::socket&& socket, http_context const& ctx)
    : stream_(std::move(socket)), ctx_(ctx) {
    boost::system::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
}

http_connection::~http_connection() {
    if (registry_id_) ctx_.connections->remove(registry_id_);
    discard_upload();
}

void http_connection::run() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
        self->registry_id_ = self->ctx_.connections->add(self->weak_from_this());
        if (self->registry_id_ == 0) return self->do_close();
        self->do_read_header();
    });
}

void http_connection::shutdown() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
        self->closing_ = true;
        if (self->idle_) self->stream_.cancel();
    });
}

void http_connection::do_read_header() {
    if (closing_) return do_close();
    header_parser_.emplace();
    header_parser_->header_limit(static_cast<std::uint32_t>(ctx_.header_limit));
    // The body limit depends on the route: checked in on_read_header, set on the body parser.
    header_parser_->body_limit(boost::none);
    body_parser_.reset();
    upload_parser_.reset();
    req_ = api_request{};
    req_.remote_address = remote_;
    idle_ = true;
    stream_.expires_after(ctx_.idle_timeout);
    http::async_read_header(stream_, buffer_, *header_parser_,
                            beast::bind_front_handler(&http_connection::on_read_header, shared_from_this()));
}

void http_connection::on_read_header(beast::error_code ec, std::size_t) {
    idle_ = false;
    if (ec == http::error::end_of_stream || ec == net::error::operation_aborted || ec == beast::error::timeout)
        return do_close();
    if (ec) {
        drain_ = false;
        auto res = error_of(domain::error_kind::malformed, "bad_request", "the request could not be read: " + ec.message());
        if (ec == http::error::header_limit) res.status = 431;
        res.close = true;
        return respond(std::move(res));
    }
    auto const& h = header_parser_->get();
    version_ = h.version();
    keep_alive_ = h.keep_alive();
    req_.method = method_of(h.method());
    head_ = req_.method == http_method::head;

    std::string_view target = h.target();
    auto q = target.find('?');
    auto path = percent_decode(target.substr(0, q), false);
    if (q != std::string_view::npos) req_.query = std::string(target.substr(q + 1));
    auto field = [&](http::field f) { return std::string(h[f]); };
    req_.authorization = field(http::field::authorization);
    req_.content_type = field(http::field::content_type);
    req_.range = field(http::field::range);
    req_.if_none_match = field(http::field::if_none_match);
    req_.accept_language = field(http::field::accept_language);
    req_.origin = field(http::field::origin);
    req_.host = field(http::field::host);

    bool has_body = header_parser_->content_length().value_or(0) > 0 || header_parser_->chunked();
    if (!path || path->empty() || path->front() != '/') {
        drain_ = has_body;
        auto res = error_of(domain::error_kind::malformed, "bad_target", "the request target is not a valid path");
        res.close = true;
        return respond(std::move(res));
    }
    req_.path = std::move(*path);

    if (req_.path == "/ws" && beast::websocket::is_upgrade(h)) {
        if (!ctx_.ws_upgrade) {
            auto res = error_of(domain::error_kind::not_found, "not_found", "no such resource");
            res.close = true;
            return respond(std::move(res));
        }
        stream_.expires_never();
        auto handoff = ctx_.ws_upgrade;
        return handoff(stream_.release_socket(), header_parser_->release(), remote_);
    }

    route_ = ctx_.routes->find(req_.method, req_.path);
    std::size_t limit = route_.found ? route_.found->options.body_limit : 64 * 1024;
    if (auto length = header_parser_->content_length(); length && *length > limit) {
        drain_ = true;
        auto res = error_of(domain::error_kind::too_large, "body_too_large",
                            "the request body is larger than " + std::to_string(limit) + " bytes");
        res.close = true;
        return respond(std::move(res));
    }
    bool expects_continue = beast::iequals(h[http::field::expect], "100-continue");
    if (!has_body || !expects_continue) return start_body();

    // "Expect: 100-continue": tell the client to go on sending the body we will accept.
    auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, version_);
    stream_.expires_after(ctx_.read_timeout);
    http::async_write(stream_, *cont, [self = shared_from_this(), cont](beast::error_code wec, std::size_t) {
        if (wec) return self->fail(wec, "write 100-continue");
        self->start_body();
    });
}

void http_connection::start_body() {
    bool upload = route_.found && route_.found->options.body == body_mode::upload;
    std::size_t limit = route_.found ? route_.found->options.body_limit : 64 * 1024;
    if (upload) {
        upload_parser_.emplace(std::move(*header_parser_));
        upload_parser_->body_limit(limit);
        std::string templ = (ctx_.upload_dir / "upload-XXXXXX").string();
        int fd = ::mkstemp(templ.data());
        if (fd < 0) {
            drain_ = true;
            auto res = error_of(domain::error_kind::internal, "upload_failed", "the server could not store the upload");
            res.close = true;
            return respond(std::move(res));
        }
        upload_path_ = templ;
        upload_file_.native_handle(fd);
        upload_size_ = 0;
        chunk_ = std::make_unique<std::array<char, 64 * 1024>>();
        return do_read_upload();
    }
    body_parser_.emplace(std::move(*header_parser_));
    body_parser_->body_limit(limit);
    do_read_body();
}

void http_connection::do_read_body() {
    stream_.expires_after(ctx_.read_timeout);
    http::async_read(stream_, buffer_, *body_parser_,
                     beast::bind_front_handler(&http_connection::on_read_body, shared_from_this()));
}

void http_connection::on_read_body(beast::error_code ec, std::size_t) {
    if (ec == http::error::body_limit) {
        drain_ = true;
        auto res = error_of(domain::error_kind::too_large, "body_too_large", "the request body is too large");
        res.close = true;
        return respond(std::move(res));
    }
    if (ec == http::error::end_of_stream || ec == net::error::operation_aborted || ec == beast::error::timeout)
        return do_close();
    if (ec) {
        auto res = error_of(domain::error_kind::malformed, "bad_request", "the request body could not be read: " + ec.message());
        res.close = true;
        return respond(std::move(res));
    }
    req_.body = std::move(body_parser_->get().body());
    handle();
}

void http_connection::do_read_upload() {
    auto& body = upload_parser_->get().body();
    body.data = chunk_->data();
    body.size = chunk_->size();
    stream_.expires_after(ctx_.read_timeout);
    http::async_read(stream_, buffer_, *upload_parser_,
                     beast::bind_front_handler(&http_connection::on_read_upload, shared_from_this()));
}

void http_connection::on_read_upload(beast::error_code ec, std::size_t) {
    if (ec == http::error::need_buffer) ec = {};
    if (ec == http::error::body_limit) {
        discard_upload();
        drain_ = true;
        auto res = error_of(domain::error_kind::too_large, "body_too_large", "the upload is larger than allowed");
        res.close = true;
        return respond(std::move(res));
    }
    if (ec) {  // the client went away or sent garbage: nothing was stored
        discard_upload();
        if (ec == http::error::end_of_stream || ec == net::error::operation_aborted || ec == beast::error::timeout ||
            ec == http::error::partial_message)
            return do_close();
        auto res = error_of(domain::error_kind::malformed, "bad_request", "the upload could not be read: " + ec.message());
        res.close = true;
        return respond(std::move(res));
    }
    auto& body = upload_parser_->get().body();
    std::size_t got = chunk_->size() - body.size;
    if (got > 0) {
        beast::error_code wec;
        upload_file_.write(chunk_->data(), got, wec);
        if (wec) {
            discard_upload();
            drain_ = true;
            auto res = error_of(domain::error_kind::internal, "upload_failed", "the server could not store the upload");
            res.close = true;
            return respond(std::move(res));
        }
        upload_size_ += got;
    }
    if (!upload_parser_->is_done()) return do_read_upload();
    beast::error_code cec;
    upload_file_.close(cec);
    chunk_.reset();
    req_.upload = uploaded_file{upload_path_, upload_size_};
    handle();
}

void http_connection::handle() {
    bool const on_worker =
        ctx_.workers && route_.found && route_.found->options.where == run_on::worker;
    if (!on_worker) return finish(ctx_.routes->dispatch(route_, req_));
    // Nothing of this connection runs meanwhile: no read or write is pending, so the worker
    // has route_ and req_ to itself until the answer is posted back to the I/O thread.
    net::post(*ctx_.workers, [self = shared_from_this()] {
        api_response res = self->ctx_.routes->dispatch(self->route_, self->req_);
        net::post(self->stream_.get_executor(),
                  [self, res = std::move(res)]() mutable { self->finish(std::move(res)); });
    });
}

void http_connection::finish(api_response res) {
    discard_upload();  // the handler moved the file if it kept it
    respond(std::move(res));
}

void http_connection::respond(api_response r) {
    bool keep_alive = keep_alive_ && !closing_ && !r.close && !drain_;
    auto status = static_cast<http::status>(r.status);
    std::optional<http::message_generator> msg;
    std::chrono::seconds timeout = ctx_.write_timeout;

    if (r.file) {
        file_range_body::value_type body;
        beast::error_code ec;
        body.file.open(r.file->path.c_str(), beast::file_mode::scan, ec);
        if (ec) return respond(error_of(domain::error_kind::not_found, "not_found", "the file is no longer there"));
        body.offset = r.file->offset;
        body.length = r.file->length;
        // A slow phone must be able to finish: allow 64 KiB/s on top of the base timeout.
        timeout += std::chrono::seconds(body.length / (64 * 1024));
        if (head_) {
            http::response<http::empty_body> res{status, version_};
            apply_common(res, r, keep_alive);
            res.content_length(body.length);
            msg.emplace(std::move(res));
        } else {
            http::response<file_range_body> res{std::piecewise_construct, std::make_tuple(std::move(body)),
                                                std::make_tuple(status, version_)};
            apply_common(res, r, keep_alive);
            res.prepare_payload();
            msg.emplace(std::move(res));
        }
    } else if (head_ || r.status == 304 || r.status == 204) {
        http::response<http::empty_body> res{status, version_};
        apply_common(res, r, keep_alive);
        if (head_ && r.status != 304 && r.status != 204) res.content_length(r.body.size());
        msg.emplace(std::move(res));
    } else {
        http::response<http::string_body> res{status, version_};
        apply_common(res, r, keep_alive);
        res.body() = std::move(r.body);
        res.prepare_payload();
        msg.emplace(std::move(res));
    }
    stream_.expires_after(timeout);
    beast::async_write(stream_, std::move(*msg),
                       beast::bind_front_handler(&http_connection::on_write, shared_from_this(), keep_alive));
}

void http_connection::on_write(bool keep_alive, beast::error_code ec, std::size_t) {
    if (ec) return fail(ec, "write");
    if (!keep_alive) {
        if (drain_) return do_drain();
        return do_close();
    }
    do_read_header();
}

// After answering a request whose body we did not read (413, ...): half-close, then read and
// discard what the client still sends, so that closing does not reset the connection before
// the client has read our answer.
void http_connection::do_drain() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return do_close();
    if (!chunk_) chunk_ = std::make_unique<std::array<char, 64 * 1024>>();
    stream_.expires_after(std::chrono::seconds(5));  // for the whole drain, not per read
    do_drain_read();
}

void http_connection::do_drain_read() {
    stream_.async_read_some(net::buffer(*chunk_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
        if (ec) return self->do_close();
        self->do_drain_read();
    });
}

void http_connection::do_close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
}

void http_connection::discard_upload() {
    if (upload_path_.empty()) return;
    beast::error_code ec;
    upload_file_.close(ec);
    std::error_code fec;
    std::filesystem::remove(upload_path_, fec);
    upload_path_.clear();
}

void http_connection::fail(beast::error_code ec, char const* what) {
    if (ec == net::error::operation_aborted || ec == beast::error::timeout || ec == net::error::eof ||
        ec == net::error::connection_reset || ec == net::error::broken_pipe)
        return do_close();
    std::cerr << "bimtek-server: http " << what << ": " << ec.message() << "\n";
    do_close();
}

}  // namespace bimtek::transport
