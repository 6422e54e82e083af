#include "server/storage/sqlite_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <exception>
#include <utility>
#include <vector>

#include "server/storage/checkin_repository.hpp"
#include "server/storage/event_repository.hpp"
#include "server/storage/migrations.hpp"
#include "server/storage/participant_repository.hpp"
#include "server/storage/presence_repository.hpp"
#include "server/storage/question_repository.hpp"
#include "server/storage/session_repository.hpp"
#include "server/storage/storage_error.hpp"
#include "server/storage/token_repository.hpp"
#include "server/storage/update_repository.hpp"
#include "server/storage/user_repository.hpp"

namespace bimtek::storage {

// Declared in this order so that the repositories (and their prepared statements) are
// destroyed before the connection closes.
struct sqlite_store::state {
    // "d" must be migrated; throws SQLite::Exception if a statement cannot be prepared.
    explicit state(std::unique_ptr<SQLite::Database> d)
        : db(std::move(d)),
          events(*db),
          sessions(*db),
          users(*db),
          participants(*db),
          checkins(*db),
          tokens(*db),
          updates(*db),
          questions(*db),
          presence(*db) {}

    domain::repositories repositories() {
        return {events, sessions, users, participants, checkins, tokens, updates, questions, presence};
    }

    // A transaction left open by a failed ROLLBACK would make every later BEGIN fail: end it.
    void end_stray_transaction() {
        if (sqlite3_get_autocommit(db->getHandle()) == 0) db->tryExec("ROLLBACK");
    }

    std::unique_ptr<SQLite::Database> db;
    sqlite_event_repository events;
    sqlite_session_repository sessions;
    sqlite_user_repository users;
    sqlite_participant_repository participants;
    sqlite_checkin_repository checkins;
    sqlite_token_repository tokens;
    sqlite_update_repository updates;
    sqlite_question_repository questions;
    sqlite_presence_repository presence;
};

namespace {

// PRAGMA query_only for the life of a read: SQLite refuses any write meanwhile.
class query_only_scope {
public:
    explicit query_only_scope(SQLite::Database& db) : db_(db) {
        db_.exec("PRAGMA query_only = ON");
    }
    ~query_only_scope() { db_.tryExec("PRAGMA query_only = OFF"); }

    query_only_scope(query_only_scope const&) = delete;
    query_only_scope& operator=(query_only_scope const&) = delete;

private:
    SQLite::Database& db_;
};

}  // namespace

domain::result<std::unique_ptr<sqlite_store>> sqlite_store::open(std::string const& path,
                                                                 domain::notifier& n,
                                                                 database_options const& options) {
    auto db = open_database(path, options);
    if (!db) return db.error();
    if (domain::status st = migrate(**db); !st) {
        domain::error e = st.error();
        e.message = path + ": " + e.message;
        return e;
    }
    try {
        auto s = std::make_unique<state>(std::move(*db));
        return std::unique_ptr<sqlite_store>(new sqlite_store(std::move(s), n));
    } catch (std::exception const& e) {
        return domain::make_error(domain::error_kind::internal, "storage_open_failed",
                                  "Cannot prepare the statements for " + path + ": " + e.what());
    }
}

sqlite_store::sqlite_store(std::unique_ptr<state> s, domain::notifier& n)
    : state_(std::move(s)), notifier_(n) {}

sqlite_store::~sqlite_store() {
    std::lock_guard lock(mutex_);
    state_.reset();
}

domain::status sqlite_store::write(work const& w) {
    std::lock_guard lock(mutex_);
    state& s = *state_;
    std::vector<domain::stream_update> committed;
    try {
        s.end_stray_transaction();
        s.updates.discard_appended();
        SQLite::Transaction tx(*s.db, SQLite::TransactionBehavior::IMMEDIATE);
        domain::repositories r = s.repositories();
        domain::status st = w(r);
        if (!st) {
            s.updates.discard_appended();
            return st;  // "tx" rolls back
        }
        tx.commit();
        committed = s.updates.take_appended();
    } catch (std::exception const& e) {
        s.updates.discard_appended();
        return storage_error(e);
    } catch (...) {
        s.updates.discard_appended();
        return unknown_storage_error();
    }
    for (domain::stream_update const& u : committed) {
        // The write is committed whatever a notifier does; a viewer that misses an update sees
        // the gap in seq and catches up from the stream (update_repository::list_after).
        try {
            notifier_.publish(u);
        } catch (...) {
        }
    }
    return {};
}

domain::status sqlite_store::read(work const& w) {
    std::lock_guard lock(mutex_);
    state& s = *state_;
    try {
        s.end_stray_transaction();
        query_only_scope query_only(*s.db);
        SQLite::Transaction tx(*s.db, SQLite::TransactionBehavior::DEFERRED);
        domain::repositories r = s.repositories();
        domain::status st = w(r);
        s.updates.discard_appended();
        return st;  // "tx" rolls back: there is nothing to keep
    } catch (std::exception const& e) {
        s.updates.discard_appended();
        return storage_error(e);
    } catch (...) {
        s.updates.discard_appended();
        return unknown_storage_error();
    }
}

domain::status sqlite_store::checkpoint() {
    std::lock_guard lock(mutex_);
    try {
        SQLite::Statement q(*state_->db, "PRAGMA wal_checkpoint(TRUNCATE)");
        if (q.executeStep() && q.getColumn(0).getInt() != 0)
            return domain::make_error(domain::error_kind::internal, "checkpoint_busy",
                                      "Another connection kept the checkpoint from completing.");
        return {};
    } catch (std::exception const& e) {
        return storage_error(e);
    }
}

int sqlite_store::schema_version() {
    std::lock_guard lock(mutex_);
    try {
        return storage::schema_version(*state_->db);
    } catch (std::exception const&) {
        return -1;
    }
}

int sqlite_store::current_schema_version() {
    return storage::current_schema_version();
}

}  // namespace bimtek::storage
