// domain::material_repository on SQLite: the materials table. Owned by sqlite_store and used only
// inside its transactions, on the thread holding its lock.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "server/domain/material.hpp"

namespace bimtek::storage {

class sqlite_material_repository final : public domain::material_repository {
public:
    // "db" must outlive this repository and be migrated (the statements are prepared here).
    explicit sqlite_material_repository(SQLite::Database& db);

    // m.session must exist, m.uploaded_by (if any) be a staff account.
    domain::material_id insert(domain::material const& m) override;
    void update(domain::material const& m) override;
    void remove(domain::material_id id) override;
    std::optional<domain::material> find(domain::material_id id) override;
    std::vector<domain::material> list_by_session(domain::session_id session) override;
    int count_by_sha256(std::string const& sha256) override;

private:
    SQLite::Database& db_;
    SQLite::Statement insert_;
    SQLite::Statement update_;
    SQLite::Statement remove_;
    SQLite::Statement find_;
    SQLite::Statement list_by_session_;
    SQLite::Statement count_by_sha256_;
};

}  // namespace bimtek::storage
