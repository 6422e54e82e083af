// A clock for tests: stands still until told to move. Thread-safe.
#pragma once

#include <atomic>
#include <chrono>

#include "server/domain/clock.hpp"

namespace bimtek::test {

class fixed_clock final : public domain::clock {
public:
    // Starts at "start" (by default 2026-11-26T02:00:00Z, 09:00 in Jakarta).
    explicit fixed_clock(timestamp start = default_start());

    timestamp now() const override { return from_unix_ms(ms_.load()); }
    void set(timestamp t) { ms_.store(to_unix_ms(t)); }
    void advance(std::chrono::milliseconds d) { ms_.fetch_add(d.count()); }

    static timestamp default_start();

private:
    std::atomic<std::int64_t> ms_;
};

}  // namespace bimtek::test
