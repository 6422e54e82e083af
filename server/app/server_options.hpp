// How bimtek-server is configured (its command line, see main.cpp and --help).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace bimtek::app {

struct server_options {
    std::string bind = "127.0.0.1";
    std::uint16_t port = 8080;              // 0: any free port
    std::filesystem::path data_dir = "data";
    std::filesystem::path web_dir;          // default: the repository's web/
    bool demo = false;                      // seed the demo event into an empty database
    int demo_online = 170;                  // online participants in the demo event
    int threads = 0;                        // 0: one per CPU this process may run on
    bool sync_full = true;                  // SQLite synchronous=FULL (NORMAL otherwise)
    std::vector<std::string> allowed_origins;  // WebSocket origins besides the server's own
    bool handle_signals = true;             // stop gracefully on SIGINT/SIGTERM

    // Live-stream tuning (docs/protocol.md gives the defaults; tests shorten them).
    std::chrono::seconds presence_grace{20};  // a reconnect within this keeps the interval
    std::size_t ws_max_queue = 2048;          // frames queued per connection before it must resync
    std::chrono::seconds ws_hello_timeout{10};

    std::uint64_t max_upload_bytes = 100ull * 1024 * 1024;  // per material upload (--max-upload-mb)
};

// CPUs in this process's affinity mask (at least 1).
int available_cpus();

}  // namespace bimtek::app
