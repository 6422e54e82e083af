#include "server/storage/sqlite_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;
using storage::testing::recording_notifier;
using storage::testing::sample_event;
using storage::testing::sample_participant;
using storage::testing::sample_update;
using storage::testing::sample_user;
using storage::testing::temp_dir;

class StoreTest : public storage::testing::store_test {
protected:
    // What another connection (another process) sees in the file: only committed data.
    int committed_count(std::string const& table) {
        SQLite::Database other(db_path(), SQLite::OPEN_READONLY);
        return other.execAndGet("SELECT COUNT(*) FROM " + table).getInt();
    }

    domain::event_id add_event() {
        return write_ok([](domain::repositories& r) {
            return r.events.insert(sample_event("Bimtek Graduasi"));
        });
    }
};

TEST_F(StoreTest, CommitPublishesTheAppendedUpdatesInSeqOrderAfterTheCommit) {
    domain::event_id const event = add_event();
    std::vector<int> visible_when_published;
    notifier_.on_publish = [&](domain::stream_update const&) {
        visible_when_published.push_back(committed_count("updates"));
    };

    domain::status st = store_->write([&](domain::repositories& r) -> domain::status {
        for (char const* kind : {"checkin", "presence.join", "session.started"}) {
            domain::stream_update u = sample_update(event, kind);
            r.updates.append(u);
        }
        EXPECT_TRUE(notifier_.published.empty());  // nothing before the commit
        return {};
    });
    ASSERT_TRUE(st.ok()) << st.error().message;

    ASSERT_EQ(notifier_.published.size(), 3u);
    EXPECT_EQ(notifier_.published[0].kind, "checkin");
    EXPECT_EQ(notifier_.published[1].kind, "presence.join");
    EXPECT_EQ(notifier_.published[2].kind, "session.started");
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_EQ(notifier_.published[i].seq, static_cast<std::int64_t>(i) + 1);
    // Another connection already saw all three rows when the first was published.
    EXPECT_EQ(visible_when_published, (std::vector<int>{3, 3, 3}));
}

