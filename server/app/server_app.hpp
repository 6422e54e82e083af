// The whole server wired together: storage, domain services, routes, listener and I/O threads.
// create() opens the database and binds the port; run() serves until stop() or a signal;
// destruction closes the database. Used by main.cpp and by the in-process integration tests.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "server/app/server_options.hpp"
#include "server/domain/result.hpp"

namespace bimtek::app {

class server_app {
public:
    static domain::result<std::unique_ptr<server_app>> create(server_options options);
    ~server_app();
    server_app(server_app const&) = delete;
    server_app& operator=(server_app const&) = delete;

    std::uint16_t port() const;
    std::string base_url() const;  // "http://127.0.0.1:8080"

    // Serves on options.threads threads (the caller's among them) until stopped; returns after
    // in-flight requests finished (or a 10 s grace period passed).
    void run();
    // Graceful stop: no new connections, in-flight requests finish, then run() returns.
    // Thread-safe; idempotent.
    void stop();

private:
    struct impl;
    explicit server_app(std::unique_ptr<impl> p);
    std::unique_ptr<impl> impl_;
};

}  // namespace bimtek::app
