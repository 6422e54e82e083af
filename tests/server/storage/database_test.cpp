#include "server/storage/database.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;
using storage::testing::temp_dir;

TEST(OpenDatabase, SetsWalForeignKeysFullSynchronousAndBusyTimeout) {
    temp_dir dir;
    auto db = storage::open_database(dir.file("bimtek.db"), {});
    ASSERT_TRUE(db.ok()) << db.error().message;
    SQLite::Database& d = **db;
    EXPECT_EQ(d.execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_EQ(d.execAndGet("PRAGMA foreign_keys").getInt(), 1);
    EXPECT_EQ(d.execAndGet("PRAGMA synchronous").getInt(), 2);  // FULL
    EXPECT_EQ(d.execAndGet("PRAGMA busy_timeout").getInt(), 5000);
}

TEST(OpenDatabase, NormalSynchronousAndBusyTimeoutWhenAsked) {
    temp_dir dir;
    storage::database_options options;
    options.synchronous_full = false;
    options.busy_timeout = std::chrono::milliseconds{250};
    auto db = storage::open_database(dir.file("bimtek.db"), options);
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_EQ((*db)->execAndGet("PRAGMA synchronous").getInt(), 1);  // NORMAL
    EXPECT_EQ((*db)->execAndGet("PRAGMA busy_timeout").getInt(), 250);
    EXPECT_EQ((*db)->execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST(OpenDatabase, MissingDirectoryIsAClearErrorAndIsNotCreated) {
    temp_dir dir;
    std::filesystem::path const missing = dir.path() / "no-such-dir";
    auto db = storage::open_database((missing / "bimtek.db").string(), {});
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().kind, domain::error_kind::internal);
    EXPECT_EQ(db.error().code, "data_dir_missing");
    EXPECT_NE(db.error().message.find(missing.string()), std::string::npos) << db.error().message;
    EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST(OpenDatabase, FileThatIsNotADatabaseIsRefused) {
    temp_dir dir;
    std::string const path = dir.file("bimtek.db");
    {
        std::ofstream out(path, std::ios::binary);
        for (int i = 0; i < 200; ++i) out << "Daftar hadir peserta bimtek, bukan basis data.\n";
    }
    auto db = storage::open_database(path, {});
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().kind, domain::error_kind::internal);
    EXPECT_EQ(db.error().code, "not_a_database");
    EXPECT_NE(db.error().message.find(path), std::string::npos) << db.error().message;
}

TEST(OpenDatabase, DirectoryInPlaceOfTheFileIsRefused) {
    temp_dir dir;
    std::filesystem::create_directory(dir.path() / "bimtek.db");
    auto db = storage::open_database(dir.file("bimtek.db"), {});
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, "storage_open_failed");
}

TEST(OpenDatabase, EmptyPathIsRefused) {
    auto db = storage::open_database("", {});
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, "storage_open_failed");
}

TEST(OpenDatabase, InMemoryDatabaseOpensWithForeignKeys) {
    auto db = storage::open_database(":memory:", {});
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_EQ((*db)->execAndGet("PRAGMA foreign_keys").getInt(), 1);
}

}  // namespace
