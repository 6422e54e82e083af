#include "client/store/checkin_queue.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <random>

#include "client/store/paths.hpp"
#include "shared/time/iso8601.hpp"

namespace bimtek::client::store {

namespace {

constexpr char const* schema = R"sql(
CREATE TABLE IF NOT EXISTS scans (
    position   INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT NOT NULL UNIQUE,
    code       TEXT NOT NULL,
    event_id   INTEGER,
    scanned_at TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
    outcome    TEXT,
    done_at    TEXT
);
CREATE INDEX IF NOT EXISTS scans_pending ON scans (state, position);
)sql";

constexpr char const* columns = "SELECT position, id, code, event_id, scanned_at FROM scans ";

queued_scan read_row(SQLite::Statement& q) {
    queued_scan s;
    s.position = q.getColumn(0).getInt64();
    s.id = q.getColumn(1).getString();
    s.code = q.getColumn(2).getString();
    if (!q.getColumn(3).isNull()) s.event_id = q.getColumn(3).getInt64();
    s.scanned_at = parse_iso8601(q.getColumn(4).getString()).value_or(timestamp{});
    return s;
}

failure sql_failure(std::exception const& e) {
    return failure{std::string("queue: ") + e.what()};
}

}  // namespace

std::string new_uuid() {
    std::random_device rd;
    std::array<unsigned char, 16> b{};
    for (auto& x : b) x = static_cast<unsigned char>(rd() & 0xff);
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[b[i] >> 4];
        out += hex[b[i] & 0x0f];
    }
    return out;
}

checkin_queue::checkin_queue(std::unique_ptr<SQLite::Database> db) : db_(std::move(db)) {}
checkin_queue::~checkin_queue() = default;

result<std::unique_ptr<checkin_queue>> checkin_queue::open(std::filesystem::path const& file) {
    try {
        bool memory = file == ":memory:";
        if (!memory && !make_private_dirs(file.parent_path()))
            return failure{"queue: cannot create " + file.parent_path().string()};
        auto db = std::make_unique<SQLite::Database>(
            file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 5000);
        if (!memory) db->exec("PRAGMA journal_mode=WAL");
        db->exec("PRAGMA synchronous=FULL");
        db->exec(schema);
        return std::unique_ptr<checkin_queue>(new checkin_queue(std::move(db)));
    } catch (std::exception const& e) {
        return sql_failure(e);
    }
}

result<queued_scan> checkin_queue::add(std::string const& code,
                                       std::optional<std::int64_t> event_id, timestamp scanned_at) {
    try {
        queued_scan s;
        s.id = new_uuid();
        s.code = code;
        s.event_id = event_id;
        s.scanned_at = scanned_at;
        SQLite::Transaction tx(*db_);
        SQLite::Statement q(
            *db_, "INSERT INTO scans (id, code, event_id, scanned_at) VALUES (?, ?, ?, ?)");
        q.bind(1, s.id);
        q.bind(2, s.code);
        if (event_id) {
            q.bind(3, *event_id);
        } else {
            q.bind(3);
        }
        q.bind(4, format_iso8601(scanned_at));
        q.exec();
        s.position = db_->getLastInsertRowid();
        tx.commit();
        return s;
    } catch (std::exception const& e) {
        return sql_failure(e);
    }
}

result<std::optional<queued_scan>> checkin_queue::oldest_pending() {
    try {
        SQLite::Statement q(
            *db_, std::string(columns) + "WHERE state = 'pending' ORDER BY position LIMIT 1");
        if (!q.executeStep()) return std::optional<queued_scan>{};
        return std::optional<queued_scan>{read_row(q)};
    } catch (std::exception const& e) {
        return sql_failure(e);
    }
}

result<std::vector<queued_scan>> checkin_queue::pending() {
    try {
        SQLite::Statement q(*db_,
                            std::string(columns) + "WHERE state = 'pending' ORDER BY position");
        std::vector<queued_scan> out;
        while (q.executeStep()) out.push_back(read_row(q));
        return out;
    } catch (std::exception const& e) {
        return sql_failure(e);
    }
}

result<std::int64_t> checkin_queue::pending_count() {
    try {
        SQLite::Statement q(*db_, "SELECT COUNT(*) FROM scans WHERE state = 'pending'");
        q.executeStep();
        return q.getColumn(0).getInt64();
    } catch (std::exception const& e) {
        return sql_failure(e);
    }
}

status checkin_queue::mark_done(std::string const& id, std::string const& outcome, timestamp at) {
    try {
        SQLite::Transaction tx(*db_);
        SQLite::Statement q(
            *db_, "UPDATE scans SET state = 'done', outcome = ?, done_at = ? WHERE id = ?");
        q.bind(1, outcome);
        q.bind(2, format_iso8601(at));
        q.bind(3, id);
        q.exec();
        tx.commit();
        return ok{};
    } catch (std::exception const& e) {
        return sql_failure(e);
    }
}

result<std::string> checkin_queue::outcome_of(std::string const& id) {
    try {
        SQLite::Statement q(*db_, "SELECT outcome FROM scans WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep()) return failure{"queue: no scan " + id};
        return q.getColumn(0).isNull() ? std::string() : q.getColumn(0).getString();
    } catch (std::exception const& e) {
        return sql_failure(e);
    }
}

}  // namespace bimtek::client::store
