// The one time type of bimtek: a UTC instant with millisecond precision.
#pragma once

#include <chrono>
#include <cstdint>

namespace bimtek {

using timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

inline std::int64_t to_unix_ms(timestamp t) { return t.time_since_epoch().count(); }
inline timestamp from_unix_ms(std::int64_t ms) { return timestamp{std::chrono::milliseconds{ms}}; }

}  // namespace bimtek
