#include "server/storage/event_repository.hpp"

#include "server/storage/sql_values.hpp"
#include "server/storage/statement_guard.hpp"

namespace bimtek::storage {
namespace {

// The columns every event query selects, in this order.
domain::event read_event(SQLite::Statement& q) {
    domain::event e;
    e.id = q.getColumn(0).getInt64();
    e.title = q.getColumn(1).getString();
    e.venue = q.getColumn(2).getString();
    e.timezone = q.getColumn(3).getString();
    e.starts_at = column_time(q.getColumn(4));
    e.ends_at = column_time(q.getColumn(5));
    e.onsite_capacity = q.getColumn(6).getInt();
    e.online_capacity = q.getColumn(7).getInt();
    e.targets.expected_onsite = q.getColumn(8).getInt();
    e.targets.expected_online = q.getColumn(9).getInt();
    e.targets.completion_rate = q.getColumn(10).getDouble();
    e.stream_epoch = q.getColumn(11).getString();
    e.created_at = column_time(q.getColumn(12));
    return e;
}

// Parameters ?2 .. ?12 of insert and update.
void bind_event_fields(SQLite::Statement& q, domain::event const& e) {
    q.bind(2, e.title);
    q.bind(3, e.venue);
    q.bind(4, e.timezone);
    bind_time(q, 5, e.starts_at);
    bind_time(q, 6, e.ends_at);
    q.bind(7, e.onsite_capacity);
    q.bind(8, e.online_capacity);
    q.bind(9, e.targets.expected_onsite);
    q.bind(10, e.targets.expected_online);
    q.bind(11, e.targets.completion_rate);
    q.bind(12, e.stream_epoch);
}

domain::event_member read_member(SQLite::Statement& q) {
    domain::event_member m;
    m.event = q.getColumn(0).getInt64();
    m.user = q.getColumn(1).getInt64();
    m.role = column_key(q.getColumn(2), domain::parse_role, "role");
    return m;
}

}  // namespace

sqlite_event_repository::sqlite_event_repository(SQLite::Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO events (title, venue, timezone, starts_at, ends_at, onsite_capacity, "
              "online_capacity, expected_onsite, expected_online, target_completion_rate, "
              "stream_epoch, created_at) "
              "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
      update_(db,
              "UPDATE events SET title = ?2, venue = ?3, timezone = ?4, starts_at = ?5, "
              "ends_at = ?6, onsite_capacity = ?7, online_capacity = ?8, expected_onsite = ?9, "
              "expected_online = ?10, target_completion_rate = ?11, stream_epoch = ?12 "
              "WHERE id = ?1"),
      find_(db,
            "SELECT id, title, venue, timezone, starts_at, ends_at, onsite_capacity, "
            "online_capacity, expected_onsite, expected_online, target_completion_rate, "
            "stream_epoch, created_at FROM events WHERE id = ?1"),
      list_for_user_(db,
                     "SELECT e.id, e.title, e.venue, e.timezone, e.starts_at, e.ends_at, "
                     "e.onsite_capacity, e.online_capacity, e.expected_onsite, "
                     "e.expected_online, e.target_completion_rate, e.stream_epoch, e.created_at "
                     "FROM events e JOIN event_members m ON m.event_id = e.id "
                     "WHERE m.user_id = ?1 ORDER BY e.starts_at DESC, e.id DESC"),
      put_member_(db,
                  "INSERT INTO event_members (event_id, user_id, role) VALUES (?1, ?2, ?3) "
                  "ON CONFLICT (event_id, user_id) DO UPDATE SET role = excluded.role"),
      find_member_(db,
                   "SELECT event_id, user_id, role FROM event_members "
                   "WHERE event_id = ?1 AND user_id = ?2"),
      list_members_(db,
                    "SELECT event_id, user_id, role FROM event_members WHERE event_id = ?1 "
                    "ORDER BY user_id") {}

domain::event_id sqlite_event_repository::insert(domain::event const& e) {
    statement_guard guard(insert_);
    // ?1 (the id) is not in the insert: parameters keep the numbers update uses.
    bind_event_fields(insert_, e);
    bind_time(insert_, 13, e.created_at);
    insert_.exec();
    return db_.getLastInsertRowid();
}

void sqlite_event_repository::update(domain::event const& e) {
    statement_guard guard(update_);
    update_.bind(1, e.id);
    bind_event_fields(update_, e);
    update_.exec();
}

std::optional<domain::event> sqlite_event_repository::find(domain::event_id id) {
    statement_guard guard(find_);
    find_.bind(1, id);
    if (!find_.executeStep()) return std::nullopt;
    return read_event(find_);
}

std::vector<domain::event> sqlite_event_repository::list_for_user(domain::user_id user) {
    statement_guard guard(list_for_user_);
    list_for_user_.bind(1, user);
    std::vector<domain::event> out;
    while (list_for_user_.executeStep()) out.push_back(read_event(list_for_user_));
    return out;
}

void sqlite_event_repository::put_member(domain::event_member const& m) {
    statement_guard guard(put_member_);
    put_member_.bind(1, m.event);
    put_member_.bind(2, m.user);
    bind_key(put_member_, 3, domain::to_string(m.role));
    put_member_.exec();
}

std::optional<domain::event_member> sqlite_event_repository::find_member(domain::event_id event,
                                                                         domain::user_id user) {
    statement_guard guard(find_member_);
    find_member_.bind(1, event);
    find_member_.bind(2, user);
    if (!find_member_.executeStep()) return std::nullopt;
    return read_member(find_member_);
}

std::vector<domain::event_member> sqlite_event_repository::list_members(domain::event_id event) {
    statement_guard guard(list_members_);
    list_members_.bind(1, event);
    std::vector<domain::event_member> out;
    while (list_members_.executeStep()) out.push_back(read_member(list_members_));
    return out;
}

}  // namespace bimtek::storage
