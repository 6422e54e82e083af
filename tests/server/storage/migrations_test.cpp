#include "server/storage/migrations.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "server/storage/database.hpp"
#include "server/storage/sqlite_store.hpp"
#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;
using storage::testing::recording_notifier;
using storage::testing::temp_dir;

std::unique_ptr<SQLite::Database> open_raw(std::string const& path) {
    auto db = storage::open_database(path, {});
    if (!db) throw std::runtime_error(db.error().message);
    return std::move(*db);
}

// Names of the schema's objects of "type" ("table", "index"), without SQLite's own.
std::set<std::string> schema_names(SQLite::Database& db, std::string const& type) {
    SQLite::Statement q(
        db, "SELECT name FROM sqlite_schema WHERE type = ?1 AND name NOT LIKE 'sqlite_%'");
    q.bind(1, type);
    std::set<std::string> names;
    while (q.executeStep()) names.insert(q.getColumn(0).getString());
    return names;
}

// Every object of the schema with its SQL, in name order.
std::vector<std::string> schema_dump(SQLite::Database& db) {
    SQLite::Statement q(db,
                        "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') "
                        "FROM sqlite_schema ORDER BY name");
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::set<std::string> const expected_tables{
    "certificates", "checkins",  "completion_rules", "event_members", "events",
    "materials",    "participants", "presence_intervals", "question_votes", "questions",
    "sessions",     "tokens",    "updates",          "users"};

// The schema's first migration followed by one a later issue might add.
std::array<storage::migration, 2> with_test_migration() {
    return {{
        storage::schema_migrations()[0],
        {2, "test_marker", "CREATE TABLE test_marker (note TEXT NOT NULL) STRICT;"},
    }};
}

TEST(Migrations, AreNumberedFromOneInOrderUpToTheCurrentVersion) {
    auto const list = storage::schema_migrations();
    ASSERT_FALSE(list.empty());
    for (std::size_t i = 0; i < list.size(); ++i) {
        EXPECT_EQ(list[i].version, static_cast<int>(i) + 1);
        EXPECT_FALSE(list[i].name.empty());
        EXPECT_FALSE(list[i].sql.empty());
    }
    EXPECT_EQ(storage::current_schema_version(), static_cast<int>(list.size()));
    EXPECT_EQ(storage::sqlite_store::current_schema_version(), 3);
    EXPECT_EQ(list[0].name, "foundation");
    EXPECT_EQ(list[1].name, "live");
    EXPECT_EQ(list[2].name, "materials");
}

TEST(Migrations, FreshFileReachesTheCurrentVersionWithTheExpectedTablesAndIndexes) {
    temp_dir dir;
    auto db = open_raw(dir.file("bimtek.db"));
    EXPECT_EQ(storage::schema_version(*db), 0);
    domain::status st = storage::migrate(*db);
    ASSERT_TRUE(st.ok()) << st.error().message;
    EXPECT_EQ(storage::schema_version(*db), storage::current_schema_version());
    EXPECT_EQ(schema_names(*db, "table"), expected_tables);
    std::set<std::string> const indexes = schema_names(*db, "index");
    for (char const* name :
         {"event_members_by_user", "sessions_by_event_start", "participants_by_event_name",
          "checkins_by_participant", "checkins_by_event", "checkins_open_by_participant",
          "tokens_by_expiry", "questions_by_session", "questions_by_author",
          "questions_pinned_by_session", "question_votes_by_participant",
          "presence_by_participant", "presence_by_event", "presence_open_by_participant",
          "presence_open_by_event", "materials_by_session", "materials_by_sha256",
          "certificates_by_event"})
        EXPECT_TRUE(indexes.contains(name)) << name;

    // updates is keyed by (event_id, seq).
    SQLite::Statement pk(*db,
                         "SELECT name FROM pragma_table_info('updates') WHERE pk > 0 ORDER BY pk");
    std::vector<std::string> key;
    while (pk.executeStep()) key.push_back(pk.getColumn(0).getString());
    EXPECT_EQ(key, (std::vector<std::string>{"event_id", "seq"}));
    // Every foreign key points at an existing table and column.
    SQLite::Statement fk(*db, "SELECT COUNT(*) FROM pragma_foreign_key_check");
    ASSERT_TRUE(fk.executeStep());
    EXPECT_EQ(fk.getColumn(0).getInt(), 0);
}

TEST(Migrations, EmptyFileAtVersionZeroIsMigratedWhenTheStoreOpensIt) {
    temp_dir dir;
    std::string const path = dir.file("bimtek.db");
    {
        SQLite::Database made(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        made.exec("PRAGMA user_version = 0");
    }
    {
        recording_notifier notifier;
        auto store = storage::sqlite_store::open(path, notifier);
        ASSERT_TRUE(store.ok()) << store.error().message;
        EXPECT_EQ((*store)->schema_version(), storage::current_schema_version());
    }
    auto db = open_raw(path);
    EXPECT_EQ(schema_names(*db, "table"), expected_tables);
}

TEST(Migrations, FileAtEveryOlderVersionOfTheSchemaIsUpgradedWhenOpened) {
    for (int n = 0; n < storage::current_schema_version(); ++n) {
        SCOPED_TRACE("file at version " + std::to_string(n));
        temp_dir dir;
        std::string const path = dir.file("bimtek.db");
        {
            auto db = open_raw(path);
            domain::status st = storage::migrate(
                *db, storage::schema_migrations().first(static_cast<std::size_t>(n)));
            ASSERT_TRUE(st.ok()) << st.error().message;
            ASSERT_EQ(storage::schema_version(*db), n);
        }
        recording_notifier notifier;
        auto store = storage::sqlite_store::open(path, notifier);
        ASSERT_TRUE(store.ok()) << store.error().message;
        EXPECT_EQ((*store)->schema_version(), storage::current_schema_version());
    }
}

TEST(Migrations, OlderFileGetsOnlyTheMissingMigrationsAndKeepsItsData) {
    temp_dir dir;
    auto db = open_raw(dir.file("bimtek.db"));
    auto const list = with_test_migration();
    domain::status st = storage::migrate(*db, std::span(list).first(1));
    ASSERT_TRUE(st.ok()) << st.error().message;
    ASSERT_EQ(storage::schema_version(*db), 1);
    db->exec(
        "INSERT INTO users (username, display_name, role, password_hash, created_at) "
        "VALUES ('siti', 'Siti Nurhaliza', 'coordinator', 'h', 1)");

    st = storage::migrate(*db, list);
    ASSERT_TRUE(st.ok()) << st.error().message;
    EXPECT_EQ(storage::schema_version(*db), 2);
    EXPECT_TRUE(db->tableExists("test_marker"));
    EXPECT_EQ(db->execAndGet("SELECT display_name FROM users WHERE username = 'siti'").getString(),
              "Siti Nurhaliza");
}

TEST(Migrations, VersionOneFileWithDataIsUpgradedAndKeepsEverything) {
    temp_dir dir;
    std::string const path = dir.file("bimtek.db");
    {
        auto db = open_raw(path);
        ASSERT_TRUE(storage::migrate(*db, storage::schema_migrations().first(1)).ok());
        ASSERT_EQ(storage::schema_version(*db), 1);
        ASSERT_FALSE(db->tableExists("questions"));
        db->exec(
            "INSERT INTO users (username, display_name, role, password_hash, created_at) "
            "VALUES ('siti', 'Siti Nurhaliza', 'coordinator', 'h', 1);"
            "INSERT INTO events (title, venue, timezone, starts_at, ends_at, onsite_capacity, "
            "online_capacity, expected_onsite, expected_online, target_completion_rate, "
            "stream_epoch, created_at) VALUES ('Bimtek', 'Aula', 'Asia/Jakarta', 1000, 9000, 50, "
            "170, 50, 170, 0.8, 'abcd', 1);"
            "INSERT INTO sessions (event_id, title, speaker_id, speaker_name, planned_start, "
            "planned_end, actual_start, actual_end, moderated, required) "
            "VALUES (1, 'Pembukaan', 1, 'Siti', 1000, 2000, 1100, NULL, 1, 1);"
            "INSERT INTO participants (event_id, name, category, region, phone, business_name, "
            "mode, access_code, created_at) VALUES (1, 'Ni Luh Putu Ayu', 'kpm_pkh_graduasi', "
            "'Bali', NULL, NULL, 'online', 'ABCD2345', 1);"
            "INSERT INTO checkins (event_id, participant_id, checked_in_at, checked_in_by, "
            "over_capacity) VALUES (1, 1, 1200, 1, 0);"
            "INSERT INTO tokens (digest, role, subject, created_at, expires_at) "
            "VALUES ('d1', 'participant', 1, 1, 99999);"
            "INSERT INTO updates (event_id, seq, kind, at, full_data, public_data) "
            "VALUES (1, 1, 'checkin', 1200, '{}', '{}');");
    }
    {
        recording_notifier notifier;
        auto store = storage::sqlite_store::open(path, notifier);
        ASSERT_TRUE(store.ok()) << store.error().message;
        EXPECT_EQ((*store)->schema_version(), storage::current_schema_version());
        // The old rows are intact, and the new tables take rows that refer to them.
        domain::status st = (*store)->write([](domain::repositories& r) -> domain::status {
            auto s = r.sessions.find(1);
            EXPECT_TRUE(s.has_value());
            if (s) {
                EXPECT_EQ(s->title, "Pembukaan");
                EXPECT_TRUE(s->moderated);
                EXPECT_TRUE(s->live());
            }
            EXPECT_EQ(r.participants.find_by_code("ABCD2345").value().name, "Ni Luh Putu Ayu");
            EXPECT_EQ(r.checkins.count_open(1), 1);
            EXPECT_EQ(r.tokens.find("d1").value().subject, 1);
            EXPECT_EQ(r.updates.latest_seq(1), 1);
            EXPECT_EQ(r.users.find_by_username("siti").value().display_name, "Siti Nurhaliza");
            domain::question q;
            q.event = 1;
            q.session = 1;
            q.author = 1;
            q.text = "Apa kabar?";
            EXPECT_GT(r.questions.insert(q), 0);
            EXPECT_GT(r.presence.open(1, 1, from_unix_ms(1300)), 0);
            EXPECT_EQ(r.presence.count_online_present(1), 0);  // checked in: in the room
            domain::material m;
            m.event = 1;
            m.session = 1;
            m.filename = "materi.pdf";
            m.content_type = "application/pdf";
            m.sha256 = std::string(64, 'a');
            m.uploaded_by = 1;
            EXPECT_GT(r.materials.insert(m), 0);
            domain::certificate c;
            c.code = "ABCDEFGHJKMN";
            c.event = 1;
            c.participant = 1;
            EXPECT_GT(r.certificates.insert(c), 0);
            r.completion_rules.put(1, {0.75, false});
            return {};
        });
        ASSERT_TRUE(st.ok()) << st.error().message;
    }
    auto db = open_raw(path);
    EXPECT_EQ(schema_names(*db, "table"), expected_tables);
    SQLite::Statement fk(*db, "SELECT COUNT(*) FROM pragma_foreign_key_check");
    ASSERT_TRUE(fk.executeStep());
    EXPECT_EQ(fk.getColumn(0).getInt(), 0);
}

TEST(Migrations, FileNewerThanTheCodeIsRefusedUntouched) {
    temp_dir dir;
    std::string const path = dir.file("bimtek.db");
    int const newer = storage::current_schema_version() + 1;
    {
        auto db = open_raw(path);
        ASSERT_TRUE(storage::migrate(*db).ok());
        db->exec("PRAGMA user_version = " + std::to_string(newer));
        domain::status st = storage::migrate(*db);
        ASSERT_FALSE(st.ok());
        EXPECT_EQ(st.error().code, "schema_too_new");
    }
    recording_notifier notifier;
    auto store = storage::sqlite_store::open(path, notifier);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().kind, domain::error_kind::internal);
    EXPECT_EQ(store.error().code, "schema_too_new");
    std::string const& message = store.error().message;
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("version " + std::to_string(newer)), std::string::npos) << message;
    EXPECT_EQ(storage::schema_version(*open_raw(path)), newer);
}

