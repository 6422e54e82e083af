// domain::event_repository on SQLite: the events table and each event's staff (event_members).
// Owned by sqlite_store and used only inside its transactions, on the thread holding its lock.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "server/domain/event.hpp"

namespace bimtek::storage {

class sqlite_event_repository final : public domain::event_repository {
public:
    // "db" must outlive this repository and be migrated (the statements are prepared here).
    explicit sqlite_event_repository(SQLite::Database& db);

    domain::event_id insert(domain::event const& e) override;
    // Changes every field but id and created_at.
    void update(domain::event const& e) override;
    std::optional<domain::event> find(domain::event_id id) override;
    // Most recent start first, then the higher id first.
    std::vector<domain::event> list_for_user(domain::user_id user) override;

    void put_member(domain::event_member const& m) override;
    std::optional<domain::event_member> find_member(domain::event_id event,
                                                    domain::user_id user) override;
    // By user id.
    std::vector<domain::event_member> list_members(domain::event_id event) override;

private:
    SQLite::Database& db_;
    SQLite::Statement insert_;
    SQLite::Statement update_;
    SQLite::Statement find_;
    SQLite::Statement list_for_user_;
    SQLite::Statement put_member_;
    SQLite::Statement find_member_;
    SQLite::Statement list_members_;
};

}  // namespace bimtek::storage
