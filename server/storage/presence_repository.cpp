#include "server/storage/presence_repository.hpp"

#include <string>

#include "server/storage/sql_values.hpp"
#include "server/storage/statement_guard.hpp"

namespace bimtek::storage {
namespace {

// The columns every interval query selects, in this order (see read_interval).
std::string const interval_columns =
    "id, event_id, participant_id, joined_at, left_at, last_seen_at";

// An interval read from the columns of "interval_columns".
domain::presence_interval read_interval(SQLite::Statement& q) {
    domain::presence_interval i;
    i.id = q.getColumn(0).getInt64();
    i.event = q.getColumn(1).getInt64();
    i.participant = q.getColumn(2).getInt64();
    i.joined_at = column_time(q.getColumn(3));
    i.left_at = column_optional_time(q.getColumn(4));
    i.last_seen_at = column_time(q.getColumn(5));
    return i;
}

}  // namespace

sqlite_presence_repository::sqlite_presence_repository(SQLite::Database& db)
    : db_(db),
      open_(db,
            "INSERT INTO presence_intervals (event_id, participant_id, joined_at, left_at, "
            "last_seen_at) VALUES (?1, ?2, ?3, NULL, ?3)"),
      close_(db, "UPDATE presence_intervals SET left_at = ?2 WHERE id = ?1 AND left_at IS NULL"),
      touch_(db,
             "UPDATE presence_intervals SET last_seen_at = ?2 WHERE id = ?1 AND left_at IS NULL"),
      close_all_at_last_seen_(
          db, "UPDATE presence_intervals SET left_at = last_seen_at WHERE left_at IS NULL"),
      find_open_(db, "SELECT " + interval_columns +
                         " FROM presence_intervals WHERE participant_id = ?1 AND left_at IS NULL"),
      list_for_participant_(db, "SELECT " + interval_columns +
                                    " FROM presence_intervals WHERE participant_id = ?1 "
                                    "ORDER BY joined_at, id"),
      list_by_event_(db, "SELECT " + interval_columns +
                             " FROM presence_intervals WHERE event_id = ?1 "
                             "ORDER BY joined_at, id"),
      count_online_present_(db,
                            "SELECT COUNT(DISTINCT p.participant_id) FROM presence_intervals p "
                            "WHERE p.event_id = ?1 AND p.left_at IS NULL AND NOT EXISTS "
                            "(SELECT 1 FROM checkins c WHERE c.participant_id = p.participant_id "
                            "AND c.checked_out_at IS NULL)") {}

domain::presence_id sqlite_presence_repository::open(domain::event_id event,
                                                     domain::participant_id participant,
                                                     timestamp at) {
    statement_guard guard(open_);
    open_.bind(1, event);
    open_.bind(2, participant);
    bind_time(open_, 3, at);
    open_.exec();
    return db_.getLastInsertRowid();
}

void sqlite_presence_repository::close(domain::presence_id id, timestamp at) {
    statement_guard guard(close_);
    close_.bind(1, id);
    bind_time(close_, 2, at);
    close_.exec();
}

void sqlite_presence_repository::touch(std::vector<domain::presence_id> const& ids, timestamp at) {
    for (domain::presence_id id : ids) {
        statement_guard guard(touch_);
        touch_.bind(1, id);
        bind_time(touch_, 2, at);
        touch_.exec();
    }
}

int sqlite_presence_repository::close_all_at_last_seen() {
    statement_guard guard(close_all_at_last_seen_);
    return close_all_at_last_seen_.exec();
}

std::optional<domain::presence_interval> sqlite_presence_repository::find_open(
    domain::participant_id participant) {
    statement_guard guard(find_open_);
    find_open_.bind(1, participant);
    if (!find_open_.executeStep()) return std::nullopt;
    return read_interval(find_open_);
}

std::vector<domain::presence_interval> sqlite_presence_repository::list_for_participant(
    domain::participant_id participant) {
    statement_guard guard(list_for_participant_);
    list_for_participant_.bind(1, participant);
    std::vector<domain::presence_interval> out;
    while (list_for_participant_.executeStep()) out.push_back(read_interval(list_for_participant_));
    return out;
}

std::vector<domain::presence_interval> sqlite_presence_repository::list_by_event(
    domain::event_id event) {
    statement_guard guard(list_by_event_);
    list_by_event_.bind(1, event);
    std::vector<domain::presence_interval> out;
    while (list_by_event_.executeStep()) out.push_back(read_interval(list_by_event_));
    return out;
}

int sqlite_presence_repository::count_online_present(domain::event_id event) {
    statement_guard guard(count_online_present_);
    count_online_present_.bind(1, event);
    count_online_present_.executeStep();
    return count_online_present_.getColumn(0).getInt();
}

}  // namespace bimtek::storage
