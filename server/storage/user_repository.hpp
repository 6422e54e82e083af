// domain::user_repository on SQLite: the users table (staff accounts).
// Owned by sqlite_store and used only inside its transactions, on the thread holding its lock.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "server/domain/staff_user.hpp"

namespace bimtek::storage {

class sqlite_user_repository final : public domain::user_repository {
public:
    // "db" must outlive this repository and be migrated (the statements are prepared here).
    explicit sqlite_user_repository(SQLite::Database& db);

    // Throws SQLite::Exception (a storage failure) when the username is taken.
    domain::user_id insert(domain::staff_user const& u) override;
    // Changes every field but id and created_at.
    void update(domain::staff_user const& u) override;
    std::optional<domain::staff_user> find(domain::user_id id) override;
    // Exact match: usernames are stored lower case.
    std::optional<domain::staff_user> find_by_username(std::string const& username) override;
    std::vector<domain::staff_user> list() override;

private:
    SQLite::Database& db_;
    SQLite::Statement insert_;
    SQLite::Statement update_;
    SQLite::Statement find_;
    SQLite::Statement find_by_username_;
    SQLite::Statement list_;
};

}  // namespace bimtek::storage
