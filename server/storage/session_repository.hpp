// domain::session_repository on SQLite: the sessions (agenda items) table.
// Owned by sqlite_store and used only inside its transactions, on the thread holding its lock.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "server/domain/session.hpp"

namespace bimtek::storage {

class sqlite_session_repository final : public domain::session_repository {
public:
    // "db" must outlive this repository and be migrated (the statements are prepared here).
    explicit sqlite_session_repository(SQLite::Database& db);

    domain::session_id insert(domain::session const& s) override;
    // Changes every field but id and event.
    void update(domain::session const& s) override;
    void remove(domain::session_id id) override;
    std::optional<domain::session> find(domain::session_id id) override;
    std::vector<domain::session> list_by_event(domain::event_id event) override;

private:
    SQLite::Database& db_;
    SQLite::Statement insert_;
    SQLite::Statement update_;
    SQLite::Statement remove_;
    SQLite::Statement find_;
    SQLite::Statement list_by_event_;
};

}  // namespace bimtek::storage
