#include "server/storage/completion_rule_repository.hpp"

#include "server/storage/sql_values.hpp"
#include "server/storage/statement_guard.hpp"

namespace bimtek::storage {

sqlite_completion_rule_repository::sqlite_completion_rule_repository(SQLite::Database& db)
    : find_(db,
            "SELECT min_share, open_checkin_counts_to_end FROM completion_rules "
            "WHERE event_id = ?1"),
      put_(db,
           "INSERT INTO completion_rules (event_id, min_share, open_checkin_counts_to_end) "
           "VALUES (?1, ?2, ?3) ON CONFLICT (event_id) DO UPDATE SET "
           "min_share = excluded.min_share, "
           "open_checkin_counts_to_end = excluded.open_checkin_counts_to_end") {}

std::optional<domain::completion_rules> sqlite_completion_rule_repository::find(
    domain::event_id event) {
    statement_guard guard(find_);
    find_.bind(1, event);
    if (!find_.executeStep()) return std::nullopt;
    domain::completion_rules r;
    r.min_share = find_.getColumn(0).getDouble();
    r.open_checkin_counts_to_end = column_bool(find_.getColumn(1));
    return r;
}

void sqlite_completion_rule_repository::put(domain::event_id event,
                                            domain::completion_rules const& rules) {
    statement_guard guard(put_);
    put_.bind(1, event);
    put_.bind(2, rules.min_share);
    bind_bool(put_, 3, rules.open_checkin_counts_to_end);
    put_.exec();
}

}  // namespace bimtek::storage
