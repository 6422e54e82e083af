// The live stream's messages (WebSocket /ws), one JSON object per text frame. See
// docs/protocol.md for the whole protocol; this is its encoding, shared by the server and the
// native client (the web pages follow the same document).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <boost/json/object.hpp>

namespace bimtek::protocol {

inline constexpr std::size_t max_message_bytes = 64 * 1024;  // larger frames are closed with 1009
inline constexpr std::size_t max_token_bytes = 512;

// Client → server.
struct hello {
    std::string token;
    std::optional<std::int64_t> since;     // the last seq the client has seen
    std::optional<std::int64_t> event_id;  // staff on several events choose one
    std::optional<std::string> epoch;      // the epoch "since" belongs to
};
struct ping {};
using client_message = std::variant<hello, ping>;

// Server → client.
struct welcome {
    std::int64_t event_id = 0;
    std::string role;  // "coordinator", "speaker", "participant"
    std::int64_t seq = 0;
    std::string epoch;
    std::int64_t subject = 0;  // the user id (staff) or participant id
    std::string server_time;   // ISO 8601 UTC
};
struct update {
    std::int64_t seq = 0;
    std::string kind;
    std::string at;  // ISO 8601 UTC
    boost::json::object data;
};
struct resync {
    std::string reason;  // "gap_too_large", "epoch_changed", "ahead", "slow_consumer"
    std::int64_t seq = 0;
};
struct error {
    std::string code;  // "unauthorized", "forbidden", "malformed", "invalid_message", "unknown_type", ...
    std::string message;
};
struct pong {};
using server_message = std::variant<welcome, update, resync, error, pong>;

// Why a message was refused: code is "malformed" (not a JSON object), "invalid_message"
// (a field is missing or of the wrong type) or "unknown_type". Unknown fields are ignored.
struct decode_error {
    std::string code;
    std::string message;
};

template <class T>
using decoded = std::variant<T, decode_error>;

decoded<client_message> decode_client_message(std::string_view text);
decoded<server_message> decode_server_message(std::string_view text);

std::string encode(hello const& m);
std::string encode(ping const& m);
std::string encode(welcome const& m);
std::string encode(update const& m);
std::string encode(resync const& m);
std::string encode(error const& m);
std::string encode(pong const& m);

// An update frame from its parts without re-serializing the data: "data_json" must already be
// a serialized JSON object, "kind" and "at" need no escaping (they are ours). The server builds
// each update's frame once with this and sends the same bytes to every viewer.
std::string encode_update(std::int64_t seq, std::string_view kind, std::string_view at, std::string_view data_json);

}  // namespace bimtek::protocol
