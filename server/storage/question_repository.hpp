// domain::question_repository on SQLite: the questions and question_votes tables (Q&A).
// Owned by sqlite_store and used only inside its transactions, on the thread holding its lock.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "server/domain/question.hpp"

namespace bimtek::storage {

class sqlite_question_repository final : public domain::question_repository {
public:
    // "db" must outlive this repository and be migrated (the statements are prepared here).
    explicit sqlite_question_repository(SQLite::Database& db);

    // q.author, if any, must be a participant of q.event. Throws SQLite::Exception (a storage
    // failure) when "q" is pinned and its session already has a pinned question.
    domain::question_id insert(domain::question const& q) override;
    // The same constraint on pinning as insert.
    void update(domain::question const& q) override;
    std::optional<domain::question> find(domain::question_id id) override;
    // By creation time, then id.
    std::vector<domain::question> list_by_session(domain::session_id session) override;
    std::optional<domain::question> find_pinned(domain::session_id session) override;
    int count_by_author_since(domain::participant_id author, timestamp since) override;

    bool add_vote(domain::question_id q, domain::participant_id voter, timestamp at) override;
    bool remove_vote(domain::question_id q, domain::participant_id voter) override;
    int count_votes(domain::question_id q) override;
    // Ascending ids.
    std::vector<domain::question_id> voted_by(domain::participant_id voter,
                                              domain::session_id session) override;

private:
    SQLite::Database& db_;
    SQLite::Statement insert_;
    SQLite::Statement update_;
    SQLite::Statement find_;
    SQLite::Statement list_by_session_;
    SQLite::Statement find_pinned_;
    SQLite::Statement count_by_author_since_;
    SQLite::Statement add_vote_;
    SQLite::Statement remove_vote_;
    SQLite::Statement count_votes_;
    SQLite::Statement voted_by_;
};

}  // namespace bimtek::storage
