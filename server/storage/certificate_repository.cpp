#include "server/storage/certificate_repository.hpp"

#include <string>

#include "server/storage/sql_values.hpp"
#include "server/storage/statement_guard.hpp"

namespace bimtek::storage {
namespace {

// The columns every certificate query selects, in this order (see read_certificate).
std::string const certificate_columns =
    "id, code, event_id, participant_id, issued_at, revoked_at, revoked_by, revoke_reason";

domain::certificate read_certificate(SQLite::Statement& q) {
    domain::certificate c;
    c.id = q.getColumn(0).getInt64();
    c.code = q.getColumn(1).getString();
    c.event = q.getColumn(2).getInt64();
    c.participant = q.getColumn(3).getInt64();
    c.issued_at = column_time(q.getColumn(4));
    c.revoked_at = column_optional_time(q.getColumn(5));
    c.revoked_by = column_optional_int64(q.getColumn(6));
    c.revoke_reason = q.getColumn(7).getString();
    return c;
}

}  // namespace

sqlite_certificate_repository::sqlite_certificate_repository(SQLite::Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO certificates (code, event_id, participant_id, issued_at, revoked_at, "
              "revoked_by, revoke_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
      update_(db,
              "UPDATE certificates SET revoked_at = ?2, revoked_by = ?3, revoke_reason = ?4 "
              "WHERE id = ?1"),
      find_by_code_(db, "SELECT " + certificate_columns + " FROM certificates WHERE code = ?1"),
      find_by_participant_(
          db, "SELECT " + certificate_columns + " FROM certificates WHERE participant_id = ?1"),
      list_by_event_(db, "SELECT " + certificate_columns +
                             " FROM certificates WHERE event_id = ?1 ORDER BY id") {}

domain::certificate_id sqlite_certificate_repository::insert(domain::certificate const& c) {
    statement_guard guard(insert_);
    insert_.bind(1, c.code);
    insert_.bind(2, c.event);
    insert_.bind(3, c.participant);
    bind_time(insert_, 4, c.issued_at);
    bind_optional(insert_, 5, c.revoked_at);
    bind_optional(insert_, 6, c.revoked_by);
    insert_.bind(7, c.revoke_reason);
    insert_.exec();
    return db_.getLastInsertRowid();
}

void sqlite_certificate_repository::update(domain::certificate const& c) {
    statement_guard guard(update_);
    update_.bind(1, c.id);
    bind_optional(update_, 2, c.revoked_at);
    bind_optional(update_, 3, c.revoked_by);
    update_.bind(4, c.revoke_reason);
    update_.exec();
}

std::optional<domain::certificate> sqlite_certificate_repository::find_by_code(
    std::string const& code) {
    statement_guard guard(find_by_code_);
    find_by_code_.bind(1, code);
    if (!find_by_code_.executeStep()) return std::nullopt;
    return read_certificate(find_by_code_);
}

std::optional<domain::certificate> sqlite_certificate_repository::find_by_participant(
    domain::participant_id participant) {
    statement_guard guard(find_by_participant_);
    find_by_participant_.bind(1, participant);
    if (!find_by_participant_.executeStep()) return std::nullopt;
    return read_certificate(find_by_participant_);
}

std::vector<domain::certificate> sqlite_certificate_repository::list_by_event(
    domain::event_id event) {
    statement_guard guard(list_by_event_);
    list_by_event_.bind(1, event);
    std::vector<domain::certificate> out;
    while (list_by_event_.executeStep()) out.push_back(read_certificate(list_by_event_));
    return out;
}

}  // namespace bimtek::storage
