// RFC 6455 framing: client frames masked with every length encoding; server frames parsed,
// incomplete ones waited for, malformed ones refused.
#include "tests/bench/loadgen/ws_frame.hpp"

#include <gtest/gtest.h>

namespace bimtek::loadgen {
namespace {

std::string server_frame(std::uint8_t first, std::string const& payload) {
    std::string f(1, static_cast<char>(first));
    if (payload.size() < 126) {
        f.push_back(static_cast<char>(payload.size()));
    } else {
        f.push_back(126);
        f.push_back(static_cast<char>(payload.size() >> 8));
        f.push_back(static_cast<char>(payload.size() & 0xFF));
    }
    return f + payload;
}

TEST(WsFrame, ClientFramesAreMaskedAndRoundTrip) {
    for (std::size_t size : {0u, 5u, 125u, 126u, 1000u, 65535u, 65536u, 70000u}) {
        std::string payload(size, 'x');
        for (std::size_t i = 0; i < size; ++i) payload[i] = static_cast<char>('a' + i % 26);
        std::string out;
        append_client_frame(out, ws_opcode::text, payload, 0x11223344);

        frame_parse p = parse_frame_header(out);
        ASSERT_EQ(p.status, frame_status::ok) << size;
        EXPECT_TRUE(p.header.fin);
        EXPECT_TRUE(p.header.masked);
        EXPECT_EQ(p.header.opcode, ws_opcode::text);
        EXPECT_EQ(p.header.payload_size, size);
        ASSERT_EQ(out.size(), p.header.header_size + size);
        std::string body = out.substr(p.header.header_size);
        if (size > 0) {
            EXPECT_NE(body, payload);
        }
        unmask(p.header, body.data(), body.size());
        EXPECT_EQ(body, payload) << size;
    }
}

TEST(WsFrame, ServerFramesParse) {
    std::string f = server_frame(0x81, R"({"type":"pong"})");
    frame_parse p = parse_frame_header(f);
    ASSERT_EQ(p.status, frame_status::ok);
    EXPECT_FALSE(p.header.masked);
    EXPECT_EQ(p.header.header_size, 2u);
    EXPECT_EQ(p.header.payload_size, 15u);

    std::string big = server_frame(0x01, std::string(300, 'y'));  // text, not final
    p = parse_frame_header(big);
    ASSERT_EQ(p.status, frame_status::ok);
    EXPECT_FALSE(p.header.fin);
    EXPECT_EQ(p.header.header_size, 4u);
    EXPECT_EQ(p.header.payload_size, 300u);
}

TEST(WsFrame, IncompleteHeadersWait) {
    std::string big = server_frame(0x81, std::string(300, 'y'));
    EXPECT_EQ(parse_frame_header(big.substr(0, 1)).status, frame_status::incomplete);
    EXPECT_EQ(parse_frame_header(big.substr(0, 3)).status, frame_status::incomplete);
    EXPECT_EQ(parse_frame_header(big.substr(0, 4)).status, frame_status::ok);  // payload may lag
}

TEST(WsFrame, MalformedFramesAreRefused) {
    EXPECT_EQ(parse_frame_header(server_frame(0xC1, "x")).status, frame_status::malformed);  // RSV1
    EXPECT_EQ(parse_frame_header(server_frame(0x83, "x")).status,
              frame_status::malformed);  // opcode 3
    EXPECT_EQ(parse_frame_header(server_frame(0x09, "x")).status,
              frame_status::malformed);  // split ping
    EXPECT_EQ(parse_frame_header(server_frame(0x89, std::string(126, 'p'))).status,
              frame_status::malformed);  // control frame over 125 bytes
}

TEST(WsFrame, CloseCodes) {
    EXPECT_EQ(close_code(""), 1005);
    EXPECT_EQ(close_code(std::string("\x03\xF5", 2)), 1013);
}

}  // namespace
}  // namespace bimtek::loadgen
