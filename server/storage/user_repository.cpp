#include "server/storage/user_repository.hpp"

#include "server/storage/sql_values.hpp"
#include "server/storage/statement_guard.hpp"

namespace bimtek::storage {
namespace {

// The columns every user query selects, in this order.
domain::staff_user read_user(SQLite::Statement& q) {
    domain::staff_user u;
    u.id = q.getColumn(0).getInt64();
    u.username = q.getColumn(1).getString();
    u.display_name = q.getColumn(2).getString();
    u.role = column_key(q.getColumn(3), domain::parse_role, "role");
    u.password_hash = q.getColumn(4).getString();
    u.created_at = column_time(q.getColumn(5));
    return u;
}

// Parameters ?2 .. ?5 of insert and update.
void bind_user_fields(SQLite::Statement& q, domain::staff_user const& u) {
    q.bind(2, u.username);
    q.bind(3, u.display_name);
    bind_key(q, 4, domain::to_string(u.role));
    q.bind(5, u.password_hash);
}

}  // namespace

sqlite_user_repository::sqlite_user_repository(SQLite::Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO users (username, display_name, role, password_hash, created_at) "
              "VALUES (?2, ?3, ?4, ?5, ?6)"),
      update_(db,
              "UPDATE users SET username = ?2, display_name = ?3, role = ?4, password_hash = ?5 "
              "WHERE id = ?1"),
      find_(db,
            "SELECT id, username, display_name, role, password_hash, created_at FROM users "
            "WHERE id = ?1"),
      find_by_username_(db,
                        "SELECT id, username, display_name, role, password_hash, created_at "
                        "FROM users WHERE username = ?1"),
      list_(db,
            "SELECT id, username, display_name, role, password_hash, created_at FROM users "
            "ORDER BY username") {}

domain::user_id sqlite_user_repository::insert(domain::staff_user const& u) {
    statement_guard guard(insert_);
    // ?1 (the id) is not in the insert: parameters keep the numbers update uses.
    bind_user_fields(insert_, u);
    bind_time(insert_, 6, u.created_at);
    insert_.exec();
    return db_.getLastInsertRowid();
}

void sqlite_user_repository::update(domain::staff_user const& u) {
    statement_guard guard(update_);
    update_.bind(1, u.id);
    bind_user_fields(update_, u);
    update_.exec();
}

std::optional<domain::staff_user> sqlite_user_repository::find(domain::user_id id) {
    statement_guard guard(find_);
    find_.bind(1, id);
    if (!find_.executeStep()) return std::nullopt;
    return read_user(find_);
}

std::optional<domain::staff_user> sqlite_user_repository::find_by_username(
    std::string const& username) {
    statement_guard guard(find_by_username_);
    find_by_username_.bind(1, username);
    if (!find_by_username_.executeStep()) return std::nullopt;
    return read_user(find_by_username_);
}

std::vector<domain::staff_user> sqlite_user_repository::list() {
    statement_guard guard(list_);
    std::vector<domain::staff_user> out;
    while (list_.executeStep()) out.push_back(read_user(list_));
    return out;
}

}  // namespace bimtek::storage
