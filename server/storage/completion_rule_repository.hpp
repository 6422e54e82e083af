// domain::completion_rule_repository on SQLite: the completion_rules table. Owned by
// sqlite_store and used only inside its transactions, on the thread holding its lock.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "server/domain/completion.hpp"

namespace bimtek::storage {

class sqlite_completion_rule_repository final : public domain::completion_rule_repository {
public:
    // "db" must outlive this repository and be migrated (the statements are prepared here).
    explicit sqlite_completion_rule_repository(SQLite::Database& db);

    std::optional<domain::completion_rules> find(domain::event_id event) override;
    // Inserts or replaces the event's row. Throws SQLite::Exception (a storage failure) for a
    // share outside 0..1.
    void put(domain::event_id event, domain::completion_rules const& rules) override;

private:
    SQLite::Statement find_;
    SQLite::Statement put_;
};

}  // namespace bimtek::storage
