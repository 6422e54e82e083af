#include "tests/bench/loadgen/ws_fleet.hpp"

#include <array>

#include <boost/asio/write.hpp>

#include "tests/bench/loadgen/json_out.hpp"
#include "tests/bench/loadgen/update_scan.hpp"
#include "tests/bench/loadgen/ws_frame.hpp"

namespace bimtek::loadgen {
namespace {

constexpr std::size_t k_scratch_size = 256 * 1024;
constexpr std::size_t k_max_handshake = 16 * 1024;
constexpr std::uint64_t k_max_message = 16 * 1024 * 1024;

std::string base64(std::array<std::uint8_t, 16> const& bytes) {
    constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        unsigned v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        for (int shift = 18; shift >= 0; shift -= 6) out.push_back(alphabet[(v >> shift) & 63]);
    }
    // 16 bytes: one left over, written as two characters and two pads.
    unsigned v = bytes[i] << 16;
    out.push_back(alphabet[(v >> 18) & 63]);
    out.push_back(alphabet[(v >> 12) & 63]);
    out.append("==");
    return out;
}

}  // namespace

struct ws_fleet::client {
    explicit client(net::io_context& ioc) : socket(ioc) {}

    enum class phase { idle, connecting, upgrading, welcoming, open, closed };

    tcp::socket socket;
    std::string token;
    phase at = phase::idle;
    std::string in;       // received bytes not consumed yet: the handshake, a frame's tail
    std::string message;  // a fragmented message being assembled
    bool in_message = false;
    std::string out;       // the bytes of the write in progress
    std::string out_next;  // bytes queued behind it
    bool writing = false;
    steady::time_point started, welcomed;
};

ws_fleet::ws_fleet(net::io_context& ioc, server_address const& server, fleet_observer& observer)
    : ioc_(ioc),
      server_(server),
      observer_(observer),
      scratch_(k_scratch_size),
      rng_state_(static_cast<std::uint64_t>(steady::now().time_since_epoch().count()) | 1) {}

ws_fleet::~ws_fleet() = default;

void ws_fleet::open(std::vector<std::string> tokens, std::size_t max_connecting) {
    clients_.reserve(tokens.size());
    for (auto& t : tokens) {
        clients_.push_back(std::make_unique<client>(ioc_));
        clients_.back()->token = std::move(t);
    }
    max_connecting_ = std::max<std::size_t>(max_connecting, 1);
    launch_more();
}

bool ws_fleet::is_open(std::size_t i) const {
    return i < clients_.size() && clients_[i]->at == client::phase::open;
}

std::vector<double> ws_fleet::welcome_latencies_ms() const {
    std::vector<double> out;
    out.reserve(welcomed_);
    for (auto const& c : clients_)
        if (c->welcomed != steady::time_point{}) out.push_back(ms_between(c->started, c->welcomed));
    return out;
}

void ws_fleet::launch_more() {
    while (connecting_ < max_connecting_ && next_ < clients_.size()) start(next_++);
}

void ws_fleet::start(std::size_t i) {
    client& c = *clients_[i];
    c.at = client::phase::connecting;
    c.started = steady::now();
    ++connecting_;
    c.socket.async_connect(server_.endpoint,
                           [this, i](boost::system::error_code ec) { on_connect(i, ec); });
}

