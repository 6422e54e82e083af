// Reading a JSON request body field by field. Every field that is present with the wrong type
// is recorded, so that finish() can answer one 422 listing all of them; a body that is not a
// JSON object is a 400. Unknown fields are ignored (clients may be newer than the server).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "server/domain/event_service.hpp"
#include "server/domain/result.hpp"

namespace bimtek::transport {

class json_input {
public:
    // 400 "malformed_json" unless "body" is one JSON object (an empty body reads as {}).
    static domain::result<json_input> parse(std::string_view body);

    bool has(std::string_view key) const;
    std::optional<std::string> string(std::string_view key);
    // Present and null → an engaged empty optional.
    std::optional<std::optional<std::string>> nullable_string(std::string_view key);
    std::optional<std::int64_t> integer(std::string_view key);
    std::optional<std::optional<std::int64_t>> nullable_integer(std::string_view key);
    std::optional<double> number(std::string_view key);
    // An array of integers ("[1, 2]"); an array holding anything else is recorded as wrong.
    std::optional<std::vector<std::int64_t>> integer_list(std::string_view key);
    std::optional<bool> boolean(std::string_view key);
    // An ISO 8601 time: with "Z"/offset an instant, without one a wall-clock time in the
    // event's zone.
    std::optional<domain::time_input> time(std::string_view key);

    // The object under "key" (empty when absent or not an object, which is recorded). Its
    // problems name fields as "key.field"; hand it back with absorb() before finish().
    json_input nested(std::string_view key);
    void absorb(json_input const& child);

    // 422 "invalid_field" with every problem found, or ok.
    domain::status finish() const;

private:
    explicit json_input(boost::json::object o, std::string prefix = {})
        : object_(std::move(o)), prefix_(std::move(prefix)) {}
    void wrong(std::string_view key, std::string_view expected);

    boost::json::object object_;
    std::string prefix_;  // "targets." for a nested object
    std::vector<domain::problem> problems_;
};

// A path parameter that must be a positive id: 404 otherwise (no such thing).
domain::result<std::int64_t> id_param(std::string const& text, std::string_view what);

}  // namespace bimtek::transport
