// domain::token_repository on SQLite: the tokens table (bearer token digests).
// Owned by sqlite_store and used only inside its transactions, on the thread holding its lock.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "server/domain/token.hpp"

namespace bimtek::storage {

class sqlite_token_repository final : public domain::token_repository {
public:
    // "db" must outlive this repository and be migrated (the statements are prepared here).
    explicit sqlite_token_repository(SQLite::Database& db);

    void insert(domain::token_record const& t) override;
    // Whether or not it has expired: the caller compares expires_at with its clock.
    std::optional<domain::token_record> find(std::string const& digest) override;
    void remove(std::string const& digest) override;
    // Removes the tokens with expires_at <= now; returns how many.
    int remove_expired(timestamp now) override;

private:
    SQLite::Statement insert_;
    SQLite::Statement find_;
    SQLite::Statement remove_;
    SQLite::Statement remove_expired_;
};

}  // namespace bimtek::storage
