#include "tests/bench/loadgen/ws_frame.hpp"

namespace bimtek::loadgen {
namespace {

std::uint8_t byte_at(std::string_view s, std::size_t i) {
    return static_cast<std::uint8_t>(s[i]);
}

bool known_opcode(std::uint8_t op) {
    return op <= 0x2 || (op >= 0x8 && op <= 0xA);
}

}  // namespace

frame_parse parse_frame_header(std::string_view bytes) {
    frame_parse out;
    if (bytes.size() < 2) return out;
    std::uint8_t b0 = byte_at(bytes, 0), b1 = byte_at(bytes, 1);
    frame_header& h = out.header;
    h.fin = (b0 & 0x80) != 0;
    h.opcode = static_cast<ws_opcode>(b0 & 0x0F);
    h.masked = (b1 & 0x80) != 0;
    if ((b0 & 0x70) != 0 || !known_opcode(b0 & 0x0F)) {  // no extensions were negotiated
        out.status = frame_status::malformed;
        return out;
    }

    std::size_t pos = 2;
    std::uint64_t size = b1 & 0x7F;
    std::size_t extra = size == 126 ? 2 : size == 127 ? 8 : 0;
    if (bytes.size() < pos + extra + (h.masked ? 4 : 0)) return out;
    if (extra != 0) {
        size = 0;
        for (std::size_t i = 0; i < extra; ++i) size = (size << 8) | byte_at(bytes, pos + i);
        pos += extra;
    }
    if (h.masked) {
        for (std::size_t i = 0; i < 4; ++i) h.mask[i] = byte_at(bytes, pos + i);
        pos += 4;
    }
    if (is_control(h.opcode) && (!h.fin || size > 125)) {
        out.status = frame_status::malformed;
        return out;
    }
    h.payload_size = size;
    h.header_size = pos;
    out.status = frame_status::ok;
    return out;
}

void unmask(frame_header const& h, char* payload, std::size_t size) {
    if (!h.masked) return;
    for (std::size_t i = 0; i < size; ++i)
        payload[i] = static_cast<char>(static_cast<std::uint8_t>(payload[i]) ^ h.mask[i % 4]);
}

void append_client_frame(std::string& out, ws_opcode op, std::string_view payload,
                         std::uint32_t mask_key) {
    out.push_back(static_cast<char>(0x80 | static_cast<std::uint8_t>(op)));
    std::uint64_t size = payload.size();
    if (size < 126) {
        out.push_back(static_cast<char>(0x80 | size));
    } else if (size <= 0xFFFF) {
        out.push_back(static_cast<char>(0x80 | 126));
        out.push_back(static_cast<char>((size >> 8) & 0xFF));
        out.push_back(static_cast<char>(size & 0xFF));
    } else {
        out.push_back(static_cast<char>(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.push_back(static_cast<char>((size >> shift) & 0xFF));
    }
    std::array<std::uint8_t, 4> mask{
        static_cast<std::uint8_t>(mask_key >> 24), static_cast<std::uint8_t>(mask_key >> 16),
        static_cast<std::uint8_t>(mask_key >> 8), static_cast<std::uint8_t>(mask_key)};
    for (std::uint8_t m : mask) out.push_back(static_cast<char>(m));
    std::size_t start = out.size();
    out.append(payload);
    for (std::size_t i = 0; i < payload.size(); ++i)
        out[start + i] = static_cast<char>(static_cast<std::uint8_t>(out[start + i]) ^ mask[i % 4]);
}

int close_code(std::string_view payload) {
    if (payload.size() < 2) return 1005;
    return (byte_at(payload, 0) << 8) | byte_at(payload, 1);
}

}  // namespace bimtek::loadgen
