#include "tests/harness/ws_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

#include <boost/json.hpp>

namespace bimtek::testing {

int ws_frame::close_code() const {
    if (payload.size() < 2) return 1005;
    return (static_cast<unsigned char>(payload[0]) << 8) | static_cast<unsigned char>(payload[1]);
}

ws_client::ws_client(std::uint16_t port, options o) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (o.receive_buffer > 0) ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &o.receive_buffer, sizeof o.receive_buffer);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        throw std::runtime_error(std::string("ws connect: ") + std::strerror(errno));
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::string req = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                      "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      "Sec-WebSocket-Version: 13\r\n";
    if (!o.origin.empty()) req += "Origin: " + o.origin + "\r\n";
    req += "\r\n";
    if (::send(fd_, req.data(), req.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(req.size()))
        throw std::runtime_error("ws: cannot send the upgrade");
    std::size_t end;
    while ((end = in_.find("\r\n\r\n")) == std::string::npos)
        if (!fill(std::chrono::seconds(5))) throw std::runtime_error("ws: no answer to the upgrade");
    status_ = std::stoi(in_.substr(9, 3));
    if (status_ != 101) {
        closed_ = true;
        return;
    }
    if (in_.find("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=") == std::string::npos)  // RFC 6455's example key/accept
        throw std::runtime_error("ws: wrong Sec-WebSocket-Accept");
    in_.erase(0, end + 4);
}

ws_client::~ws_client() {
    if (fd_ >= 0) ::close(fd_);
}

bool ws_client::fill(std::chrono::milliseconds timeout) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return false;
    char buf[65536];
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) {
        closed_ = true;
        return false;
    }
    in_.append(buf, static_cast<std::size_t>(n));
    return true;
}

void ws_client::send_frame_parts(std::vector<std::string> const& parts) {
    for (std::size_t i = 0; i < parts.size(); ++i)
        send_raw_frame(i == 0 ? 0x1 : 0x0, parts[i], i + 1 == parts.size());
}

void ws_client::send_frame(std::uint8_t opcode, std::string const& payload) { send_raw_frame(opcode, payload, true); }

std::optional<ws_frame> ws_client::next_control(std::uint8_t opcode, std::chrono::milliseconds timeout) {
    want_control_ = opcode;
    auto f = next(timeout);
    want_control_ = 0;
    if (f && f->opcode == opcode) return f;
    return std::nullopt;
}

void ws_client::send_raw_frame(std::uint8_t opcode, std::string const& payload, bool fin) {
    std::string f;
    f.push_back(static_cast<char>((fin ? 0x80 : 0x00) | opcode));
    std::size_t n = payload.size();
    if (n < 126) {
        f.push_back(static_cast<char>(0x80 | n));
    } else if (n < 65536) {
        f.push_back(static_cast<char>(0x80 | 126));
        f.push_back(static_cast<char>(n >> 8));
        f.push_back(static_cast<char>(n & 0xff));
    } else {
        f.push_back(static_cast<char>(0x80 | 127));
        for (int i = 7; i >= 0; --i) f.push_back(static_cast<char>((static_cast<std::uint64_t>(n) >> (8 * i)) & 0xff));
    }
    char const mask[4] = {0x12, 0x34, 0x56, 0x78};
    f.append(mask, 4);
    for (std::size_t i = 0; i < n; ++i) f.push_back(static_cast<char>(payload[i] ^ mask[i % 4]));
    std::size_t sent = 0;
    while (sent < f.size()) {
        ssize_t k = ::send(fd_, f.data() + sent, f.size() - sent, MSG_NOSIGNAL);
        if (k <= 0) return;
        sent += static_cast<std::size_t>(k);
    }
}

void ws_client::send_text(std::string const& text) { send_frame(0x1, text); }

std::optional<ws_frame> ws_client::next(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (in_.size() >= 2) {
            auto b0 = static_cast<unsigned char>(in_[0]), b1 = static_cast<unsigned char>(in_[1]);
            std::uint64_t len = b1 & 0x7f;
            std::size_t head = 2;
            if (len == 126 && in_.size() >= 4) {
                len = (static_cast<unsigned char>(in_[2]) << 8) | static_cast<unsigned char>(in_[3]);
                head = 4;
            } else if (len == 127 && in_.size() >= 10) {
                len = 0;
                for (int i = 0; i < 8; ++i) len = (len << 8) | static_cast<unsigned char>(in_[2 + static_cast<std::size_t>(i)]);
                head = 10;
            }
            bool complete = (len < 126 || head > 2) && in_.size() >= head + len;
            if (complete) {
                ws_frame f{static_cast<std::uint8_t>(b0 & 0x0f), in_.substr(head, len)};
                in_.erase(0, head + len);
                if (f.opcode == 0x9) {
                    send_frame(0xA, f.payload);
                    continue;
                }
                if (f.opcode == 0xA && want_control_ != 0xA) continue;
                if (f.opcode == 0x8) closed_ = true;
                return f;
            }
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || closed_ || !fill(left)) return std::nullopt;
    }
}

std::optional<boost::json::value> ws_client::next_json(std::chrono::milliseconds timeout) {
    auto f = next(timeout);
    if (!f || f->opcode != 0x1) return std::nullopt;
    return boost::json::parse(f->payload);
}

std::optional<boost::json::value> ws_client::next_update(std::string const& kind, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        auto m = next_json(left);
        if (!m) return std::nullopt;
        auto const& o = m->as_object();
        if (o.at("type") == "update" && o.at("kind").as_string() == kind) return m;
    }
}

boost::json::value ws_client::hello(std::string const& token, std::optional<std::int64_t> since) {
    boost::json::object h{{"type", "hello"}, {"token", token}};
    if (since) h["since"] = *since;
    send_text(boost::json::serialize(h));
    auto w = next_json();
    if (!w || w->at("type") != "welcome") throw std::runtime_error("ws: no welcome");
    return *w;
}

std::vector<std::string> ws_client::take_available() {
    std::vector<std::string> out;
    while (!closed_ && fill(std::chrono::milliseconds(0))) {
    }
    while (auto f = next(std::chrono::milliseconds(0))) {
        if (f->opcode == 0x1) out.push_back(std::move(f->payload));
        if (f->opcode == 0x8) break;
    }
    return out;
}

void ws_client::drop() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    closed_ = true;
}

}  // namespace bimtek::testing
