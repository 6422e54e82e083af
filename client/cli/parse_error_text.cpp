#include "client/cli/parse_error_text.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

namespace bimtek::client::cli {

namespace {

using ui::msg;

// An option as the user typed it ("--user"); a positional argument ("id") as the help shows
// it in usage lines, upper case ("ID").
std::string shown_name(std::string_view name) {
    std::string s(name);
    if (!s.starts_with("-"))
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

// "A<sep>B" split at the first "sep", when A is one word.
std::optional<std::pair<std::string_view, std::string_view>> split(std::string_view s,
                                                                   std::string_view sep) {
    auto at = s.find(sep);
    if (at == std::string_view::npos || at == 0) return std::nullopt;
    auto first = s.substr(0, at);
    if (first.find(' ') != std::string_view::npos) return std::nullopt;
    return std::pair{first, s.substr(at + sep.size())};
}

std::string joined(std::vector<std::string> const& words) {
    std::string out;
    for (auto const& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

std::optional<std::string> reworded(parse_mistake kind, std::string_view what, ui::lang l,
                                    std::vector<std::string> const& extras) {
    switch (kind) {
        case parse_mistake::required: {
            // Only "NAME is required"; CLI11's other wordings (subcommand counts) stay.
            constexpr std::string_view tail = " is required";
            if (!what.ends_with(tail)) return std::nullopt;
            auto name = what.substr(0, what.size() - tail.size());
            if (name.empty() || name.find(' ') != std::string_view::npos) return std::nullopt;
            return ui::format(l, msg::cli_required, {shown_name(name)});
        }
        case parse_mistake::unexpected:
            if (extras.empty()) return std::nullopt;
            return ui::format(l, msg::cli_unexpected, {joined(extras)});
        case parse_mistake::excludes:
        case parse_mistake::needs: {
            bool const excludes = kind == parse_mistake::excludes;
            auto parts = split(what, excludes ? " excludes " : " requires ");
            if (!parts) return std::nullopt;
            return ui::format(l, excludes ? msg::cli_excludes : msg::cli_requires,
                              {shown_name(parts->first), shown_name(parts->second)});
        }
        case parse_mistake::conversion: {
            constexpr std::string_view head = "Could not convert: ";
            if (!what.starts_with(head)) return std::nullopt;
            auto nv = split(what.substr(head.size()), " = ");
            if (!nv) return std::nullopt;
            return ui::format(l, msg::cli_bad_value, {shown_name(nv->first), nv->second});
        }
        case parse_mistake::validation: {
            // "NAME: <what the check said>": the check's words are CLI11's, the name is enough.
            auto parts = split(what, ": ");
            if (!parts) return std::nullopt;
            return ui::format(l, msg::cli_invalid, {shown_name(parts->first)});
        }
        case parse_mistake::argument_mismatch: {
            // "NAME: 1 required TEXT missing": the option came without its value.
            auto parts = split(what, ": ");
            if (!parts || !parts->second.ends_with(" missing")) return std::nullopt;
            return ui::format(l, msg::cli_no_value, {shown_name(parts->first)});
        }
        case parse_mistake::other:
            break;
    }
    return std::nullopt;
}

}  // namespace

std::string parse_error_text(parse_mistake kind, std::string_view what, ui::lang l,
                             std::vector<std::string> const& extras) {
    auto text = reworded(kind, what, l, extras);
    return text ? *text : std::string(what);
}

}  // namespace bimtek::client::cli
