#include "server/transport/ws/frame_parser.hpp"

#include "shared/text/utf8.hpp"

namespace bimtek::transport {
namespace {

constexpr std::uint8_t op_continuation = 0x0;
constexpr std::uint8_t op_binary = 0x2;

// RFC 6455 close codes used here.
constexpr std::uint16_t protocol_error = 1002;
constexpr std::uint16_t unsupported_data = 1003;
constexpr std::uint16_t invalid_payload = 1007;
constexpr std::uint16_t too_big = 1009;

bool valid_close_code(std::uint16_t c) {
    return (c >= 1000 && c <= 1003) || (c >= 1007 && c <= 1014) || (c >= 3000 && c <= 4999);
}

}  // namespace

frame_parser::event_kind frame_parser::fail(std::uint16_t code) {
    close_code_ = code;
    return event_kind::failure;
}

frame_parser::event_kind frame_parser::next() {
    for (;;) {
        // Compact now and then so the buffer does not keep what was consumed.
        if (pos_ > 0 && (pos_ == in_.size() || pos_ > 4096)) {
            in_.erase(0, pos_);
            pos_ = 0;
        }
        std::size_t avail = in_.size() - pos_;
        if (avail < 2) return event_kind::need_more;
        auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(in_[pos_ + i]); };
        std::uint8_t b0 = byte(0), b1 = byte(1);
        bool fin = (b0 & 0x80) != 0;
        std::uint8_t opcode = b0 & 0x0F;
        if ((b0 & 0x70) != 0) return fail(protocol_error);  // no extension was negotiated
        if ((b1 & 0x80) == 0) return fail(protocol_error);  // clients must mask
        std::uint64_t length = b1 & 0x7F;
        std::size_t header = 2;
        if (length == 126) {
            if (avail < 4) return event_kind::need_more;
            length = (std::uint64_t{byte(2)} << 8) | byte(3);
            header = 4;
        } else if (length == 127) {
            if (avail < 10) return event_kind::need_more;
            length = 0;
            for (std::size_t i = 0; i < 8; ++i) length = (length << 8) | byte(2 + i);
            header = 10;
            if (length >> 63) return fail(protocol_error);
        }
        bool control = (opcode & 0x08) != 0;
        if (control && (!fin || length > 125)) return fail(protocol_error);
        if (!control && (in_message_ ? message_.size() : 0) + length > max_message_) return fail(too_big);
        if (avail < header + 4 + length) return event_kind::need_more;

        char const* mask = in_.data() + pos_ + header;
        std::string data(in_.data() + pos_ + header + 4, static_cast<std::size_t>(length));
        for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>(data[i] ^ mask[i % 4]);
        pos_ += header + 4 + static_cast<std::size_t>(length);

        switch (opcode) {
            case op_ping:
                payload_ = std::move(data);
                return event_kind::ping;
            case op_pong:
                payload_ = std::move(data);
                return event_kind::pong;
            case op_close: {
                if (data.size() == 1) return fail(protocol_error);
                close_code_ = 1005;
                if (data.size() >= 2) {
                    close_code_ = static_cast<std::uint16_t>((static_cast<std::uint8_t>(data[0]) << 8) |
                                                             static_cast<std::uint8_t>(data[1]));
                    if (!valid_close_code(close_code_)) return fail(protocol_error);
                    if (!text::valid_utf8(std::string_view(data).substr(2))) return fail(invalid_payload);
                }
                payload_ = std::move(data);
                return event_kind::close;
            }
            case op_text:
            case op_binary:
                if (in_message_) return fail(protocol_error);  // a new message inside a fragmented one
                if (opcode == op_binary) return fail(unsupported_data);
                if (!fin) {
                    in_message_ = true;
                    message_ = std::move(data);
                    continue;
                }
                if (!text::valid_utf8(data)) return fail(invalid_payload);
                payload_ = std::move(data);
                return event_kind::text;
            case op_continuation:
                if (!in_message_) return fail(protocol_error);
                message_ += data;
                if (!fin) continue;
                in_message_ = false;
                if (!text::valid_utf8(message_)) return fail(invalid_payload);
                payload_ = std::move(message_);
                message_.clear();
                return event_kind::text;
            default:
                return fail(protocol_error);  // reserved opcodes
        }
    }
}

std::string encode_server_frame(std::uint8_t opcode, std::string_view payload) {
    std::string out;
    out.reserve(payload.size() + 10);
    out.push_back(static_cast<char>(0x80 | opcode));
    std::size_t n = payload.size();
    if (n < 126) {
        out.push_back(static_cast<char>(n));
    } else if (n <= 0xFFFF) {
        out.push_back(static_cast<char>(126));
        out.push_back(static_cast<char>(n >> 8));
        out.push_back(static_cast<char>(n & 0xFF));
    } else {
        out.push_back(static_cast<char>(127));
        for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((std::uint64_t{n} >> shift) & 0xFF));
    }
    out.append(payload);
    return out;
}

std::string encode_close_frame(std::uint16_t code, std::string_view reason) {
    std::string body;
    body.push_back(static_cast<char>(code >> 8));
    body.push_back(static_cast<char>(code & 0xFF));
    body.append(reason.substr(0, 123));
    return encode_server_frame(op_close, body);
}

}  // namespace bimtek::transport
