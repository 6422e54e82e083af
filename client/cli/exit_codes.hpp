// The exit codes of bimtek (also in `bimtek --help` and docs/client.md).
#pragma once

namespace bimtek::client::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failed = 1;  // the server said no; the queue is not empty after --flush
inline constexpr int exit_usage = 2;   // bad command line
inline constexpr int exit_auth = 3;    // no token, token refused (401), not allowed (403)
inline constexpr int exit_unreachable = 4;  // no answer from the server

}  // namespace bimtek::client::cli
