// Reads the frames a WebSocket client sends (RFC 6455, section 5) from a byte stream and turns
// them into messages. Incremental: bytes may arrive in any pieces. Enforces what a server must:
// client frames are masked, no reserved bits (bimtek negotiates no extension), control frames
// are final and at most 125 bytes, continuation frames follow a fragmented message, a message
// is at most "max_message" bytes (1009 otherwise), text is UTF-8 (1007 otherwise), and binary
// messages are not part of bimtek's protocol (1003).
//
// Not thread-safe; owned by one connection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bimtek::transport {

class frame_parser {
public:
    enum class event_kind {
        need_more,  // nothing complete yet: feed more bytes
        text,       // a complete text message: payload()
        ping,       // payload() is the ping's data, to echo in a pong
        pong,
        close,      // the peer closes: close_code() (1005 when none was given)
        failure,    // a protocol violation: close the connection with close_code()
    };

    explicit frame_parser(std::size_t max_message) : max_message_(max_message) {}

    // Appends bytes to what is buffered.
    void feed(std::string_view bytes) { in_.append(bytes); }
    // The next event from the buffered bytes. After "failure" or "close", stop.
    event_kind next();

    std::string const& payload() const { return payload_; }
    std::uint16_t close_code() const { return close_code_; }
    // Bytes buffered but not yet consumed (a partial frame).
    std::size_t buffered() const { return in_.size() - pos_; }

private:
    event_kind fail(std::uint16_t code);

    std::size_t max_message_;
    std::string in_;        // received bytes; in_[pos_..] not yet consumed
    std::size_t pos_ = 0;
    std::string message_;   // fragments of a text message so far
    bool in_message_ = false;
    std::string payload_;   // the last event's payload
    std::uint16_t close_code_ = 1005;
};

// A frame the server sends (unmasked, final): header and payload in one string, so that one
// buffer can be written to any number of connections.
std::string encode_server_frame(std::uint8_t opcode, std::string_view payload);
// A close frame with "code" and a short reason.
std::string encode_close_frame(std::uint16_t code, std::string_view reason);

inline constexpr std::uint8_t op_text = 0x1;
inline constexpr std::uint8_t op_close = 0x8;
inline constexpr std::uint8_t op_ping = 0x9;
inline constexpr std::uint8_t op_pong = 0xA;

}  // namespace bimtek::transport
