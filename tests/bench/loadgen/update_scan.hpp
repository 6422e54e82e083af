// Reading the few fields the load generator needs from stream messages without parsing whole
// JSON documents (each client receives every update; at 10,000 clients a full parse per
// frame would make the tool the bottleneck). bimtek writes its messages compactly with the
// envelope first: {"type":"update","seq":58,"kind":"question.voted","at":"...","data":{...}}
// (shared/protocol/codec.cpp), so the first occurrence of a key is the envelope's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bimtek::loadgen {

// The integer value of the first "key" (given without quotes) in "json"; nullopt when the key
// is missing or its value is not an integer.
std::optional<std::int64_t> find_int(std::string_view json, std::string_view key);

// The string value of the first "key", without unescaping; nullopt when missing.
std::optional<std::string_view> find_string(std::string_view json, std::string_view key);

struct update_fields {
    std::int64_t seq = 0;
    std::string_view kind;
    std::string_view data;  // from the "data" value to the end of the message
};

// The envelope of an "update" message; nullopt for other messages.
std::optional<update_fields> scan_update(std::string_view message);

// The "type" of a message ("welcome", "update", "resync", ...); empty when none.
std::string_view message_type(std::string_view message);

struct vote_fields {
    std::int64_t question = 0;
    std::int64_t votes = 0;
};

// The data of "question.voted": {"question":{"id":I,"session_id":S,"votes":V}}.
std::optional<vote_fields> scan_vote(std::string_view data);

// Questions the load generator asks carry a marker "[lg-NONCE:ROUND]" in their text.
std::string make_marker(std::string_view nonce, int round);
// The ROUND of the first marker with "nonce" in "text"; nullopt when there is none.
std::optional<int> find_marker(std::string_view text, std::string_view nonce);

}  // namespace bimtek::loadgen
