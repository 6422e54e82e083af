// domain::checkin_repository on SQLite: the checkins table (on-site visits).
// Owned by sqlite_store and used only inside its transactions, on the thread holding its lock.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "server/domain/checkin.hpp"

namespace bimtek::storage {

class sqlite_checkin_repository final : public domain::checkin_repository {
public:
    // "db" must outlive this repository and be migrated (the statements are prepared here).
    explicit sqlite_checkin_repository(SQLite::Database& db);

    // c.event must be c.participant's event. Throws SQLite::Exception (a storage failure) when
    // the visit is open and the participant already has an open one.
    domain::checkin_id insert(domain::checkin const& c) override;
    // Closes the visit if it is open; a closed or unknown visit is left as it is.
    void close(domain::checkin_id id, timestamp at, domain::user_id by) override;
    std::optional<domain::checkin> find_open(domain::participant_id participant) override;
    // Oldest first: by check-in time, then id.
    std::vector<domain::checkin> list_for_participant(domain::participant_id participant) override;
    // Oldest first: by check-in time, then id.
    std::vector<domain::checkin> list_by_event(domain::event_id event) override;
    int count_open(domain::event_id event) override;

private:
    SQLite::Database& db_;
    SQLite::Statement insert_;
    SQLite::Statement close_;
    SQLite::Statement find_open_;
    SQLite::Statement list_for_participant_;
    SQLite::Statement list_by_event_;
    SQLite::Statement count_open_;
};

}  // namespace bimtek::storage
