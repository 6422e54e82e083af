// The resident memory of a process, from /proc/PID/status (Linux).
#pragma once

#include <cstdint>
#include <optional>

namespace bimtek::loadgen {

// VmRSS of "pid" in kB; nullopt when the process or the field cannot be read.
std::optional<std::int64_t> resident_kb(long pid);

}  // namespace bimtek::loadgen
