#include "server/storage/update_repository.hpp"

#include <cstdint>
#include <limits>
#include <utility>

#include "server/storage/sql_values.hpp"
#include "server/storage/statement_guard.hpp"

namespace bimtek::storage {

sqlite_update_repository::sqlite_update_repository(SQLite::Database& db)
    : append_(db,
              "INSERT INTO updates (event_id, seq, kind, at, session_id, speaker_id, full_data, "
              "public_data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
      latest_seq_(db, "SELECT COALESCE(MAX(seq), 0) FROM updates WHERE event_id = ?1"),
      list_after_(db,
                  "SELECT event_id, seq, kind, at, session_id, speaker_id, full_data, public_data "
                  "FROM updates WHERE event_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3") {}

std::int64_t sqlite_update_repository::append(domain::stream_update& u) {
    std::int64_t const seq = latest_seq(u.event) + 1;
    statement_guard guard(append_);
    append_.bind(1, u.event);
    append_.bind(2, seq);
    append_.bind(3, u.kind);
    bind_time(append_, 4, u.at);
    bind_optional(append_, 5, u.session);
    bind_optional(append_, 6, u.speaker);
    append_.bind(7, u.full_data);
    append_.bind(8, u.public_data);
    append_.exec();
    u.seq = seq;
    appended_.push_back(u);
    return seq;
}

std::int64_t sqlite_update_repository::latest_seq(domain::event_id event) {
    statement_guard guard(latest_seq_);
    latest_seq_.bind(1, event);
    latest_seq_.executeStep();
    return latest_seq_.getColumn(0).getInt64();
}

std::vector<domain::stream_update> sqlite_update_repository::list_after(domain::event_id event,
                                                                        std::int64_t after,
                                                                        std::size_t limit) {
    constexpr auto most = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
    statement_guard guard(list_after_);
    list_after_.bind(1, event);
    list_after_.bind(2, after);
    list_after_.bind(3, static_cast<std::int64_t>(limit < most ? limit : most));
    std::vector<domain::stream_update> out;
    while (list_after_.executeStep()) {
        domain::stream_update u;
        u.event = list_after_.getColumn(0).getInt64();
        u.seq = list_after_.getColumn(1).getInt64();
        u.kind = list_after_.getColumn(2).getString();
        u.at = column_time(list_after_.getColumn(3));
        u.session = column_optional_int64(list_after_.getColumn(4));
        u.speaker = column_optional_int64(list_after_.getColumn(5));
        u.full_data = list_after_.getColumn(6).getString();
        u.public_data = list_after_.getColumn(7).getString();
        out.push_back(std::move(u));
    }
    return out;
}

std::vector<domain::stream_update> sqlite_update_repository::take_appended() {
    return std::exchange(appended_, {});
}

void sqlite_update_repository::discard_appended() {
    appended_.clear();
}

}  // namespace bimtek::storage
