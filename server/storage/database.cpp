#include "server/storage/database.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

namespace bimtek::storage {
namespace {

domain::error open_error(std::string code, std::string message) {
    return domain::make_error(domain::error_kind::internal, std::move(code), std::move(message));
}

// Sets the pragmas; throws SQLite::Exception. The first statement reads the file's header, so a
// file that is not a database fails here.
std::string apply_pragmas(SQLite::Database& db, database_options const& options) {
    std::string journal_mode;
    {
        SQLite::Statement q(db, "PRAGMA journal_mode = WAL");
        if (q.executeStep()) journal_mode = q.getColumn(0).getString();
    }
    db.exec("PRAGMA foreign_keys = ON");
    db.exec(options.synchronous_full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    return journal_mode;
}

}  // namespace

domain::result<std::unique_ptr<SQLite::Database>> open_database(std::string const& path,
                                                                database_options const& options) {
    bool const memory = path == ":memory:";
    if (path.empty()) return open_error("storage_open_failed", "No database file was given.");
    if (!memory) {
        std::filesystem::path const dir = std::filesystem::path(path).parent_path();
        std::error_code ec;
        if (!dir.empty() && !std::filesystem::is_directory(dir, ec))
            return open_error("data_dir_missing",
                              "The data directory " + dir.string() + " does not exist.");
    }
    try {
        auto db =
            std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                               static_cast<int>(options.busy_timeout.count()));
        std::string const journal_mode = apply_pragmas(*db, options);
        if (!memory && journal_mode != "wal")
            return open_error("storage_open_failed", "Cannot use write-ahead logging for " + path +
                                                         " (journal mode is '" + journal_mode +
                                                         "').");
        if (db->execAndGet("PRAGMA foreign_keys").getInt() != 1)
            return open_error("storage_open_failed",
                              "This SQLite library cannot enforce foreign keys.");
        return db;
    } catch (SQLite::Exception const& e) {
        if (e.getErrorCode() == SQLITE_NOTADB)
            return open_error("not_a_database",
                              path + " is not a bimtek database (" + e.what() + ").");
        return open_error("storage_open_failed", "Cannot open " + path + ": " + e.what() + ".");
    }
}

}  // namespace bimtek::storage
