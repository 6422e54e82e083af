// The kiosk's durable queue of scans, a SQLite file (SQLiteCpp). Every scan is committed here
// before any attempt to send it, and marked done here after the server answered it for good, so
// a scan survives a dropped network and a crash of the kiosk; resending one is harmless because
// the server's check-in is idempotent per participant. Scans go out oldest first.
// One checkin_queue is used by one thread; several processes may share the file (WAL, busy
// timeout), though a scan may then be sent twice (harmless, see above).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "client/result.hpp"
#include "shared/time/timestamp.hpp"

namespace SQLite {
class Database;
}

namespace bimtek::client::store {

struct queued_scan {
    std::int64_t position = 0;             // order of arrival
    std::string id;                        // a random UUID
    std::string code;                      // as scanned (trimmed)
    std::optional<std::int64_t> event_id;  // nullopt: the kiosk's event, resolved when sent
    timestamp scanned_at;
};

class checkin_queue {
public:
    // Opens (creating it and its directory when needed) the queue in "file"; ":memory:" works
    // for tests that need no durability.
    static result<std::unique_ptr<checkin_queue>> open(std::filesystem::path const& file);
    ~checkin_queue();
    checkin_queue(checkin_queue const&) = delete;
    checkin_queue& operator=(checkin_queue const&) = delete;

    // Appends a scan, committed (synchronous=FULL) before this returns.
    result<queued_scan> add(std::string const& code, std::optional<std::int64_t> event_id,
                            timestamp scanned_at);
    // The oldest scan not yet answered, if any.
    result<std::optional<queued_scan>> oldest_pending();
    result<std::vector<queued_scan>> pending();
    result<std::int64_t> pending_count();
    // Records the server's final answer ("checked_in", "already_checked_in", "unknown_code",
    // "rejected:<code>"); the scan is never sent again.
    status mark_done(std::string const& id, std::string const& outcome, timestamp at);
    // The recorded answer of a scan (empty while pending); for tests and diagnostics.
    result<std::string> outcome_of(std::string const& id);

private:
    explicit checkin_queue(std::unique_ptr<SQLite::Database> db);
    std::unique_ptr<SQLite::Database> db_;
};

// A random (version 4) UUID.
std::string new_uuid();

}  // namespace bimtek::client::store
