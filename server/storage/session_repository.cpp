#include "server/storage/session_repository.hpp"

#include "server/storage/sql_values.hpp"
#include "server/storage/statement_guard.hpp"

namespace bimtek::storage {
namespace {

// The columns every session query selects, in this order.
domain::session read_session(SQLite::Statement& q) {
    domain::session s;
    s.id = q.getColumn(0).getInt64();
    s.event = q.getColumn(1).getInt64();
    s.title = q.getColumn(2).getString();
    s.speaker = column_optional_int64(q.getColumn(3));
    s.speaker_name = q.getColumn(4).getString();
    s.planned_start = column_time(q.getColumn(5));
    s.planned_end = column_time(q.getColumn(6));
    s.actual_start = column_optional_time(q.getColumn(7));
    s.actual_end = column_optional_time(q.getColumn(8));
    s.moderated = column_bool(q.getColumn(9));
    s.required = column_bool(q.getColumn(10));
    return s;
}

// Parameters ?3 .. ?11 of insert and update.
void bind_session_fields(SQLite::Statement& q, domain::session const& s) {
    q.bind(3, s.title);
    bind_optional(q, 4, s.speaker);
    q.bind(5, s.speaker_name);
    bind_time(q, 6, s.planned_start);
    bind_time(q, 7, s.planned_end);
    bind_optional(q, 8, s.actual_start);
    bind_optional(q, 9, s.actual_end);
    bind_bool(q, 10, s.moderated);
    bind_bool(q, 11, s.required);
}

}  // namespace

sqlite_session_repository::sqlite_session_repository(SQLite::Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO sessions (event_id, title, speaker_id, speaker_name, planned_start, "
              "planned_end, actual_start, actual_end, moderated, required) "
              "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
      update_(db,
              "UPDATE sessions SET title = ?3, speaker_id = ?4, speaker_name = ?5, "
              "planned_start = ?6, planned_end = ?7, actual_start = ?8, actual_end = ?9, "
              "moderated = ?10, required = ?11 WHERE id = ?1"),
      remove_(db, "DELETE FROM sessions WHERE id = ?1"),
      find_(db,
            "SELECT id, event_id, title, speaker_id, speaker_name, planned_start, planned_end, "
            "actual_start, actual_end, moderated, required FROM sessions WHERE id = ?1"),
      list_by_event_(db,
                     "SELECT id, event_id, title, speaker_id, speaker_name, planned_start, "
                     "planned_end, actual_start, actual_end, moderated, required FROM sessions "
                     "WHERE event_id = ?1 ORDER BY planned_start, id") {}

domain::session_id sqlite_session_repository::insert(domain::session const& s) {
    statement_guard guard(insert_);
    // ?1 (the id) is not in the insert: parameters keep the numbers update uses.
    insert_.bind(2, s.event);
    bind_session_fields(insert_, s);
    insert_.exec();
    return db_.getLastInsertRowid();
}

void sqlite_session_repository::update(domain::session const& s) {
    statement_guard guard(update_);
    update_.bind(1, s.id);
    // ?2 (the event) is not updated: a session stays in its event.
    bind_session_fields(update_, s);
    update_.exec();
}

void sqlite_session_repository::remove(domain::session_id id) {
    statement_guard guard(remove_);
    remove_.bind(1, id);
    remove_.exec();
}

std::optional<domain::session> sqlite_session_repository::find(domain::session_id id) {
    statement_guard guard(find_);
    find_.bind(1, id);
    if (!find_.executeStep()) return std::nullopt;
    return read_session(find_);
}

std::vector<domain::session> sqlite_session_repository::list_by_event(domain::event_id event) {
    statement_guard guard(list_by_event_);
    list_by_event_.bind(1, event);
    std::vector<domain::session> out;
    while (list_by_event_.executeStep()) out.push_back(read_session(list_by_event_));
    return out;
}

}  // namespace bimtek::storage
