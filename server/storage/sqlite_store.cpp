#include "server/storage/sqlite_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <chrono>
#include <exception>
#include <optional>
#include <utility>
#include <vector>

#include "server/storage/certificate_repository.hpp"
#include "server/storage/checkin_repository.hpp"
#include "server/storage/completion_rule_repository.hpp"
#include "server/storage/event_repository.hpp"
#include "server/storage/material_repository.hpp"
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
          begin_immediate(*db, "BEGIN IMMEDIATE"),
          begin_deferred(*db, "BEGIN DEFERRED"),
          commit(*db, "COMMIT"),
          rollback(*db, "ROLLBACK"),
          events(*db),
          sessions(*db),
          users(*db),
          participants(*db),
          checkins(*db),
          tokens(*db),
          updates(*db),
          questions(*db),
          presence(*db),
          materials(*db),
          certificates(*db),
          completion_rules(*db) {}

    domain::repositories repositories() {
        return {events,  sessions,  users,     participants, checkins,     tokens,
                updates, questions, presence,  materials,    certificates, completion_rules};
    }

    // A transaction left open by a failed ROLLBACK would make every later BEGIN fail: end it.
    void end_stray_transaction() {
        if (sqlite3_get_autocommit(db->getHandle()) == 0) db->tryExec("ROLLBACK");
    }

    std::unique_ptr<SQLite::Database> db;
    // The statements every transaction runs, prepared once: a read or write per request must
    // not parse SQL each time.
    SQLite::Statement begin_immediate;
    SQLite::Statement begin_deferred;
    SQLite::Statement commit;
    SQLite::Statement rollback;
    sqlite_event_repository events;
    sqlite_session_repository sessions;
    sqlite_user_repository users;
    sqlite_participant_repository participants;
    sqlite_checkin_repository checkins;
    sqlite_token_repository tokens;
    sqlite_update_repository updates;
    sqlite_question_repository questions;
    sqlite_presence_repository presence;
    sqlite_material_repository materials;
    sqlite_certificate_repository certificates;
    sqlite_completion_rule_repository completion_rules;
};

namespace {

// A transaction on the prepared BEGIN/COMMIT/ROLLBACK: rolls back unless committed (after
// SQLite::Transaction, without parsing SQL).
class transaction {
public:
    transaction(SQLite::Statement& begin, SQLite::Statement& commit, SQLite::Statement& rollback)
        : commit_(commit), rollback_(rollback) {
        run(begin);
    }
    ~transaction() {
        if (open_) {
            try {
                run(rollback_);
            } catch (...) {  // end_stray_transaction() ends it before the next one
            }
        }
    }
    void commit() {
        run(commit_);
        open_ = false;
    }
    transaction(transaction const&) = delete;
    transaction& operator=(transaction const&) = delete;

private:
    // Runs a prepared control statement (no rows), leaving it ready for the next time.
    static void run(SQLite::Statement& st) {
        st.reset();
        st.exec();
        st.reset();
    }
    SQLite::Statement& commit_;
    SQLite::Statement& rollback_;
    bool open_ = true;
};

// PRAGMA query_only for the life of a read on the writer's connection (in-memory databases,
// which cannot have a second connection). Flag pragmas take effect when they are prepared, so
// these are run with exec(), not kept prepared.
class query_only_scope {
public:
    explicit query_only_scope(SQLite::Database& db) : db_(db) { db_.exec("PRAGMA query_only = ON"); }
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
        auto writer = std::make_unique<state>(std::move(*db));
        std::unique_ptr<state> reader;
        if (path != ":memory:")
            reader = std::make_unique<state>(std::make_unique<SQLite::Database>(
                path, SQLite::OPEN_READONLY, static_cast<int>(options.busy_timeout.count())));
        auto store = std::unique_ptr<sqlite_store>(new sqlite_store(std::move(writer), std::move(reader), n));
        if (path != ":memory:") store->start_checkpointer(path, options);
        return store;
    } catch (std::exception const& e) {
        return domain::make_error(domain::error_kind::internal, "storage_open_failed",
                                  "Cannot prepare the statements for " + path + ": " + e.what());
    }
}

sqlite_store::sqlite_store(std::unique_ptr<state> writer, std::unique_ptr<state> reader, domain::notifier& n)
    : writer_(std::move(writer)), reader_(std::move(reader)), notifier_(n) {}

sqlite_store::~sqlite_store() {
    stop_checkpointer();
    // The reader next: the writer's connection, closing last, checkpoints the WAL.
    {
        std::lock_guard lock(read_mutex_);
        reader_.reset();
    }
    std::lock_guard lock(write_mutex_);
    writer_.reset();
}

void sqlite_store::start_checkpointer(std::string const& path, database_options const& options) {
    // The backstop: 10,000 pages (40 MB) of WAL before a commit checkpoints by itself.
    writer_->db->exec("PRAGMA wal_autocheckpoint = 10000");
    auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE,
                                                 static_cast<int>(options.busy_timeout.count()));
    checkpointer_ = std::thread([this, db = std::move(db)] {
        std::unique_lock lock(checkpointer_mutex_);
        while (!checkpointer_wake_.wait_for(lock, std::chrono::seconds(1), [this] { return checkpointer_stop_; })) {
            lock.unlock();
            // PASSIVE: copies what no reader still needs, without waiting for readers or the
            // writer; what it leaves is taken next time. A failure (disk full, I/O error) is
            // retried next second, and the writer's backstop still bounds the WAL.
            db->tryExec("PRAGMA wal_checkpoint(PASSIVE)");
            lock.lock();
        }
    });
}

void sqlite_store::stop_checkpointer() {
    if (!checkpointer_.joinable()) return;
    {
        std::lock_guard lock(checkpointer_mutex_);
        checkpointer_stop_ = true;
    }
    checkpointer_wake_.notify_all();
    checkpointer_.join();
}

domain::status sqlite_store::write(work const& w) {
    std::lock_guard lock(write_mutex_);
    state& s = *writer_;
    std::vector<domain::stream_update> committed;
    try {
        s.end_stray_transaction();
        s.updates.discard_appended();
        transaction tx(s.begin_immediate, s.commit, s.rollback);
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
    std::unique_lock lock(reader_ ? read_mutex_ : write_mutex_);
    state& s = reader_ ? *reader_ : *writer_;
    try {
        s.end_stray_transaction();
        std::optional<query_only_scope> query_only;
        if (!reader_) query_only.emplace(*s.db);
        transaction tx(s.begin_deferred, s.commit, s.rollback);
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
    std::lock_guard lock(write_mutex_);
    try {
        SQLite::Statement q(*writer_->db, "PRAGMA wal_checkpoint(TRUNCATE)");
        if (q.executeStep() && q.getColumn(0).getInt() != 0)
            return domain::make_error(domain::error_kind::internal, "checkpoint_busy",
                                      "Another connection kept the checkpoint from completing.");
        return {};
    } catch (std::exception const& e) {
        return storage_error(e);
    }
}

int sqlite_store::schema_version() {
    std::lock_guard lock(write_mutex_);
    try {
        return storage::schema_version(*writer_->db);
    } catch (std::exception const&) {
        return -1;
    }
}

int sqlite_store::current_schema_version() {
    return storage::current_schema_version();
}

}  // namespace bimtek::storage
