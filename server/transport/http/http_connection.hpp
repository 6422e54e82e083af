// One HTTP/1.1 connection: reads a request, routes it, writes the response, and keeps the
// connection alive for the next one. Hands /ws upgrades to the context's ws_upgrade hook.
//
// Lifetime: owned by the shared_ptrs bound into its pending handlers (after Beast's
// advanced server example); it ends when no operation is pending. All of its work runs on the
// strand of its socket; shutdown() is the only member callable from another thread.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <boost/beast/core/basic_stream.hpp>
#include <boost/beast/core/file.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "server/transport/http/http_context.hpp"
#include "server/transport/http/message.hpp"
#include "server/transport/http/router.hpp"

namespace bimtek::transport {

class http_connection : public closable, public std::enable_shared_from_this<http_connection> {
public:
    // "ctx" must outlive the connection.
    http_connection(boost::asio::ip::tcp::socket&& socket, http_context const& ctx);
    ~http_connection() override;

    void run();
    // Finish the request in flight (if any), then close. Thread-safe.
    void shutdown() override;

private:
    void do_read_header();
    void on_read_header(boost::beast::error_code ec, std::size_t bytes);
    void start_body();
    void do_read_body();
    void on_read_body(boost::beast::error_code ec, std::size_t bytes);
    void do_read_upload();
    void on_read_upload(boost::beast::error_code ec, std::size_t bytes);
    // Runs the route's handler, here or on a worker (route_options::where), then finish().
    void handle();
    void finish(api_response res);
    void respond(api_response res);
    void on_write(bool keep_alive, boost::beast::error_code ec, std::size_t bytes);
    void do_drain();
    void do_drain_read();
    void do_close();
    void discard_upload();
    void fail(boost::beast::error_code ec, char const* what);

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    http_context const& ctx_;
    std::uint64_t registry_id_ = 0;
    std::string remote_;

    std::optional<boost::beast::http::request_parser<boost::beast::http::empty_body>> header_parser_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> body_parser_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::buffer_body>> upload_parser_;
    router::lookup route_;  // with req_: the worker's alone while a run_on::worker handler runs
    api_request req_;
    bool head_ = false;        // a HEAD request: send the headers only
    bool keep_alive_ = false;
    unsigned version_ = 11;

    // Streaming an upload body to disk.
    boost::beast::file upload_file_;
    std::filesystem::path upload_path_;
    std::uint64_t upload_size_ = 0;
    std::unique_ptr<std::array<char, 64 * 1024>> chunk_;

    bool idle_ = false;     // waiting for a request to begin: shutdown() may cancel the read
    bool closing_ = false;  // shutdown() was called: close after the current response
    bool drain_ = false;    // the request body was not read: half-close and drain before closing
};

}  // namespace bimtek::transport
