// bimtek's schema as an ordered list of migrations, keyed on PRAGMA user_version: migration n
// takes a file from version n - 1 to version n. To change the schema, append a migration (its SQL
// in its own migration_NNN_name.cpp, declared in migration_sql.hpp) and never edit one that has
// shipped. Used by sqlite_store when it opens a file; tests use the list directly.
#pragma once

#include <span>
#include <string_view>

#include "server/domain/result.hpp"

namespace SQLite {
class Database;
}

namespace bimtek::storage {

struct migration {
    int version = 0;        // the user_version after it: 1, 2, ... in list order
    std::string_view name;  // "foundation"
    std::string_view sql;   // DDL only: no values, no BEGIN/COMMIT, no PRAGMA foreign_keys
};

// Every migration of the schema, oldest first.
std::span<migration const> schema_migrations();
// The version a migrated file has: the last migration's.
int current_schema_version();

// The PRAGMA user_version of "db"; throws SQLite::Exception.
int schema_version(SQLite::Database& db);

// Brings "db" to the last version of "list": each migration above the file's version runs in its
// own IMMEDIATE transaction together with its user_version bump, so a failure leaves the file at
// the previous version (error "migration_failed"). A fresh file (version 0) gets every migration,
// an older file the missing ones, a current file none. A file newer than "list" is refused
// untouched (error "schema_too_new"). Errors are error_kind::internal.
// "list" holds versions 1..n in order: the schema's list, or (in tests) a prefix of it
// (schema_migrations().first(n)) or a list of their own.
domain::status migrate(SQLite::Database& db, std::span<migration const> list);
// migrate(db, schema_migrations()).
domain::status migrate(SQLite::Database& db);

}  // namespace bimtek::storage
