// domain::presence_repository on SQLite: the presence_intervals table (online presence).
// Owned by sqlite_store and used only inside its transactions, on the thread holding its lock.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "server/domain/presence.hpp"

namespace bimtek::storage {

class sqlite_presence_repository final : public domain::presence_repository {
public:
    // "db" must outlive this repository and be migrated (the statements are prepared here).
    explicit sqlite_presence_repository(SQLite::Database& db);

    // "participant" must be a participant of "event". Throws SQLite::Exception (a storage
    // failure) when the participant already has an open interval.
    domain::presence_id open(domain::event_id event, domain::participant_id participant,
                             timestamp at) override;
    // Closes the interval if it is open; a closed or unknown interval is left as it is.
    void close(domain::presence_id id, timestamp at) override;
    // Closed and unknown intervals are left as they are.
    void touch(std::vector<domain::presence_id> const& ids, timestamp at) override;
    int close_all_at_last_seen() override;
    std::optional<domain::presence_interval> find_open(domain::participant_id participant) override;
    // Oldest first: by join time, then id.
    std::vector<domain::presence_interval> list_for_participant(
        domain::participant_id participant) override;
    // Oldest first: by join time, then id.
    std::vector<domain::presence_interval> list_by_event(domain::event_id event) override;
    int count_online_present(domain::event_id event) override;

private:
    SQLite::Database& db_;
    SQLite::Statement open_;
    SQLite::Statement close_;
    SQLite::Statement touch_;
    SQLite::Statement close_all_at_last_seen_;
    SQLite::Statement find_open_;
    SQLite::Statement list_for_participant_;
    SQLite::Statement list_by_event_;
    SQLite::Statement count_online_present_;
};

}  // namespace bimtek::storage