TEST_F(StoreTest, FailingWorkRollsBackRowsAndUpdatesAndPublishesNothing) {
    domain::event_id const event = add_event();
    domain::status st = store_->write([&](domain::repositories& r) -> domain::status {
        r.users.insert(sample_user("siti"));
        r.participants.insert(sample_participant(event, "Ni Luh Putu Ayu", "ABCD2345"));
        domain::stream_update u = sample_update(event, "checkin");
        r.updates.append(u);
        return domain::make_error(domain::error_kind::conflict, "room_full", "The room is full.");
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::conflict);
    EXPECT_EQ(st.error().code, "room_full");
    EXPECT_TRUE(notifier_.published.empty());
    EXPECT_EQ(committed_count("users"), 0);
    EXPECT_EQ(committed_count("participants"), 0);
    EXPECT_EQ(committed_count("updates"), 0);

    // The next write's first update gets seq 1 again, and only it is published.
    write_ok([&](domain::repositories& r) {
        domain::stream_update u = sample_update(event, "checkout");
        r.updates.append(u);
    });
    ASSERT_EQ(notifier_.published.size(), 1u);
    EXPECT_EQ(notifier_.published[0].kind, "checkout");
    EXPECT_EQ(notifier_.published[0].seq, 1);
}

TEST_F(StoreTest, DuplicateUsernameIsAnInternalErrorThatRollsBackTheWholeWrite) {
    domain::event_id const event = add_event();
    write_ok([](domain::repositories& r) { r.users.insert(sample_user("siti")); });

    domain::status st = store_->write([&](domain::repositories& r) -> domain::status {
        r.users.insert(sample_user("bambang"));
        domain::stream_update u = sample_update(event, "user.created");
        r.updates.append(u);
        r.users.insert(sample_user("siti"));  // throws: UNIQUE constraint
        ADD_FAILURE() << "the duplicate insert should have thrown";
        return {};
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::internal);
    EXPECT_EQ(st.error().code, "storage_error");
    EXPECT_NE(st.error().message.find("UNIQUE"), std::string::npos) << st.error().message;
    EXPECT_TRUE(notifier_.published.empty());
    EXPECT_EQ(committed_count("users"), 1);
    EXPECT_EQ(committed_count("updates"), 0);

    // The statement that failed is ready for its next use.
    write_ok([](domain::repositories& r) { r.users.insert(sample_user("bambang")); });
    EXPECT_EQ(committed_count("users"), 2);
}

TEST_F(StoreTest, ExceptionFromTheWorkFunctionIsAnInternalErrorAndRollsBack) {
    domain::status st = store_->write([](domain::repositories& r) -> domain::status {
        r.users.insert(sample_user("siti"));
        throw std::runtime_error("boom");
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::internal);
    EXPECT_EQ(st.error().code, "storage_error");
    EXPECT_EQ(committed_count("users"), 0);

    st = store_->write([](domain::repositories&) -> domain::status { throw 42; });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, "storage_error");
}

TEST_F(StoreTest, ForeignKeysAreEnforced) {
    domain::status st = store_->write([](domain::repositories& r) -> domain::status {
        r.participants.insert(sample_participant(999, "Siti Nurhaliza", "ABCD2345"));
        return {};
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::internal);
    EXPECT_NE(st.error().message.find("FOREIGN KEY"), std::string::npos) << st.error().message;
}

TEST_F(StoreTest, ReadsSeeCommittedData) {
    domain::event_id const event = add_event();
    auto found = read_ok([&](domain::repositories& r) { return r.events.find(event); });
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->title, "Bimtek Graduasi");
}

TEST_F(StoreTest, ReadReturnsTheWorkFunctionsError) {
    domain::status st = store_->read([](domain::repositories&) -> domain::status {
        return domain::make_error(domain::error_kind::not_found, "event_not_found",
                                  "No such event.");
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, "event_not_found");
}

TEST_F(StoreTest, WriteInsideAReadIsRefusedAndLeavesNothing) {
    domain::event_id const event = add_event();
    domain::status st = store_->read([&](domain::repositories& r) -> domain::status {
        domain::stream_update u = sample_update(event, "checkin");
        r.updates.append(u);
        return {};
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::internal);
    EXPECT_TRUE(notifier_.published.empty());
    EXPECT_EQ(committed_count("updates"), 0);
    // The connection is writable again afterwards.
    write_ok([](domain::repositories& r) { r.users.insert(sample_user("siti")); });
}

TEST_F(StoreTest, WriteSurvivesClosingAndReopeningAndTheWalIsCheckpointedOnClose) {
    domain::event_id const event = add_event();
    write_ok([&](domain::repositories& r) {
        r.participants.insert(sample_participant(event, "Ni Luh Putu Ayu", "ABCD2345"));
        domain::stream_update u = sample_update(event, "checkin");
        r.updates.append(u);
    });
    EXPECT_TRUE(std::filesystem::exists(db_path() + "-wal"));
    store_.reset();
    EXPECT_FALSE(std::filesystem::exists(db_path() + "-wal"));

    reopen();
    auto p =
        read_ok([](domain::repositories& r) { return r.participants.find_by_code("ABCD2345"); });
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->name, "Ni Luh Putu Ayu");
    // The update stream continues where it was.
    auto seq = write_ok([&](domain::repositories& r) {
        domain::stream_update u = sample_update(event, "checkout");
        return r.updates.append(u);
    });
    EXPECT_EQ(seq, 2);
}

TEST_F(StoreTest, CheckpointEmptiesTheWal) {
    add_event();
    ASSERT_GT(std::filesystem::file_size(db_path() + "-wal"), 0u);
    domain::status st = store_->checkpoint();
    ASSERT_TRUE(st.ok()) << st.error().message;
    EXPECT_EQ(std::filesystem::file_size(db_path() + "-wal"), 0u);
    EXPECT_EQ(committed_count("events"), 1);
}

TEST_F(StoreTest, ABackgroundCheckpointCopiesCommitsIntoTheDatabaseFileWhileOpen) {
    domain::event_id const event = add_event();
    std::uintmax_t const before = std::filesystem::file_size(db_path());
    write_ok([&](domain::repositories& r) {
        for (int i = 0; i < 500; ++i) {
            char code[16];
            std::snprintf(code, sizeof code, "K%07d", i);
            r.participants.insert(sample_participant(event, "Peserta " + std::to_string(i), code));
        }
    });
    // The commit leaves its pages in the WAL (far below the writer's own threshold); the
    // store's checkpointer copies them into the file within about a second.
    std::uintmax_t const grown = before + 8 * 4096;
    auto const deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::filesystem::file_size(db_path()) < grown && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_GE(std::filesystem::file_size(db_path()), grown);
    EXPECT_EQ(committed_count("participants"), 500);
}

TEST_F(StoreTest, ReportsTheCurrentSchemaVersion) {
    EXPECT_EQ(store_->schema_version(), storage::sqlite_store::current_schema_version());
}

TEST_F(StoreTest, ConcurrentWritesAreSerializedAndSeqStaysGapFree) {
    domain::event_id const event = add_event();
    constexpr int threads = 4;
    constexpr int writes = 25;
    std::vector<std::thread> writers;
    for (int t = 0; t < threads; ++t) {
        writers.emplace_back([&] {
            for (int i = 0; i < writes; ++i) {
                domain::status st = store_->write([&](domain::repositories& r) -> domain::status {
                    domain::stream_update u = sample_update(event, "presence.join");
                    r.updates.append(u);
                    return {};
                });
                EXPECT_TRUE(st.ok());
            }
        });
    }
    for (auto& w : writers) w.join();
    ASSERT_EQ(notifier_.published.size(), static_cast<std::size_t>(threads * writes));
    for (std::size_t i = 0; i < notifier_.published.size(); ++i)
        EXPECT_EQ(notifier_.published[i].seq, static_cast<std::int64_t>(i) + 1);
}

TEST(StoreOpen, MissingDirectoryIsAClearError) {
    temp_dir dir;
    recording_notifier notifier;
    auto store = storage::sqlite_store::open(dir.file("absent/bimtek.db"), notifier);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().kind, domain::error_kind::internal);
    EXPECT_EQ(store.error().code, "data_dir_missing");
}

TEST(StoreOpen, CorruptFileIsAClearError) {
    temp_dir dir;
    std::string const path = dir.file("bimtek.db");
    {
        std::ofstream out(path, std::ios::binary);
        out << std::string(8192, '\x5a');
    }
    recording_notifier notifier;
    auto store = storage::sqlite_store::open(path, notifier);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, "not_a_database");
}

TEST(StoreOpen, InMemoryStoreWorks) {
    recording_notifier notifier;
    auto store = storage::sqlite_store::open(":memory:", notifier);
    ASSERT_TRUE(store.ok()) << store.error().message;
    auto id = domain::write_value<domain::user_id>(
        **store, [](domain::repositories& r) -> domain::result<domain::user_id> {
            return r.users.insert(sample_user("siti"));
        });
    ASSERT_TRUE(id.ok());
    auto found = domain::read_value<std::optional<domain::staff_user>>(
        **store, [&](domain::repositories& r) -> domain::result<std::optional<domain::staff_user>> {
            return r.users.find(*id);
        });
    ASSERT_TRUE(found.ok());
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ((*found)->username, "siti");
    EXPECT_EQ((*store)->checkpoint().ok(), true);
}

}  // namespace
