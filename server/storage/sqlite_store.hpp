// domain::store on one SQLite file (see server/domain/store.hpp): the file is opened and
// migrated by open(), and its repositories are reached only through write() and read().
//
// Owned by the app, which keeps it (and the notifier) alive as long as any service uses it.
// Thread-safe: write(), read(), checkpoint() and schema_version() may be called from any thread.
// The store holds two connections to the file, each with its own repositories and its own
// mutex, so that neither SQLite::Database (nor any prepared statement) is ever used by two
// threads at once: writes take turns on the read-write connection; reads take turns on a
// read-only one and, thanks to WAL, do not wait for a write's commit (an in-memory database
// has a single connection for both). A work function must not call back into the store (it
// would wait for itself).
//
// Checkpoints: a file-backed store copies the WAL into the database file on a thread of its own
// (a third connection, PASSIVE checkpoints once a second), not in the commit that happens to
// cross SQLite's threshold: that commit would otherwise make its caller (an io thread serving
// live connections) wait for a copy and an fsync of the database file. The writer keeps SQLite's
// automatic checkpoint only as a backstop, at a far higher threshold.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "server/domain/notifier.hpp"
#include "server/domain/result.hpp"
#include "server/domain/store.hpp"
#include "server/storage/database.hpp"

namespace bimtek::storage {

class sqlite_store final : public domain::store {
public:
    // Opens the database at "path" (creating the file, not its directory; ":memory:" for a
    // private in-memory database) and migrates it to current_schema_version(). "n" receives the
    // committed updates and must outlive the store. Errors (error_kind::internal) are those of
    // open_database() ("data_dir_missing", "not_a_database", "storage_open_failed") and of
    // migrate() ("schema_too_new", "migration_failed"); their messages name the file.
    static domain::result<std::unique_ptr<sqlite_store>> open(std::string const& path,
                                                              domain::notifier& n,
                                                              database_options const& options = {});

    // Closes the file. The last connection to close checkpoints the WAL into the database file
    // and removes it.
    ~sqlite_store() override;

    sqlite_store(sqlite_store const&) = delete;
    sqlite_store& operator=(sqlite_store const&) = delete;

    // One BEGIN IMMEDIATE transaction: commits when "w" returns ok, then publishes the updates
    // "w" appended, in seq order, to the notifier before releasing the lock, and returns ok. When
    // "w" returns an error, rolls back and returns it. A storage failure (any exception thrown
    // by a repository, by "w" or by the commit) rolls back and returns error_kind::internal
    // "storage_error". An update is published only if its transaction committed.
    domain::status write(work const& w) override;
    // One deferred transaction, always rolled back: "w" sees one consistent snapshot of what
    // was committed. The connection is read-only, so a write inside "w" is a storage failure.
    domain::status read(work const& w) override;

    // Copies the WAL into the database file and truncates it (e.g. before copying the file for
    // a backup). Error "storage_error" if it failed, "checkpoint_busy" if another connection's
    // reader kept it from completing.
    domain::status checkpoint();

    // The file's PRAGMA user_version: current_schema_version() once opened; -1 if it cannot be
    // read.
    int schema_version();
    static int current_schema_version();

private:
    struct state;  // a connection and its repositories

    sqlite_store(std::unique_ptr<state> writer, std::unique_ptr<state> reader, domain::notifier& n);
    void start_checkpointer(std::string const& path, database_options const& options);
    void stop_checkpointer();

    std::mutex write_mutex_;
    std::unique_ptr<state> writer_;  // guarded by write_mutex_
    std::mutex read_mutex_;
    std::unique_ptr<state> reader_;  // guarded by read_mutex_; null for ":memory:" (reads use writer_)
    domain::notifier& notifier_;     // called with write_mutex_ held

    std::mutex checkpointer_mutex_;
    std::condition_variable checkpointer_wake_;
    bool checkpointer_stop_ = false;  // guarded by checkpointer_mutex_
    std::thread checkpointer_;        // not joinable for ":memory:"
};

}  // namespace bimtek::storage
