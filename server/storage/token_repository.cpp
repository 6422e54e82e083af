#include "server/storage/token_repository.hpp"

#include "server/storage/sql_values.hpp"
#include "server/storage/statement_guard.hpp"

namespace bimtek::storage {

sqlite_token_repository::sqlite_token_repository(SQLite::Database& db)
    : insert_(db,
              "INSERT INTO tokens (digest, role, subject, created_at, expires_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5)"),
      find_(db,
            "SELECT digest, role, subject, created_at, expires_at FROM tokens WHERE digest = ?1"),
      remove_(db, "DELETE FROM tokens WHERE digest = ?1"),
      remove_expired_(db, "DELETE FROM tokens WHERE expires_at <= ?1") {}

void sqlite_token_repository::insert(domain::token_record const& t) {
    statement_guard guard(insert_);
    insert_.bind(1, t.digest);
    bind_key(insert_, 2, domain::to_string(t.role));
    insert_.bind(3, t.subject);
    bind_time(insert_, 4, t.created_at);
    bind_time(insert_, 5, t.expires_at);
    insert_.exec();
}

std::optional<domain::token_record> sqlite_token_repository::find(std::string const& digest) {
    statement_guard guard(find_);
    find_.bind(1, digest);
    if (!find_.executeStep()) return std::nullopt;
    domain::token_record t;
    t.digest = find_.getColumn(0).getString();
    t.role = column_key(find_.getColumn(1), domain::parse_role, "role");
    t.subject = find_.getColumn(2).getInt64();
    t.created_at = column_time(find_.getColumn(3));
    t.expires_at = column_time(find_.getColumn(4));
    return t;
}

void sqlite_token_repository::remove(std::string const& digest) {
    statement_guard guard(remove_);
    remove_.bind(1, digest);
    remove_.exec();
}

int sqlite_token_repository::remove_expired(timestamp now) {
    statement_guard guard(remove_expired_);
    bind_time(remove_expired_, 1, now);
    return remove_expired_.exec();
}

}  // namespace bimtek::storage
