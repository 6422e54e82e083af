#include "server/storage/participant_repository.hpp"

#include "server/storage/sql_values.hpp"
#include "server/storage/statement_guard.hpp"

namespace bimtek::storage {
namespace {

// The columns every participant query selects, in this order.
domain::participant read_participant(SQLite::Statement& q) {
    domain::participant p;
    p.id = q.getColumn(0).getInt64();
    p.event = q.getColumn(1).getInt64();
    p.name = q.getColumn(2).getString();
    p.category = column_key(q.getColumn(3), domain::parse_category, "participant category");
    p.region = q.getColumn(4).getString();
    p.phone = column_optional_text(q.getColumn(5));
    p.business_name = column_optional_text(q.getColumn(6));
    p.mode = column_key(q.getColumn(7), domain::parse_mode, "attendance mode");
    p.access_code = q.getColumn(8).getString();
    p.created_at = column_time(q.getColumn(9));
    return p;
}

// Parameters ?3 .. ?9 of insert and update.
void bind_participant_fields(SQLite::Statement& q, domain::participant const& p) {
    q.bind(3, p.name);
    bind_key(q, 4, domain::to_string(p.category));
    q.bind(5, p.region);
    bind_optional(q, 6, p.phone);
    bind_optional(q, 7, p.business_name);
    bind_key(q, 8, domain::to_string(p.mode));
    q.bind(9, p.access_code);
}

}  // namespace

sqlite_participant_repository::sqlite_participant_repository(SQLite::Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO participants (event_id, name, category, region, phone, business_name, "
              "mode, access_code, created_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
      update_(db,
              "UPDATE participants SET name = ?3, category = ?4, region = ?5, phone = ?6, "
              "business_name = ?7, mode = ?8, access_code = ?9 WHERE id = ?1"),
      find_(db,
            "SELECT id, event_id, name, category, region, phone, business_name, mode, "
            "access_code, created_at FROM participants WHERE id = ?1"),
      find_by_code_(db,
                    "SELECT id, event_id, name, category, region, phone, business_name, mode, "
                    "access_code, created_at FROM participants WHERE access_code = ?1"),
      code_exists_(db, "SELECT EXISTS (SELECT 1 FROM participants WHERE access_code = ?1)"),
      list_by_event_(db,
                     "SELECT id, event_id, name, category, region, phone, business_name, mode, "
                     "access_code, created_at FROM participants WHERE event_id = ?1 "
                     "ORDER BY name COLLATE NOCASE, id"),
      count_by_mode_(db,
                     "SELECT COUNT(*) FILTER (WHERE mode = 'onsite'), "
                     "COUNT(*) FILTER (WHERE mode = 'online') "
                     "FROM participants WHERE event_id = ?1") {}

domain::participant_id sqlite_participant_repository::insert(domain::participant const& p) {
    statement_guard guard(insert_);
    // ?1 (the id) is not in the insert: parameters keep the numbers update uses.
    insert_.bind(2, p.event);
    bind_participant_fields(insert_, p);
    bind_time(insert_, 10, p.created_at);
    insert_.exec();
    return db_.getLastInsertRowid();
}

void sqlite_participant_repository::update(domain::participant const& p) {
    statement_guard guard(update_);
    update_.bind(1, p.id);
    // ?2 (the event) is not updated: a participant stays on the roster of their event.
    bind_participant_fields(update_, p);
    update_.exec();
}

std::optional<domain::participant> sqlite_participant_repository::find(domain::participant_id id) {
    statement_guard guard(find_);
    find_.bind(1, id);
    if (!find_.executeStep()) return std::nullopt;
    return read_participant(find_);
}

std::optional<domain::participant> sqlite_participant_repository::find_by_code(
    std::string const& code) {
    statement_guard guard(find_by_code_);
    find_by_code_.bind(1, code);
    if (!find_by_code_.executeStep()) return std::nullopt;
    return read_participant(find_by_code_);
}

bool sqlite_participant_repository::code_exists(std::string const& code) {
    statement_guard guard(code_exists_);
    code_exists_.bind(1, code);
    code_exists_.executeStep();
    return column_bool(code_exists_.getColumn(0));
}

std::vector<domain::participant> sqlite_participant_repository::list_by_event(
    domain::event_id event) {
    statement_guard guard(list_by_event_);
    list_by_event_.bind(1, event);
    std::vector<domain::participant> out;
    while (list_by_event_.executeStep()) out.push_back(read_participant(list_by_event_));
    return out;
}

domain::mode_counts sqlite_participant_repository::count_by_mode(domain::event_id event) {
    statement_guard guard(count_by_mode_);
    count_by_mode_.bind(1, event);
    count_by_mode_.executeStep();
    domain::mode_counts counts;
    counts.onsite = count_by_mode_.getColumn(0).getInt();
    counts.online = count_by_mode_.getColumn(1).getInt();
    return counts;
}

}  // namespace bimtek::storage
