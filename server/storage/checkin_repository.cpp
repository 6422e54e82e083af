#include "server/storage/checkin_repository.hpp"

#include "server/storage/sql_values.hpp"
#include "server/storage/statement_guard.hpp"

namespace bimtek::storage {
namespace {

// The columns every checkin query selects, in this order.
domain::checkin read_checkin(SQLite::Statement& q) {
    domain::checkin c;
    c.id = q.getColumn(0).getInt64();
    c.event = q.getColumn(1).getInt64();
    c.participant = q.getColumn(2).getInt64();
    c.checked_in_at = column_time(q.getColumn(3));
    c.checked_in_by = q.getColumn(4).getInt64();
    c.over_capacity = column_bool(q.getColumn(5));
    c.checked_out_at = column_optional_time(q.getColumn(6));
    c.checked_out_by = column_optional_int64(q.getColumn(7));
    return c;
}

}  // namespace

sqlite_checkin_repository::sqlite_checkin_repository(SQLite::Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO checkins (event_id, participant_id, checked_in_at, checked_in_by, "
              "over_capacity, checked_out_at, checked_out_by) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
      close_(db,
             "UPDATE checkins SET checked_out_at = ?2, checked_out_by = ?3 "
             "WHERE id = ?1 AND checked_out_at IS NULL"),
      find_open_(db,
                 "SELECT id, event_id, participant_id, checked_in_at, checked_in_by, "
                 "over_capacity, checked_out_at, checked_out_by FROM checkins "
                 "WHERE participant_id = ?1 AND checked_out_at IS NULL"),
      list_for_participant_(db,
                            "SELECT id, event_id, participant_id, checked_in_at, checked_in_by, "
                            "over_capacity, checked_out_at, checked_out_by FROM checkins "
                            "WHERE participant_id = ?1 ORDER BY checked_in_at, id"),
      list_by_event_(db,
                     "SELECT id, event_id, participant_id, checked_in_at, checked_in_by, "
                     "over_capacity, checked_out_at, checked_out_by FROM checkins "
                     "WHERE event_id = ?1 ORDER BY checked_in_at, id"),
      count_open_(db,
                  "SELECT COUNT(*) FROM checkins WHERE event_id = ?1 AND checked_out_at IS NULL") {}

domain::checkin_id sqlite_checkin_repository::insert(domain::checkin const& c) {
    statement_guard guard(insert_);
    insert_.bind(1, c.event);
    insert_.bind(2, c.participant);
    bind_time(insert_, 3, c.checked_in_at);
    insert_.bind(4, c.checked_in_by);
    bind_bool(insert_, 5, c.over_capacity);
    bind_optional(insert_, 6, c.checked_out_at);
    bind_optional(insert_, 7, c.checked_out_by);
    insert_.exec();
    return db_.getLastInsertRowid();
}

void sqlite_checkin_repository::close(domain::checkin_id id, timestamp at, domain::user_id by) {
    statement_guard guard(close_);
    close_.bind(1, id);
    bind_time(close_, 2, at);
    close_.bind(3, by);
    close_.exec();
}

std::optional<domain::checkin> sqlite_checkin_repository::find_open(
    domain::participant_id participant) {
    statement_guard guard(find_open_);
    find_open_.bind(1, participant);
    if (!find_open_.executeStep()) return std::nullopt;
    return read_checkin(find_open_);
}

std::vector<domain::checkin> sqlite_checkin_repository::list_for_participant(
    domain::participant_id participant) {
    statement_guard guard(list_for_participant_);
    list_for_participant_.bind(1, participant);
    std::vector<domain::checkin> out;
    while (list_for_participant_.executeStep()) out.push_back(read_checkin(list_for_participant_));
    return out;
}

std::vector<domain::checkin> sqlite_checkin_repository::list_by_event(domain::event_id event) {
    statement_guard guard(list_by_event_);
    list_by_event_.bind(1, event);
    std::vector<domain::checkin> out;
    while (list_by_event_.executeStep()) out.push_back(read_checkin(list_by_event_));
    return out;
}

int sqlite_checkin_repository::count_open(domain::event_id event) {
    statement_guard guard(count_open_);
    count_open_.bind(1, event);
    count_open_.executeStep();
    return count_open_.getColumn(0).getInt();
}

}  // namespace bimtek::storage
