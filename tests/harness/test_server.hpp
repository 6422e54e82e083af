// bimtek-server in process, on a free loopback port with a fresh data directory (the demo event
// seeded), serving on its own threads until the object is destroyed. The fastest way for an
// integration test to reach the real server over real sockets — and the server's code runs
// under the test's sanitizers.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include <boost/json/value.hpp>

#include "server/app/server_app.hpp"
#include "tests/harness/temp_dir.hpp"

namespace bimtek::testing {

struct test_server_options {
    bool demo = true;
    int demo_online = 170;
    int threads = 2;
    std::chrono::seconds presence_grace{20};
    std::size_t ws_max_queue = 2048;
    std::chrono::seconds ws_hello_timeout{10};
    std::uint64_t max_upload_bytes = 100ull * 1024 * 1024;
};

class test_server {
public:
    explicit test_server(test_server_options o = {});
    ~test_server();

    std::uint16_t port() const { return app_->port(); }
    // Stops the server (gracefully) and starts it again on the same data directory, as a
    // restart in production would; the port changes.
    void restart();
    std::filesystem::path const& data_dir() const { return dir_.path(); }
    // data/demo.json, parsed (the demo must have been seeded).
    boost::json::value const& demo() const { return demo_; }
    std::int64_t event_id() const;
    // A token from POST /api/v1/login (coordinator, speaker) or /api/v1/join (a code).
    std::string login_coordinator() const;
    std::string login_speaker() const;
    std::string join(std::string const& code) const;
    // The access code of the demo's participant number "index" with the given mode.
    std::string code_of(std::string const& mode, std::size_t index = 0) const;

private:
    void start(bool seed);

    test_server_options options_;
    temp_dir dir_;
    std::unique_ptr<app::server_app> app_;
    std::thread runner_;
    boost::json::value demo_;
};

}  // namespace bimtek::testing
