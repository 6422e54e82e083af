#include "server/transport/api/json_input.hpp"

#include <charconv>

#include <boost/json/parse.hpp>

#include "shared/time/iso8601.hpp"

namespace bimtek::transport {
namespace json = boost::json;

domain::result<json_input> json_input::parse(std::string_view body) {
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return json_input{json::object{}};
    boost::system::error_code ec;
    json::value v = json::parse(body, ec);
    if (ec) return domain::make_error(domain::error_kind::malformed, "malformed_json", "the body is not valid JSON: " + ec.message());
    if (!v.is_object()) return domain::make_error(domain::error_kind::malformed, "malformed_json", "the body must be a JSON object");
    return json_input{std::move(v.as_object())};
}

bool json_input::has(std::string_view key) const { return object_.contains(key); }

void json_input::wrong(std::string_view key, std::string_view expected) {
    std::string name = prefix_ + std::string(key);
    problems_.push_back({0, name, "wrong_type", name + " must be " + std::string(expected)});
}

json_input json_input::nested(std::string_view key) {
    std::string prefix = prefix_ + std::string(key) + ".";
    auto const* v = object_.if_contains(key);
    if (v && v->is_object()) return json_input{v->as_object(), std::move(prefix)};
    if (v && !v->is_null()) wrong(key, "an object");
    return json_input{json::object{}, std::move(prefix)};
}

void json_input::absorb(json_input const& child) {
    problems_.insert(problems_.end(), child.problems_.begin(), child.problems_.end());
}

std::optional<std::string> json_input::string(std::string_view key) {
    auto const* v = object_.if_contains(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        wrong(key, "a string");
        return std::nullopt;
    }
    return std::string(v->as_string());
}

std::optional<std::optional<std::string>> json_input::nullable_string(std::string_view key) {
    auto const* v = object_.if_contains(key);
    if (!v) return std::nullopt;
    if (v->is_null()) return std::optional<std::string>{};
    if (!v->is_string()) {
        wrong(key, "a string or null");
        return std::nullopt;
    }
    return std::optional<std::string>{std::string(v->as_string())};
}

std::optional<std::int64_t> json_input::integer(std::string_view key) {
    auto const* v = object_.if_contains(key);
    if (!v) return std::nullopt;
    if (v->is_int64()) return v->as_int64();
    if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(v->as_uint64());
    if (v->is_double()) {
        double d = v->as_double();
        if (d == static_cast<double>(static_cast<std::int64_t>(d)) && d > -9e15 && d < 9e15) return static_cast<std::int64_t>(d);
    }
    wrong(key, "an integer");
    return std::nullopt;
}

std::optional<std::optional<std::int64_t>> json_input::nullable_integer(std::string_view key) {
    auto const* v = object_.if_contains(key);
    if (!v) return std::nullopt;
    if (v->is_null()) return std::optional<std::int64_t>{};
    auto i = integer(key);
    if (!i) return std::nullopt;
    return std::optional<std::int64_t>{*i};
}

std::optional<std::vector<std::int64_t>> json_input::integer_list(std::string_view key) {
    auto const* v = object_.if_contains(key);
    if (!v) return std::nullopt;
    std::vector<std::int64_t> out;
    if (v->is_array()) {
        for (auto const& item : v->as_array()) {
            if (item.is_int64())
                out.push_back(item.as_int64());
            else if (item.is_uint64() && item.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
                out.push_back(static_cast<std::int64_t>(item.as_uint64()));
            else
                break;
        }
        if (out.size() == v->as_array().size()) return out;
    }
    wrong(key, "an array of integers");
    return std::nullopt;
}

std::optional<double> json_input::number(std::string_view key) {
    auto const* v = object_.if_contains(key);
    if (!v) return std::nullopt;
    if (v->is_double()) return v->as_double();
    if (v->is_int64()) return static_cast<double>(v->as_int64());
    if (v->is_uint64()) return static_cast<double>(v->as_uint64());
    wrong(key, "a number");
    return std::nullopt;
}

std::optional<bool> json_input::boolean(std::string_view key) {
    auto const* v = object_.if_contains(key);
    if (!v) return std::nullopt;
    if (!v->is_bool()) {
        wrong(key, "true or false");
        return std::nullopt;
    }
    return v->as_bool();
}

std::optional<domain::time_input> json_input::time(std::string_view key) {
    auto s = string(key);
    if (!s) return std::nullopt;
    if (auto t = parse_iso8601(*s)) return domain::time_input{*t, false};
    if (auto w = parse_local_iso8601(*s)) return domain::time_input{*w, true};
    std::string name = prefix_ + std::string(key);
    problems_.push_back({0, name, "invalid_time", name + " must be an ISO 8601 time such as 2026-11-26T09:00:00+07:00"});
    return std::nullopt;
}

domain::status json_input::finish() const {
    if (problems_.empty()) return {};
    domain::error e = domain::make_error(domain::error_kind::invalid, "invalid_field",
                                         problems_.size() == 1 ? problems_.front().message
                                                               : std::to_string(problems_.size()) + " fields are invalid");
    e.problems = problems_;
    return e;
}

domain::result<std::int64_t> id_param(std::string const& text, std::string_view what) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size() || id <= 0)
        return domain::make_error(domain::error_kind::not_found, std::string(what) + "_not_found",
                                  "no such " + std::string(what));
    return id;
}

}  // namespace bimtek::transport
