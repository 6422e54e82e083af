// Opening bimtek's SQLite file with the settings every connection needs. The connection returned
// belongs to the caller (sqlite_store, or a test) and must not be used by two threads at once.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "server/domain/result.hpp"

namespace SQLite {
class Database;
}

namespace bimtek::storage {

struct database_options {
    // Durability of a commit; the journal is always WAL.
    //   true  (synchronous=FULL, the default): the WAL is synced to disk at every commit, so a
    //         write that the store acknowledged survives a power cut or an OS crash.
    //   false (synchronous=NORMAL): the WAL is synced only at checkpoints. The file stays
    //         consistent and nothing is lost if only the server process dies, but the last
    //         commits before a power cut or an OS crash may be lost (check-ins at the door
    //         "vanish"). Commits are faster: choose it only when the disk's sync is too slow.
    bool synchronous_full = true;
    // How long a statement waits for a lock held by another connection to the same file (a
    // command-line tool, a backup) before the write fails.
    std::chrono::milliseconds busy_timeout{5000};
};

// Opens the database at "path", creating the file if absent (":memory:" opens a private
// in-memory database), and sets journal_mode=WAL, foreign_keys=ON, synchronous and busy_timeout
// from "options". Does not migrate (see migrations.hpp). Errors, all error_kind::internal:
//   "data_dir_missing"    the directory of "path" does not exist (it is never created here:
//                         the app makes the data directory);
//   "not_a_database"      the file exists but is not an SQLite database (or is corrupt);
//   "storage_open_failed" anything else (no permission, WAL not available, ...).
domain::result<std::unique_ptr<SQLite::Database>> open_database(std::string const& path,
                                                                database_options const& options);

}  // namespace bimtek::storage
