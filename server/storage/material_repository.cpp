#include "server/storage/material_repository.hpp"

#include <string>

#include "server/storage/sql_values.hpp"
#include "server/storage/statement_guard.hpp"

namespace bimtek::storage {
namespace {

// The columns every material query selects, in this order (see read_material).
std::string const material_columns =
    "id, event_id, session_id, filename, content_type, size, sha256, published, uploaded_by, "
    "uploaded_at";

domain::material read_material(SQLite::Statement& q) {
    domain::material m;
    m.id = q.getColumn(0).getInt64();
    m.event = q.getColumn(1).getInt64();
    m.session = q.getColumn(2).getInt64();
    m.filename = q.getColumn(3).getString();
    m.content_type = q.getColumn(4).getString();
    m.size = static_cast<std::uint64_t>(q.getColumn(5).getInt64());
    m.sha256 = q.getColumn(6).getString();
    m.published = column_bool(q.getColumn(7));
    m.uploaded_by = column_optional_int64(q.getColumn(8));
    m.uploaded_at = column_time(q.getColumn(9));
    return m;
}

}  // namespace

sqlite_material_repository::sqlite_material_repository(SQLite::Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO materials (event_id, session_id, filename, content_type, size, sha256, "
              "published, uploaded_by, uploaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
      update_(db, "UPDATE materials SET published = ?2 WHERE id = ?1"),
      remove_(db, "DELETE FROM materials WHERE id = ?1"),
      find_(db, "SELECT " + material_columns + " FROM materials WHERE id = ?1"),
      list_by_session_(db, "SELECT " + material_columns +
                               " FROM materials WHERE session_id = ?1 ORDER BY uploaded_at, id"),
      count_by_sha256_(db, "SELECT COUNT(*) FROM materials WHERE sha256 = ?1") {}

domain::material_id sqlite_material_repository::insert(domain::material const& m) {
    statement_guard guard(insert_);
    insert_.bind(1, m.event);
    insert_.bind(2, m.session);
    insert_.bind(3, m.filename);
    insert_.bind(4, m.content_type);
    insert_.bind(5, static_cast<std::int64_t>(m.size));
    insert_.bind(6, m.sha256);
    bind_bool(insert_, 7, m.published);
    bind_optional(insert_, 8, m.uploaded_by);
    bind_time(insert_, 9, m.uploaded_at);
    insert_.exec();
    return db_.getLastInsertRowid();
}

void sqlite_material_repository::update(domain::material const& m) {
    statement_guard guard(update_);
    update_.bind(1, m.id);
    bind_bool(update_, 2, m.published);
    update_.exec();
}

void sqlite_material_repository::remove(domain::material_id id) {
    statement_guard guard(remove_);
    remove_.bind(1, id);
    remove_.exec();
}

std::optional<domain::material> sqlite_material_repository::find(domain::material_id id) {
    statement_guard guard(find_);
    find_.bind(1, id);
    if (!find_.executeStep()) return std::nullopt;
    return read_material(find_);
}

std::vector<domain::material> sqlite_material_repository::list_by_session(
    domain::session_id session) {
    statement_guard guard(list_by_session_);
    list_by_session_.bind(1, session);
    std::vector<domain::material> out;
    while (list_by_session_.executeStep()) out.push_back(read_material(list_by_session_));
    return out;
}

int sqlite_material_repository::count_by_sha256(std::string const& sha256) {
    statement_guard guard(count_by_sha256_);
    count_by_sha256_.bind(1, sha256);
    count_by_sha256_.executeStep();
    return count_by_sha256_.getColumn(0).getInt();
}

}  // namespace bimtek::storage
