#include "tests/bench/loadgen/http.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <boost/asio/connect.hpp>
#include <boost/asio/write.hpp>

namespace bimtek::loadgen {
namespace {

constexpr std::size_t k_read_chunk = 64 * 1024;
constexpr std::size_t k_max_header = 64 * 1024;
constexpr auto k_max_idle = std::chrono::seconds(30);

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// What the response's head says, or nullopt when it is not HTTP/1.x.
struct response_head {
    int status = 0;
    std::size_t content_length = 0;
    bool close = false;
    bool chunked = false;
};

std::optional<response_head> parse_head(std::string_view head) {
    response_head h;
    auto eol = head.find("\r\n");
    std::string_view status_line = head.substr(0, eol);
    if (status_line.size() < 12 || status_line.rfind("HTTP/1.", 0) != 0) return std::nullopt;
    auto [p, ec] = std::from_chars(status_line.data() + 9, status_line.data() + 12, h.status);
    if (ec != std::errc{} || p != status_line.data() + 12) return std::nullopt;
    if (status_line[7] == '0') h.close = true;  // HTTP/1.0 closes unless told otherwise

    std::size_t pos = eol == std::string_view::npos ? head.size() : eol + 2;
    while (pos < head.size()) {
        auto end = head.find("\r\n", pos);
        if (end == std::string_view::npos) end = head.size();
        std::string_view line = head.substr(pos, end - pos);
        pos = end + 2;
        auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string_view name = line.substr(0, colon), value = trim(line.substr(colon + 1));
        if (iequals(name, "content-length")) {
            auto [q, e] =
                std::from_chars(value.data(), value.data() + value.size(), h.content_length);
            if (e != std::errc{} || q != value.data() + value.size()) return std::nullopt;
        } else if (iequals(name, "connection")) {
            if (iequals(value, "close")) h.close = true;
            if (iequals(value, "keep-alive")) h.close = false;
        } else if (iequals(name, "transfer-encoding")) {
            h.chunked = true;
        }
    }
    return h;
}

}  // namespace

http_connection::http_connection(net::io_context& ioc, server_address const& server,
                                 std::size_t max_in_flight)
    : ioc_(ioc),
      server_(server),
      max_in_flight_(std::max<std::size_t>(max_in_flight, 1)),
      socket_(ioc) {}

void http_connection::request(std::string_view method, std::string_view target,
                              std::string_view token, std::string_view body, handler done) {
    std::string wire;
    wire.reserve(160 + token.size() + body.size());
    wire.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: ");
    wire.append(server_.host).append("\r\n");
    if (!token.empty()) wire.append("Authorization: Bearer ").append(token).append("\r\n");
    if (!body.empty()) wire.append("Content-Type: application/json\r\n");
    wire.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n\r\n");
    wire.append(body);
    waiting_.push_back(pending{std::move(wire), std::move(done), {}});

    bool idle = state_ == state::open && in_flight_.empty() && !writing_ &&
                steady::now() - last_active_ > k_max_idle;
    if (state_ == state::closed || idle)
        do_connect();
    else if (state_ == state::open)
        do_write();
}

void http_connection::do_connect() {
    reset_socket();
    state_ = state::connecting;
    socket_.async_connect(server_.endpoint, [this, g = generation_](boost::system::error_code ec) {
        if (g == generation_) on_connect(ec);
    });
}

void http_connection::reset_socket() {
    boost::system::error_code ignored;
    socket_.close(ignored);
    socket_ = tcp::socket(ioc_);
    ++generation_;  // handlers of the old socket see a stale generation and do nothing
    state_ = state::closed;
    writing_ = false;
    reading_ = false;
    close_after_response_ = false;
    in_.clear();
}

void http_connection::on_connect(boost::system::error_code ec) {
    if (ec) {
        state_ = state::closed;
        // Nothing was written: every waiting request fails, nothing is retried.
        auto failed = std::move(waiting_);
        waiting_.clear();
        for (auto& p : failed) {
            http_response r;
            r.error = "connect: " + ec.message();
            r.sent_at = r.received_at = steady::now();
            p.done(std::move(r));
        }
        return;
    }
    state_ = state::open;
    last_active_ = steady::now();
    socket_.set_option(tcp::no_delay(true), ec);
    do_read();
    do_write();
}

void http_connection::do_write() {
    if (writing_ || state_ != state::open || close_after_response_) return;
    out_.clear();
    auto now = steady::now();
    while (!waiting_.empty() && in_flight_.size() < max_in_flight_) {
        pending p = std::move(waiting_.front());
        waiting_.pop_front();
        out_.append(p.wire);
        p.sent_at = now;
        in_flight_.push_back(std::move(p));
    }
    if (out_.empty()) return;
    writing_ = true;
    net::async_write(socket_, net::buffer(out_),
                     [this, g = generation_](boost::system::error_code ec, std::size_t n) {
                         if (g == generation_) on_write(ec, n);
                     });
}

void http_connection::on_write(boost::system::error_code ec, std::size_t) {
    writing_ = false;
    if (ec) return fail("write: " + ec.message());
    do_write();
}

void http_connection::do_read() {
    if (reading_ || state_ != state::open) return;
    reading_ = true;
    std::size_t used = in_.size();
    in_.resize(used + k_read_chunk);
    socket_.async_read_some(
        net::buffer(in_.data() + used, k_read_chunk),
        [this, used, g = generation_](boost::system::error_code ec, std::size_t n) {
            if (g != generation_) return;
            in_.resize(used + n);
            on_read(ec, n);
        });
}

void http_connection::on_read(boost::system::error_code ec, std::size_t) {
    reading_ = false;
    if (ec)
        return fail(ec == net::error::eof ? "connection closed by the server"
                                          : "read: " + ec.message());
    if (!take_responses()) return;
    if (close_after_response_) {
        // The server reads nothing after a "Connection: close" response: requests written after
        // it were not seen, so they are sent again on a new connection.
        while (!in_flight_.empty()) {
            waiting_.push_front(std::move(in_flight_.back()));
            in_flight_.pop_back();
        }
        reset_socket();
        if (!waiting_.empty()) do_connect();
        return;
    }
    do_read();
    do_write();
}

bool http_connection::take_responses() {
    std::size_t pos = 0;
    while (!in_flight_.empty()) {
        std::string_view rest(in_.data() + pos, in_.size() - pos);
        auto head_end = rest.find("\r\n\r\n");
        if (head_end == std::string_view::npos) {
            if (rest.size() > k_max_header) {
                fail("response header larger than 64 KiB");
                return false;
            }
            break;
        }
        auto head = parse_head(rest.substr(0, head_end));
        if (!head || head->chunked) {
            fail(head ? "chunked responses are not supported" : "malformed response");
            return false;
        }
        std::size_t total = head_end + 4 + head->content_length;
        if (rest.size() < total) break;

        pending p = std::move(in_flight_.front());
        in_flight_.pop_front();
        http_response r;
        r.status = head->status;
        r.body.assign(rest.substr(head_end + 4, head->content_length));
        r.sent_at = p.sent_at;
        r.received_at = last_active_ = steady::now();
        pos += total;
        if (head->close) close_after_response_ = true;
        p.done(std::move(r));  // may queue more requests: nothing here refers to "rest" after it
        if (close_after_response_) break;
    }
    in_.erase(0, pos);
    return true;
}

void http_connection::fail(std::string const& why) {
    reset_socket();
    auto failed = std::move(in_flight_);
    in_flight_.clear();
    for (auto& p : failed) {
        http_response r;
        r.error = why;
        r.sent_at = p.sent_at;
        r.received_at = steady::now();
        p.done(std::move(r));
    }
    if (!waiting_.empty()) do_connect();
}

}  // namespace bimtek::loadgen
