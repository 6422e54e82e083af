// domain::certificate_repository on SQLite: the certificates table. Owned by sqlite_store and
// used only inside its transactions, on the thread holding its lock.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "server/domain/certificate.hpp"

namespace bimtek::storage {

class sqlite_certificate_repository final : public domain::certificate_repository {
public:
    // "db" must outlive this repository and be migrated (the statements are prepared here).
    explicit sqlite_certificate_repository(SQLite::Database& db);

    // c.participant must be a participant of c.event. Throws SQLite::Exception (a storage
    // failure) when the code or the participant has a certificate already.
    domain::certificate_id insert(domain::certificate const& c) override;
    void update(domain::certificate const& c) override;
    std::optional<domain::certificate> find_by_code(std::string const& code) override;
    std::optional<domain::certificate> find_by_participant(
        domain::participant_id participant) override;
    std::vector<domain::certificate> list_by_event(domain::event_id event) override;

private:
    SQLite::Database& db_;
    SQLite::Statement insert_;
    SQLite::Statement update_;
    SQLite::Statement find_by_code_;
    SQLite::Statement find_by_participant_;
    SQLite::Statement list_by_event_;
};

}  // namespace bimtek::storage
