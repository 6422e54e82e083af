#include "tests/bench/loadgen/update_scan.hpp"

#include <charconv>
#include <string>

namespace bimtek::loadgen {
namespace {

constexpr std::string_view k_space = " \t\r\n";

// The position just after "\"key\"" and the colon that follows it, or npos.
std::size_t value_start(std::string_view json, std::string_view key) {
    std::string quoted;
    quoted.reserve(key.size() + 2);
    quoted.append("\"").append(key).append("\"");
    for (std::size_t at = json.find(quoted); at != std::string_view::npos;
         at = json.find(quoted, at + 1)) {
        std::size_t pos = json.find_first_not_of(k_space, at + quoted.size());
        if (pos != std::string_view::npos && json[pos] == ':') {
            pos = json.find_first_not_of(k_space, pos + 1);
            return pos;
        }
    }
    return std::string_view::npos;
}

std::optional<std::int64_t> parse_int(std::string_view s) {
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end == s.data()) return std::nullopt;
    return v;
}

}  // namespace

std::optional<std::int64_t> find_int(std::string_view json, std::string_view key) {
    std::size_t pos = value_start(json, key);
    if (pos == std::string_view::npos) return std::nullopt;
    return parse_int(json.substr(pos));
}

std::optional<std::string_view> find_string(std::string_view json, std::string_view key) {
    std::size_t pos = value_start(json, key);
    if (pos == std::string_view::npos || json[pos] != '"') return std::nullopt;
    std::size_t end = pos + 1;
    while (end < json.size() && json[end] != '"') end += json[end] == '\\' ? 2 : 1;
    if (end >= json.size()) return std::nullopt;
    return json.substr(pos + 1, end - pos - 1);
}

std::string_view message_type(std::string_view message) {
    return find_string(message, "type").value_or(std::string_view{});
}

std::optional<update_fields> scan_update(std::string_view message) {
    // The fast path: exactly what bimtek writes.
    constexpr std::string_view prefix = R"({"type":"update","seq":)";
    if (message.substr(0, prefix.size()) != prefix && message_type(message) != "update")
        return std::nullopt;
    auto seq = find_int(message, "seq");
    auto kind = find_string(message, "kind");
    std::size_t data = value_start(message, "data");
    if (!seq || !kind || data == std::string_view::npos) return std::nullopt;
    return update_fields{*seq, *kind, message.substr(data)};
}

std::optional<vote_fields> scan_vote(std::string_view data) {
    std::size_t q = value_start(data, "question");
    if (q == std::string_view::npos) return std::nullopt;
    std::string_view question = data.substr(q);
    auto id = find_int(question, "id");
    auto votes = find_int(question, "votes");
    if (!id || !votes) return std::nullopt;
    return vote_fields{*id, *votes};
}

std::string make_marker(std::string_view nonce, int round) {
    std::string m = "[lg-";
    m.append(nonce).append(":").append(std::to_string(round)).append("]");
    return m;
}

std::optional<int> find_marker(std::string_view text, std::string_view nonce) {
    std::string head = "[lg-";
    head.append(nonce).append(":");
    std::size_t at = text.find(head);
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view rest = text.substr(at + head.size());
    int round = 0;
    auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), round);
    if (ec != std::errc{} || end == rest.data() || end == rest.data() + rest.size() || *end != ']')
        return std::nullopt;
    return round;
}

}  // namespace bimtek::loadgen