TEST(Migrations, FileMigratedByALaterListIsTooNewForTheCurrentOne) {
    temp_dir dir;
    auto db = open_raw(dir.file("bimtek.db"));
    auto const list = with_test_migration();
    ASSERT_TRUE(storage::migrate(*db, list).ok());
    domain::status st = storage::migrate(*db, std::span(list).first(1));
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, "schema_too_new");
}

TEST(Migrations, ApplyingTwiceIsANoOp) {
    temp_dir dir;
    auto db = open_raw(dir.file("bimtek.db"));
    ASSERT_TRUE(storage::migrate(*db).ok());
    std::vector<std::string> const before = schema_dump(*db);
    int const changes = db->getTotalChanges();

    domain::status st = storage::migrate(*db);
    ASSERT_TRUE(st.ok()) << st.error().message;
    EXPECT_EQ(schema_dump(*db), before);
    EXPECT_EQ(db->getTotalChanges(), changes);
    EXPECT_EQ(storage::schema_version(*db), storage::current_schema_version());
}

TEST(Migrations, FailingMigrationRollsBackAndLeavesThePreviousVersion) {
    temp_dir dir;
    auto db = open_raw(dir.file("bimtek.db"));
    std::array<storage::migration, 2> const list{{
        storage::schema_migrations()[0],
        {2, "broken", "CREATE TABLE half_done (x INTEGER); CREATE TABLE broken (;"},
    }};
    domain::status st = storage::migrate(*db, list);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::internal);
    EXPECT_EQ(st.error().code, "migration_failed");
    EXPECT_NE(st.error().message.find("broken"), std::string::npos) << st.error().message;
    EXPECT_EQ(storage::schema_version(*db), 1);
    EXPECT_FALSE(db->tableExists("half_done"));
    EXPECT_TRUE(db->tableExists("users"));
}

TEST(Migrations, ListNotNumberedInOrderIsRefused) {
    temp_dir dir;
    auto db = open_raw(dir.file("bimtek.db"));
    std::array<storage::migration, 1> const list{{{2, "skips_one", "CREATE TABLE t (x INTEGER);"}}};
    domain::status st = storage::migrate(*db, list);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, "migration_failed");
    EXPECT_EQ(storage::schema_version(*db), 0);
    EXPECT_FALSE(db->tableExists("t"));
}

}  // namespace
