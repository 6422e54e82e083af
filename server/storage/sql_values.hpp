// How bimtek's values are written to and read from SQLite columns: times as INTEGER unix
// milliseconds, booleans as INTEGER 0/1, enums as their text keys, optionals as NULL.
// Used by the repositories, on the store's thread.
#pragma once

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "shared/time/timestamp.hpp"

namespace bimtek::storage {

// A row that the schema should have refused (an unknown enum key): a storage failure.
class corrupt_row : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline void bind_time(SQLite::Statement& s, int index, timestamp t) {
    s.bind(index, to_unix_ms(t));
}

inline void bind_bool(SQLite::Statement& s, int index, bool b) {
    s.bind(index, b ? 1 : 0);
}

inline void bind_key(SQLite::Statement& s, int index, std::string_view key) {
    s.bind(index, std::string(key));
}

inline void bind_optional(SQLite::Statement& s, int index, std::optional<timestamp> const& t) {
    if (t)
        s.bind(index, to_unix_ms(*t));
    else
        s.bind(index);
}

inline void bind_optional(SQLite::Statement& s, int index, std::optional<std::int64_t> const& v) {
    if (v)
        s.bind(index, *v);
    else
        s.bind(index);
}

inline void bind_optional(SQLite::Statement& s, int index, std::optional<std::string> const& v) {
    if (v)
        s.bind(index, *v);
    else
        s.bind(index);
}

inline timestamp column_time(SQLite::Column const& c) {
    return from_unix_ms(c.getInt64());
}

inline bool column_bool(SQLite::Column const& c) {
    return c.getInt64() != 0;
}

inline std::optional<timestamp> column_optional_time(SQLite::Column const& c) {
    if (c.isNull()) return std::nullopt;
    return from_unix_ms(c.getInt64());
}

inline std::optional<std::int64_t> column_optional_int64(SQLite::Column const& c) {
    if (c.isNull()) return std::nullopt;
    return c.getInt64();
}

inline std::optional<std::string> column_optional_text(SQLite::Column const& c) {
    if (c.isNull()) return std::nullopt;
    return c.getString();
}

// The enum a text key names, read with "parse" (domain::parse_role, parse_mode, ...); throws
// corrupt_row naming "what" when the key is unknown.
template <class Parse>
auto column_key(SQLite::Column const& c, Parse parse, char const* what) {
    std::string key = c.getString();
    auto value = parse(key);
    if (!value)
        throw corrupt_row(std::string("unknown ") + what + " '" + key + "' in the database");
    return *value;
}

}  // namespace bimtek::storage
