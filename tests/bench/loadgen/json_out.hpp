// A small JSON writer for the load generator's report: numbers printed the way people read
// them (12.345, not 1.2345E1), keys in the order written. Single use, single-threaded.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bimtek::loadgen {

// "text" as a JSON string literal, with its quotes.
std::string json_quote(std::string_view text);

class json_writer {
public:
    json_writer& begin_object(std::string_view key = {});  // key: empty at the top or in arrays
    json_writer& end_object();
    json_writer& field(std::string_view key, double value, int decimals = 3);
    json_writer& field(std::string_view key, std::int64_t value);
    json_writer& field(std::string_view key, std::size_t value) {
        return field(key, static_cast<std::int64_t>(value));
    }
    json_writer& field(std::string_view key, int value) {
        return field(key, static_cast<std::int64_t>(value));
    }
    json_writer& field(std::string_view key, bool value);
    json_writer& field(std::string_view key, std::string_view value);
    json_writer& field(std::string_view key, char const* value) {
        return field(key, std::string_view(value));
    }
    json_writer& field(std::string_view key, std::vector<std::string> const& values);
    json_writer& null_field(std::string_view key);

    std::string const& str() const { return out_; }

private:
    void key(std::string_view k);

    std::string out_;
    bool first_ = true;  // no member written yet in the innermost object
};

}  // namespace bimtek::loadgen
