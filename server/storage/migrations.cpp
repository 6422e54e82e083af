#include "server/storage/migrations.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Transaction.h>

#include <array>
#include <cstddef>
#include <string>

#include "server/storage/migration_sql.hpp"

namespace bimtek::storage {
namespace {

domain::error too_new(int found, int known) {
    return domain::make_error(
        domain::error_kind::internal, "schema_too_new",
        "The database has schema version " + std::to_string(found) + ", newer than the " +
            std::to_string(known) +
            " this bimtek knows: it was written by a newer bimtek. Run that version, or restore "
            "a backup made by this one.");
}

domain::error failed(migration const& m, std::string const& why) {
    return domain::make_error(domain::error_kind::internal, "migration_failed",
                              "Migration " + std::to_string(m.version) + " (" +
                                  std::string(m.name) +
                                  ") failed; the database is left at "
                                  "version " +
                                  std::to_string(m.version - 1) + ": " + why);
}

}  // namespace

std::span<migration const> schema_migrations() {
    static std::array<migration, 3> const list{{
        {1, "foundation", migration_001_foundation()},
        {2, "live", migration_002_live()},
        {3, "materials", migration_003_materials()},
    }};
    return list;
}

int current_schema_version() {
    return static_cast<int>(schema_migrations().size());
}

int schema_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

domain::status migrate(SQLite::Database& db, std::span<migration const> list) {
    int const target = static_cast<int>(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].version != static_cast<int>(i) + 1)
            return domain::make_error(domain::error_kind::internal, "migration_failed",
                                      "The migration list is not numbered 1, 2, ... in order.");
    }
    try {
        int const found = schema_version(db);
        if (found > target) return too_new(found, target);
    } catch (SQLite::Exception const& e) {
        return domain::make_error(domain::error_kind::internal, "migration_failed",
                                  std::string("Cannot read the schema version: ") + e.what());
    }
    for (migration const& m : list) {
        try {
            SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
            // Read again under the write lock: another process may have migrated meanwhile.
            int const version = schema_version(db);
            if (version > target) return too_new(version, target);
            if (version >= m.version) continue;  // already applied; "tx" ends, nothing written
            db.exec(std::string(m.sql));
            // PRAGMA takes no parameters; the value is the list's own constant, not input.
            db.exec("PRAGMA user_version = " + std::to_string(m.version));
            tx.commit();
        } catch (SQLite::Exception const& e) {
            return failed(m, e.what());
        }
    }
    return {};
}

domain::status migrate(SQLite::Database& db) {
    return migrate(db, schema_migrations());
}

}  // namespace bimtek::storage
