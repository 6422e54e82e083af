#include "shared/protocol/messages.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace bimtek::protocol {
namespace {

namespace json = boost::json;

// The message decoded from "text" as a T (a copy: the decoded variant is a temporary).
template <class T>
T client_as(std::string_view text) {
    auto d = decode_client_message(text);
    EXPECT_TRUE(std::holds_alternative<client_message>(d)) << text;
    auto const& m = std::get<client_message>(d);
    EXPECT_TRUE(std::holds_alternative<T>(m)) << text;
    return std::get<T>(m);
}

template <class T>
T server_as(std::string_view text) {
    auto d = decode_server_message(text);
    EXPECT_TRUE(std::holds_alternative<server_message>(d)) << text;
    auto const& m = std::get<server_message>(d);
    EXPECT_TRUE(std::holds_alternative<T>(m)) << text;
    return std::get<T>(m);
}

decode_error client_error(std::string_view text) {
    auto d = decode_client_message(text);
    EXPECT_TRUE(std::holds_alternative<decode_error>(d)) << text;
    return std::holds_alternative<decode_error>(d) ? std::get<decode_error>(d) : decode_error{};
}

TEST(ProtocolCodec, HelloRoundTrips) {
    hello h{"tok-123", 41, 7, "9f2c"};
    auto back = client_as<hello>(encode(h));
    EXPECT_EQ(back.token, "tok-123");
    EXPECT_EQ(back.since, 41);
    EXPECT_EQ(back.event_id, 7);
    EXPECT_EQ(back.epoch, "9f2c");
}

TEST(ProtocolCodec, HelloOptionalFieldsMayBeAbsentOrNull) {
    auto back = client_as<hello>(R"({"type":"hello","token":"t","since":null})");
    EXPECT_FALSE(back.since);
    EXPECT_FALSE(back.event_id);
    EXPECT_FALSE(back.epoch);
    EXPECT_EQ(encode(hello{"t", std::nullopt, std::nullopt, std::nullopt}), R"({"type":"hello","token":"t"})");
}

TEST(ProtocolCodec, UnknownFieldsAreIgnored) {
    EXPECT_EQ(client_as<hello>(R"({"type":"hello","token":"t","client":"bimtek/1.0","extra":[1,2]})").token, "t");
    client_as<ping>(R"({"type":"ping","nonce":5})");
}

TEST(ProtocolCodec, PingAndPong) {
    client_as<ping>(encode(ping{}));
    server_as<pong>(encode(pong{}));
}

TEST(ProtocolCodec, MalformedMessages) {
    for (auto text : {"", "not json", "[1,2]", "\"hello\"", "{\"type\":\"hello\"", "null"})
        EXPECT_EQ(client_error(text).code, "malformed") << text;
}

TEST(ProtocolCodec, WrongTypedFields) {
    for (auto text : {R"({"type":5})", R"({"token":"t"})", R"({"type":"hello"})", R"({"type":"hello","token":7})",
                      R"({"type":"hello","token":""})", R"({"type":"hello","token":"t","since":"41"})",
                      R"({"type":"hello","token":"t","since":-1})", R"({"type":"hello","token":"t","since":1.5})",
                      R"({"type":"hello","token":"t","event_id":true})", R"({"type":"hello","token":"t","epoch":3})"})
        EXPECT_EQ(client_error(text).code, "invalid_message") << text;
}

TEST(ProtocolCodec, UnknownType) {
    auto e = client_error(R"({"type":"subscribe"})");
    EXPECT_EQ(e.code, "unknown_type");
    EXPECT_NE(e.message.find("subscribe"), std::string::npos);
}

TEST(ProtocolCodec, OversizedMessagesAndTokensAreRefused) {
    std::string big = R"({"type":"hello","token":")" + std::string(max_message_bytes, 'a') + R"("})";
    EXPECT_EQ(client_error(big).code, "too_big");
    std::string long_token = R"({"type":"hello","token":")" + std::string(max_token_bytes + 1, 'a') + R"("})";
    EXPECT_EQ(client_error(long_token).code, "invalid_message");
}

TEST(ProtocolCodec, WelcomeRoundTrips) {
    welcome w{1, "participant", 57, "9f2c", 17, "2026-11-26T02:10:00Z"};
    auto back = server_as<welcome>(encode(w));
    EXPECT_EQ(back.event_id, 1);
    EXPECT_EQ(back.role, "participant");
    EXPECT_EQ(back.seq, 57);
    EXPECT_EQ(back.epoch, "9f2c");
    EXPECT_EQ(back.subject, 17);
    EXPECT_EQ(back.server_time, "2026-11-26T02:10:00Z");
}

TEST(ProtocolCodec, UpdateIsBuiltFromItsPartsWithoutReserializingTheData) {
    std::string data = R"({"counts":{"onsite_present":3,"online_present":12}})";
    std::string frame = encode_update(58, "checkin", "2026-11-26T02:10:03.120Z", data);
    EXPECT_EQ(frame, R"({"type":"update","seq":58,"kind":"checkin","at":"2026-11-26T02:10:03.120Z","data":)" + data + "}");
    auto u = server_as<update>(frame);
    EXPECT_EQ(u.seq, 58);
    EXPECT_EQ(u.kind, "checkin");
    EXPECT_EQ(u.at, "2026-11-26T02:10:03.120Z");
    EXPECT_EQ(u.data.at("counts").at("online_present").as_int64(), 12);
    // encode(update) and encode_update agree.
    EXPECT_EQ(json::parse(encode(u)), json::parse(frame));
}

TEST(ProtocolCodec, UpdateWithoutDataObjectIsInvalid) {
    for (auto text : {R"({"type":"update","seq":1,"kind":"x","at":"t"})", R"({"type":"update","seq":1,"kind":"x","at":"t","data":[]})",
                      R"({"type":"update","seq":"1","kind":"x","at":"t","data":{}})"}) {
        auto d = decode_server_message(text);
        ASSERT_TRUE(std::holds_alternative<decode_error>(d)) << text;
        EXPECT_EQ(std::get<decode_error>(d).code, "invalid_message");
    }
}

TEST(ProtocolCodec, ResyncAndErrorRoundTrip) {
    auto r = server_as<resync>(encode(resync{"gap_too_large", 1200}));
    EXPECT_EQ(r.reason, "gap_too_large");
    EXPECT_EQ(r.seq, 1200);
    auto e = server_as<error>(encode(error{"unauthorized", "bad token"}));
    EXPECT_EQ(e.code, "unauthorized");
    EXPECT_EQ(e.message, "bad token");
}

TEST(ProtocolCodec, TextWithQuotesAndUnicodeSurvives) {
    error e{"x", "kata \"kunci\" — é ✓ \\ \n"};
    auto back = server_as<error>(encode(e));
    EXPECT_EQ(back.message, e.message);
}

}  // namespace
}  // namespace bimtek::protocol
