// domain::update_repository on SQLite: the updates table (each event's update stream). It also
// keeps, for sqlite_store, the updates appended in the current transaction, which the store
// publishes after the commit or discards on rollback.
// Owned by sqlite_store and used only inside its transactions, on the thread holding its lock.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <vector>

#include "server/domain/stream_update.hpp"

namespace bimtek::storage {

class sqlite_update_repository final : public domain::update_repository {
public:
    // "db" must outlive this repository and be migrated (the statements are prepared here).
    explicit sqlite_update_repository(SQLite::Database& db);

    // Sets u.seq to the event's latest seq + 1 (1 for its first update) and stores "u": gap-free
    // per event because writes are serialized (one write transaction at a time). Remembers "u"
    // for take_appended().
    std::int64_t append(domain::stream_update& u) override;
    // 0 when the event has no update.
    std::int64_t latest_seq(domain::event_id event) override;
    std::vector<domain::stream_update> list_after(domain::event_id event, std::int64_t after,
                                                  std::size_t limit) override;

    // The updates appended since the last take/discard, in append order; forgets them. The
    // store calls it after its transaction committed.
    std::vector<domain::stream_update> take_appended();
    // Forgets the updates appended since the last take/discard (their transaction rolled back).
    void discard_appended();

private:
    SQLite::Statement append_;
    SQLite::Statement latest_seq_;
    SQLite::Statement list_after_;
    std::vector<domain::stream_update> appended_;  // in this transaction, in append order
};

}  // namespace bimtek::storage
