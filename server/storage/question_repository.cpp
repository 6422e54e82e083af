#include "server/storage/question_repository.hpp"

#include <string>

#include "server/storage/sql_values.hpp"
#include "server/storage/statement_guard.hpp"

namespace bimtek::storage {
namespace {

// The columns every question query selects, in this order (see read_question).
std::string const question_columns =
    "id, event_id, session_id, author_id, entered_by, author_name, text, anonymous, from_room, "
    "status, votes, created_at, updated_at, answered_at";

// A question read from the columns of "question_columns".
domain::question read_question(SQLite::Statement& q) {
    domain::question x;
    x.id = q.getColumn(0).getInt64();
    x.event = q.getColumn(1).getInt64();
    x.session = q.getColumn(2).getInt64();
    x.author = column_optional_int64(q.getColumn(3));
    x.entered_by = column_optional_int64(q.getColumn(4));
    x.author_name = q.getColumn(5).getString();
    x.text = q.getColumn(6).getString();
    x.anonymous = column_bool(q.getColumn(7));
    x.from_room = column_bool(q.getColumn(8));
    x.status = column_key(q.getColumn(9), domain::parse_question_status, "question status");
    x.votes = q.getColumn(10).getInt();
    x.created_at = column_time(q.getColumn(11));
    x.updated_at = column_time(q.getColumn(12));
    x.answered_at = column_optional_time(q.getColumn(13));
    return x;
}

}  // namespace

sqlite_question_repository::sqlite_question_repository(SQLite::Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO questions (event_id, session_id, author_id, entered_by, author_name, "
              "text, anonymous, from_room, status, votes, created_at, updated_at, answered_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
      update_(db,
              "UPDATE questions SET status = ?2, votes = ?3, updated_at = ?4, answered_at = ?5 "
              "WHERE id = ?1"),
      find_(db, "SELECT " + question_columns + " FROM questions WHERE id = ?1"),
      list_by_session_(db, "SELECT " + question_columns +
                               " FROM questions WHERE session_id = ?1 ORDER BY created_at, id"),
      find_pinned_(db, "SELECT " + question_columns +
                           " FROM questions WHERE session_id = ?1 AND status = 'pinned'"),
      count_by_author_since_(
          db, "SELECT COUNT(*) FROM questions WHERE author_id = ?1 AND created_at >= ?2"),
      add_vote_(db,
                "INSERT INTO question_votes (question_id, participant_id, voted_at) "
                "VALUES (?1, ?2, ?3) ON CONFLICT (question_id, participant_id) DO NOTHING"),
      remove_vote_(db, "DELETE FROM question_votes WHERE question_id = ?1 AND participant_id = ?2"),
      count_votes_(db, "SELECT COUNT(*) FROM question_votes WHERE question_id = ?1"),
      voted_by_(db,
                "SELECT v.question_id FROM question_votes v JOIN questions q "
                "ON q.id = v.question_id WHERE v.participant_id = ?1 AND q.session_id = ?2 "
                "ORDER BY v.question_id") {}

domain::question_id sqlite_question_repository::insert(domain::question const& q) {
    statement_guard guard(insert_);
    insert_.bind(1, q.event);
    insert_.bind(2, q.session);
    bind_optional(insert_, 3, q.author);
    bind_optional(insert_, 4, q.entered_by);
    insert_.bind(5, q.author_name);
    insert_.bind(6, q.text);
    bind_bool(insert_, 7, q.anonymous);
    bind_bool(insert_, 8, q.from_room);
    bind_key(insert_, 9, domain::to_string(q.status));
    insert_.bind(10, q.votes);
    bind_time(insert_, 11, q.created_at);
    bind_time(insert_, 12, q.updated_at);
    bind_optional(insert_, 13, q.answered_at);
    insert_.exec();
    return db_.getLastInsertRowid();
}

void sqlite_question_repository::update(domain::question const& q) {
    statement_guard guard(update_);
    update_.bind(1, q.id);
    bind_key(update_, 2, domain::to_string(q.status));
    update_.bind(3, q.votes);
    bind_time(update_, 4, q.updated_at);
    bind_optional(update_, 5, q.answered_at);
    update_.exec();
}

std::optional<domain::question> sqlite_question_repository::find(domain::question_id id) {
    statement_guard guard(find_);
    find_.bind(1, id);
    if (!find_.executeStep()) return std::nullopt;
    return read_question(find_);
}

std::vector<domain::question> sqlite_question_repository::list_by_session(
    domain::session_id session) {
    statement_guard guard(list_by_session_);
    list_by_session_.bind(1, session);
    std::vector<domain::question> out;
    while (list_by_session_.executeStep()) out.push_back(read_question(list_by_session_));
    return out;
}

std::optional<domain::question> sqlite_question_repository::find_pinned(
    domain::session_id session) {
    statement_guard guard(find_pinned_);
    find_pinned_.bind(1, session);
    if (!find_pinned_.executeStep()) return std::nullopt;
    return read_question(find_pinned_);
}

int sqlite_question_repository::count_by_author_since(domain::participant_id author,
                                                      timestamp since) {
    statement_guard guard(count_by_author_since_);
    count_by_author_since_.bind(1, author);
    bind_time(count_by_author_since_, 2, since);
    count_by_author_since_.executeStep();
    return count_by_author_since_.getColumn(0).getInt();
}

bool sqlite_question_repository::add_vote(domain::question_id q, domain::participant_id voter,
                                          timestamp at) {
    statement_guard guard(add_vote_);
    add_vote_.bind(1, q);
    add_vote_.bind(2, voter);
    bind_time(add_vote_, 3, at);
    return add_vote_.exec() > 0;
}

bool sqlite_question_repository::remove_vote(domain::question_id q, domain::participant_id voter) {
    statement_guard guard(remove_vote_);
    remove_vote_.bind(1, q);
    remove_vote_.bind(2, voter);
    return remove_vote_.exec() > 0;
}

int sqlite_question_repository::count_votes(domain::question_id q) {
    statement_guard guard(count_votes_);
    count_votes_.bind(1, q);
    count_votes_.executeStep();
    return count_votes_.getColumn(0).getInt();
}

std::vector<domain::question_id> sqlite_question_repository::voted_by(domain::participant_id voter,
                                                                      domain::session_id session) {
    statement_guard guard(voted_by_);
    voted_by_.bind(1, voter);
    voted_by_.bind(2, session);
    std::vector<domain::question_id> out;
    while (voted_by_.executeStep()) out.push_back(voted_by_.getColumn(0).getInt64());
    return out;
}

}  // namespace bimtek::storage
