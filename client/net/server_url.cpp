#include "client/net/server_url.hpp"

#include <algorithm>
#include <charconv>

namespace bimtek::client::net {

std::optional<server_url> parse_server_url(std::string_view text) {
    constexpr std::string_view scheme = "http://";
    if (text.starts_with(scheme)) {
        text.remove_prefix(scheme.size());
    } else if (text.find("://") != std::string_view::npos) {
        return std::nullopt;
    }
    while (text.ends_with('/')) text.remove_suffix(1);
    if (text.empty() || text.find('/') != std::string_view::npos) return std::nullopt;

    server_url u;
    std::string_view port = "80";
    if (text.front() == '[') {  // [::1]:8080
        auto close = text.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        u.host = std::string(text.substr(1, close - 1));
        auto rest = text.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') return std::nullopt;
            port = rest.substr(1);
        }
    } else {
        auto colon = text.rfind(':');
        u.host = std::string(text.substr(0, colon));
        if (colon != std::string_view::npos) port = text.substr(colon + 1);
    }
    if (u.host.empty() || port.empty() ||
        !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    unsigned value = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc{} || end != port.data() + port.size() || value == 0 || value > 65535)
        return std::nullopt;
    u.port = std::to_string(value);
    return u;
}

}  // namespace bimtek::client::net
