// RFC 6455 framing as the load generator needs it: parsing the (unmasked) frames a server
// sends and writing the masked frames a client must send. Pure functions, no I/O.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bimtek::loadgen {

enum class ws_opcode : std::uint8_t {
    continuation = 0x0,
    text = 0x1,
    binary = 0x2,
    close = 0x8,
    ping = 0x9,
    pong = 0xA,
};

inline bool is_control(ws_opcode op) {
    return (static_cast<std::uint8_t>(op) & 0x8) != 0;
}

struct frame_header {
    bool fin = false;
    ws_opcode opcode = ws_opcode::text;
    bool masked = false;                 // servers must not mask; unmasked anyway when set
    std::array<std::uint8_t, 4> mask{};  // valid when "masked"
    std::uint64_t payload_size = 0;
    std::size_t header_size = 0;  // bytes before the payload
};

enum class frame_status { ok, incomplete, malformed };

struct frame_parse {
    frame_status status = frame_status::incomplete;
    frame_header header;
};

// Reads the header of the frame at the start of "bytes". "incomplete" when more bytes are
// needed for the header (the payload may still be incomplete when "ok": check
// header_size + payload_size against the bytes available). "malformed" for reserved bits or
// opcodes, and for control frames that are fragmented or longer than 125 bytes.
frame_parse parse_frame_header(std::string_view bytes);

// Unmasks "payload" in place (no-op when the header is not masked).
void unmask(frame_header const& h, char* payload, std::size_t size);

// Appends one client frame (FIN set, masked with "mask_key") carrying "payload" to "out".
void append_client_frame(std::string& out, ws_opcode op, std::string_view payload,
                         std::uint32_t mask_key);

// The status code of a close frame's payload; 1005 when it has none.
int close_code(std::string_view payload);

}  // namespace bimtek::loadgen
