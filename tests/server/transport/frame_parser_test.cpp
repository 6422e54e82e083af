#include "server/transport/ws/frame_parser.hpp"

#include <gtest/gtest.h>

namespace bimtek::transport {
namespace {

using kind = frame_parser::event_kind;

// A masked client frame.
std::string client_frame(std::uint8_t first_byte, std::string const& payload, bool masked = true) {
    std::string f;
    f.push_back(static_cast<char>(first_byte));
    std::size_t n = payload.size();
    char mask_bit = masked ? static_cast<char>(0x80) : 0;
    if (n < 126) {
        f.push_back(static_cast<char>(mask_bit | static_cast<char>(n)));
    } else if (n <= 0xFFFF) {
        f.push_back(static_cast<char>(mask_bit | 126));
        f.push_back(static_cast<char>(n >> 8));
        f.push_back(static_cast<char>(n & 0xFF));
    } else {
        f.push_back(static_cast<char>(mask_bit | 127));
        for (int s = 56; s >= 0; s -= 8) f.push_back(static_cast<char>((std::uint64_t{n} >> s) & 0xFF));
    }
    char const key[4] = {0x37, static_cast<char>(0xfa), 0x21, 0x3d};
    if (masked) f.append(key, 4);
    for (std::size_t i = 0; i < n; ++i) f.push_back(masked ? static_cast<char>(payload[i] ^ key[i % 4]) : payload[i]);
    return f;
}

std::string text(std::string const& s) { return client_frame(0x81, s); }

TEST(FrameParser, ReadsATextMessage) {
    frame_parser p(1024);
    p.feed(text(R"({"type":"ping"})"));
    ASSERT_EQ(p.next(), kind::text);
    EXPECT_EQ(p.payload(), R"({"type":"ping"})");
    EXPECT_EQ(p.next(), kind::need_more);
    EXPECT_EQ(p.buffered(), 0u);
}

TEST(FrameParser, BytesMayArriveOneAtATime) {
    frame_parser p(1024);
    std::string f = text("halo") + client_frame(0x89, "p1");
    for (std::size_t i = 0; i + 1 < f.size(); ++i) {
        p.feed(f.substr(i, 1));
        if (i + 1 < text("halo").size()) EXPECT_EQ(p.next(), kind::need_more) << i;
        else if (i + 1 == text("halo").size()) {
            ASSERT_EQ(p.next(), kind::text);
            EXPECT_EQ(p.payload(), "halo");
        }
    }
    p.feed(f.substr(f.size() - 1));
    ASSERT_EQ(p.next(), kind::ping);
    EXPECT_EQ(p.payload(), "p1");
}

TEST(FrameParser, LongerLengthEncodings) {
    frame_parser p(100 * 1024);
    std::string medium(300, 'a'), large(70000, 'b');
    p.feed(text(medium) + text(large));
    ASSERT_EQ(p.next(), kind::text);
    EXPECT_EQ(p.payload(), medium);
    ASSERT_EQ(p.next(), kind::text);
    EXPECT_EQ(p.payload(), large);
}

TEST(FrameParser, FragmentsAreJoinedAndControlFramesMayInterleave) {
    frame_parser p(1024);
    p.feed(client_frame(0x01, "Sela") + client_frame(0x89, "x") + client_frame(0x00, "mat ") +
           client_frame(0x80, "pagi"));
    ASSERT_EQ(p.next(), kind::ping);
    ASSERT_EQ(p.next(), kind::text);
    EXPECT_EQ(p.payload(), "Selamat pagi");
}

TEST(FrameParser, CloseCarriesItsCode) {
    frame_parser p(1024);
    p.feed(client_frame(0x88, std::string("\x03\xe8", 2) + "bye"));
    ASSERT_EQ(p.next(), kind::close);
    EXPECT_EQ(p.close_code(), 1000);
    frame_parser empty(1024);
    empty.feed(client_frame(0x88, ""));
    ASSERT_EQ(empty.next(), kind::close);
    EXPECT_EQ(empty.close_code(), 1005);
}

struct refusal {
    std::string bytes;
    std::uint16_t code;
    char const* why;
};

TEST(FrameParser, RefusesWhatAServerMustRefuse) {
    std::vector<refusal> cases{
        {client_frame(0x81, "x", false), 1002, "unmasked client frame"},
        {client_frame(0xC1, "x"), 1002, "reserved bit without an extension"},
        {client_frame(0x83, "x"), 1002, "reserved opcode"},
        {client_frame(0x09, "x"), 1002, "fragmented control frame"},
        {client_frame(0x89, std::string(126, 'x')), 1002, "control frame over 125 bytes"},
        {client_frame(0x80, "x"), 1002, "continuation without a message"},
        {client_frame(0x01, "a") + client_frame(0x81, "b"), 1002, "new message inside a fragmented one"},
        {client_frame(0x82, "\x01\x02"), 1003, "binary message"},
        {text("\xC3\x28"), 1007, "invalid UTF-8"},
        {client_frame(0x01, "\xE2\x82") + client_frame(0x80, "x"), 1007, "invalid UTF-8 across fragments"},
        {client_frame(0x88, "\x03"), 1002, "close with a one-byte body"},
        {client_frame(0x88, std::string("\x03\xed", 2)), 1002, "close with a reserved code (1005)"},
        {text(std::string(2000, 'x')), 1009, "message over the limit"},
        {client_frame(0x01, std::string(600, 'x')) + client_frame(0x80, std::string(600, 'x')), 1009,
         "fragments over the limit"},
    };
    for (auto const& c : cases) {
        frame_parser p(1024);
        p.feed(c.bytes);
        EXPECT_EQ(p.next(), kind::failure) << c.why;
        EXPECT_EQ(p.close_code(), c.code) << c.why;
    }
}

TEST(FrameParser, TooBigIsKnownFromTheHeaderAlone) {
    frame_parser p(64 * 1024);
    std::string f = text(std::string(70 * 1024, 'x'));
    p.feed(f.substr(0, 14));  // the header only: no need to buffer 70 KiB to refuse it
    EXPECT_EQ(p.next(), kind::failure);
    EXPECT_EQ(p.close_code(), 1009);
}

TEST(FrameEncoder, ServerFramesAreUnmaskedAndFinal) {
    auto small = encode_server_frame(op_text, "hi");
    EXPECT_EQ(small, std::string("\x81\x02hi", 4));
    auto medium = encode_server_frame(op_text, std::string(300, 'a'));
    EXPECT_EQ(static_cast<unsigned char>(medium[1]), 126u);
    EXPECT_EQ((static_cast<unsigned char>(medium[2]) << 8) | static_cast<unsigned char>(medium[3]), 300);
    EXPECT_EQ(medium.size(), 304u);
    auto large = encode_server_frame(op_text, std::string(70000, 'a'));
    EXPECT_EQ(static_cast<unsigned char>(large[1]), 127u);
    EXPECT_EQ(large.size(), 70010u);
    auto close = encode_close_frame(1009, "too big");
    EXPECT_EQ(close, std::string("\x88\x09\x03\xf1too big", 11));
}

}  // namespace
}  // namespace bimtek::transport