void ws_fleet::on_connect(std::size_t i, boost::system::error_code ec) {
    client& c = *clients_[i];
    if (c.at == client::phase::closed) return;
    if (ec) return fail(i, "connect");
    c.socket.non_blocking(true, ec);
    if (!ec) c.socket.set_option(tcp::no_delay(true), ec);
    if (ec) return fail(i, "connect");

    std::array<std::uint8_t, 16> key{};
    for (std::size_t k = 0; k < key.size(); k += 8) {
        std::uint64_t r = random();
        for (std::size_t b = 0; b < 8; ++b) key[k + b] = static_cast<std::uint8_t>(r >> (8 * b));
    }
    c.at = client::phase::upgrading;
    send(i, "GET /ws HTTP/1.1\r\nHost: " + server_.host +
                "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " +
                base64(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
    wait_readable(i);
}

void ws_fleet::wait_readable(std::size_t i) {
    clients_[i]->socket.async_wait(tcp::socket::wait_read,
                                   [this, i](boost::system::error_code ec) { on_readable(i, ec); });
}

void ws_fleet::on_readable(std::size_t i, boost::system::error_code ec) {
    client& c = *clients_[i];
    if (c.at == client::phase::closed) return;
    if (ec) return fail(i, "read");
    auto at = steady::now();
    // The reactor is edge-triggered: read until a short read shows the socket is drained.
    for (;;) {
        std::size_t n = c.socket.read_some(net::buffer(scratch_), ec);
        if (ec == net::error::would_block || ec == net::error::try_again) break;
        if (ec) return fail(i, ec == net::error::eof ? "closed_eof" : "read");
        if (!consume(i, scratch_.data(), n, at)) return;
        if (n < scratch_.size()) break;
    }
    wait_readable(i);
}

bool ws_fleet::consume(std::size_t i, char* data, std::size_t n, steady::time_point at) {
    client& c = *clients_[i];
    if (c.at == client::phase::upgrading) {
        c.in.append(data, n);
        return take_handshake(i, at);
    }
    return take_frames(i, data, n, at);
}

bool ws_fleet::take_handshake(std::size_t i, steady::time_point at) {
    client& c = *clients_[i];
    auto end = c.in.find("\r\n\r\n");
    if (end == std::string::npos) {
        if (c.in.size() <= k_max_handshake) return true;
        fail(i, "upgrade");
        return false;
    }
    // "HTTP/1.1 101 Switching Protocols"; Sec-WebSocket-Accept is not checked (a benchmark
    // against a known server, not a security boundary).
    if (c.in.compare(0, 12, "HTTP/1.1 101") != 0) {
        fail(i, c.in.size() >= 12 ? "upgrade_" + c.in.substr(9, 3) : std::string("upgrade"));
        return false;
    }
    std::string rest = c.in.substr(end + 4);
    c.in.clear();
    c.at = client::phase::welcoming;
    send_frame(i, static_cast<int>(ws_opcode::text),
               R"({"type":"hello","token":)" + json_quote(c.token) + "}");
    return rest.empty() || take_frames(i, rest.data(), rest.size(), at);
}

bool ws_fleet::take_frames(std::size_t i, char* data, std::size_t n, steady::time_point at) {
    client& c = *clients_[i];
    char* buf = data;
    std::size_t size = n;
    bool buffered = !c.in.empty();
    if (buffered) {
        c.in.append(data, n);
        buf = c.in.data();
        size = c.in.size();
    }
    std::size_t pos = 0;
    while (pos < size) {
        frame_parse parsed = parse_frame_header({buf + pos, size - pos});
        if (parsed.status == frame_status::incomplete) break;
        frame_header const& h = parsed.header;
        if (parsed.status == frame_status::malformed || h.payload_size > k_max_message) {
            fail(i, "protocol");
            return false;
        }
        std::size_t total = h.header_size + static_cast<std::size_t>(h.payload_size);
        if (size - pos < total) break;
        char* payload = buf + pos + h.header_size;
        auto len = static_cast<std::size_t>(h.payload_size);
        unmask(h, payload, len);
        pos += total;
        std::string_view body(payload, len);

        switch (h.opcode) {
            case ws_opcode::ping:
                send_frame(i, static_cast<int>(ws_opcode::pong), body);
                break;
            case ws_opcode::pong:
                break;
            case ws_opcode::close:
                fail(i, "closed_" + std::to_string(close_code(body)));
                return false;
            case ws_opcode::text:
            case ws_opcode::binary:
                if (c.in_message) {
                    fail(i, "protocol");
                    return false;
                }
                if (h.fin) {
                    if (!deliver(i, body, at)) return false;
                } else {
                    c.in_message = true;
                    c.message.assign(body);
                }
                break;
            case ws_opcode::continuation:
                if (!c.in_message) {
                    fail(i, "protocol");
                    return false;
                }
                c.message.append(body);
                if (h.fin) {
                    c.in_message = false;
                    std::string whole = std::move(c.message);
                    c.message.clear();
                    if (!deliver(i, whole, at)) return false;
                }
                break;
        }
    }
    if (buffered) {
        c.in.erase(0, pos);
        if (c.in.empty() && c.in.capacity() > 64 * 1024) std::string().swap(c.in);
    } else if (pos < size) {
        c.in.assign(buf + pos, size - pos);
    }
    return true;
}

bool ws_fleet::deliver(std::size_t i, std::string_view text, steady::time_point at) {
    client& c = *clients_[i];
    if (c.at == client::phase::welcoming) {
        std::string_view type = message_type(text);
        if (type == "error") {
            fail(i, "hello_rejected");
            return false;
        }
        if (type != "welcome") return true;  // nothing else is expected before the welcome
        c.at = client::phase::open;
        c.welcomed = at;
        ++welcomed_;
        --connecting_;
        observer_.on_welcome(i, find_int(text, "seq").value_or(0), at);
        launch_more();
        return true;
    }
    observer_.on_message(i, text, at);
    return true;
}

void ws_fleet::send_frame(std::size_t i, int opcode, std::string_view payload) {
    std::string frame;
    frame.reserve(payload.size() + 14);
    append_client_frame(frame, static_cast<ws_opcode>(opcode), payload,
                        static_cast<std::uint32_t>(random()));
    send(i, frame);
}

void ws_fleet::send(std::size_t i, std::string_view bytes) {
    client& c = *clients_[i];
    if (c.writing) {
        c.out_next.append(bytes);
        return;
    }
    c.out.assign(bytes);
    do_write(i);
}

void ws_fleet::do_write(std::size_t i) {
    client& c = *clients_[i];
    c.writing = true;
    net::async_write(c.socket, net::buffer(c.out),
                     [this, i](boost::system::error_code ec, std::size_t) {
                         client& w = *clients_[i];
                         w.writing = false;
                         if (w.at == client::phase::closed) return;
                         if (ec) return fail(i, "write");
                         w.out.clear();
                         if (!w.out_next.empty()) {
                             std::swap(w.out, w.out_next);
                             do_write(i);
                         }
                     });
}

void ws_fleet::fail(std::size_t i, std::string_view reason) {
    client& c = *clients_[i];
    if (c.at == client::phase::closed) return;
    bool was_open = c.at == client::phase::open;
    boost::system::error_code ignored;
    c.socket.close(ignored);
    c.at = client::phase::closed;
    std::string().swap(c.in);
    std::string().swap(c.message);
    ++failed_;
    if (was_open) {
        ++failed_after_welcome_;
    } else {
        ++failed_before_welcome_;
        --connecting_;
    }
    observer_.on_failed(i, reason);
    if (!was_open) launch_more();
}

std::uint64_t ws_fleet::random() {
    // xorshift64*: masks and handshake keys need variety, not secrecy.
    rng_state_ ^= rng_state_ >> 12;
    rng_state_ ^= rng_state_ << 25;
    rng_state_ ^= rng_state_ >> 27;
    return rng_state_ * 0x2545F4914F6CDD1DULL;
}

}  // namespace bimtek::loadgen
