// domain::participant_repository on SQLite: the participants table (every event's roster).
// Owned by sqlite_store and used only inside its transactions, on the thread holding its lock.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "server/domain/participant.hpp"

namespace bimtek::storage {

class sqlite_participant_repository final : public domain::participant_repository {
public:
    // "db" must outlive this repository and be migrated (the statements are prepared here).
    explicit sqlite_participant_repository(SQLite::Database& db);

    // Throws SQLite::Exception (a storage failure) when the access code exists in any event.
    domain::participant_id insert(domain::participant const& p) override;
    // Changes every field but id, event and created_at.
    void update(domain::participant const& p) override;
    std::optional<domain::participant> find(domain::participant_id id) override;
    // "code" in canonical form (domain::normalize_access_code); exact match.
    std::optional<domain::participant> find_by_code(std::string const& code) override;
    bool code_exists(std::string const& code) override;
    // By name with ASCII letters case folded ("budi" beside "Budi"), then id.
    std::vector<domain::participant> list_by_event(domain::event_id event) override;
    domain::mode_counts count_by_mode(domain::event_id event) override;

private:
    SQLite::Database& db_;
    SQLite::Statement insert_;
    SQLite::Statement update_;
    SQLite::Statement find_;
    SQLite::Statement find_by_code_;
    SQLite::Statement code_exists_;
    SQLite::Statement list_by_event_;
    SQLite::Statement count_by_mode_;
};

}  // namespace bimtek::storage
