#include "server/transport/api/byte_range.hpp"

#include <charconv>
#include <optional>

namespace bimtek::transport {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Digits only (no sign, no spaces), not overflowing.
std::optional<std::uint64_t> number(std::string_view s) {
    if (s.empty()) return std::nullopt;
    std::uint64_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return v;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

std::string_view opaque(std::string_view tag) {
    tag = trim(tag);
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    return tag;
}

}  // namespace

range_request parse_range(std::string_view header, std::uint64_t size) {
    using kind = range_request::kind;
    range_request whole;
    header = trim(header);
    auto eq = header.find('=');
    if (eq == std::string_view::npos || !iequals(trim(header.substr(0, eq)), "bytes")) return whole;
    std::string_view spec = trim(header.substr(eq + 1));
    if (spec.find(',') != std::string_view::npos) return whole;
    auto dash = spec.find('-');
    if (dash == std::string_view::npos) return whole;
    std::string_view first_text = spec.substr(0, dash), last_text = spec.substr(dash + 1);

    if (first_text.empty()) {  // "-suffix": the last bytes
        auto suffix = number(last_text);
        if (!suffix) return whole;
        if (*suffix == 0 || size == 0) return {kind::unsatisfiable, 0, 0};
        std::uint64_t length = std::min(*suffix, size);
        return {kind::partial, size - length, length};
    }
    auto first = number(first_text);
    if (!first) return whole;
    std::uint64_t last = size == 0 ? 0 : size - 1;
    if (!last_text.empty()) {
        auto given = number(last_text);
        if (!given || *given < *first) return whole;  // invalid: ignored
        last = std::min(*given, last);
    }
    if (*first >= size) return {kind::unsatisfiable, 0, 0};
    return {kind::partial, *first, last - *first + 1};
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
    if_none_match = trim(if_none_match);
    if (if_none_match.empty()) return false;
    if (if_none_match == "*") return true;
    std::string_view want = opaque(etag);
    while (!if_none_match.empty()) {
        auto comma = if_none_match.find(',');
        if (opaque(if_none_match.substr(0, comma)) == want) return true;
        if (comma == std::string_view::npos) break;
        if_none_match.remove_prefix(comma + 1);
    }
    return false;
}

}  // namespace bimtek::transport
