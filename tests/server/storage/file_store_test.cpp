// The content-addressed file store on a real directory: SHA-256 while streaming, atomic moves
// into place, one copy per content, and names that cannot escape the root.
#include "server/storage/file_store.hpp"

#include <fstream>
#include <sstream>
#include <thread>

#include "tests/server/storage/storage_test_support.hpp"

namespace bimtek::storage {
namespace {

class file_store_test : public ::testing::Test {
protected:
    std::filesystem::path upload(std::string const& name, std::string const& bytes) {
        std::filesystem::create_directories(dir.path() / "tmp");
        auto p = dir.path() / "tmp" / name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
    static std::string read(std::filesystem::path const& p) {
        std::ifstream in(p, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    }

    testing::temp_dir dir;
    disk_file_store files{dir.path() / "files"};
};

constexpr char const* abc_sha256 =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

TEST_F(file_store_test, digest_is_the_sha256_of_the_bytes) {
    auto d = files.digest(upload("a", "abc"));
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_EQ(d->sha256, abc_sha256);
    EXPECT_EQ(d->size, 3u);
    EXPECT_EQ(d->head, "abc");
    auto empty = files.digest(upload("e", ""));
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(empty->sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(empty->size, 0u);
}

TEST_F(file_store_test, digest_reads_large_files_in_pieces_and_keeps_the_first_64_bytes) {
    std::string big(3 * 1024 * 1024 + 17, '\0');
    for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 131 % 251);
    auto d = files.digest(upload("big", big));
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->size, big.size());
    EXPECT_EQ(d->head, big.substr(0, 64));
    // The same bytes in one piece give the same digest: compare with a second file.
    auto again = files.digest(upload("big2", big));
    EXPECT_EQ(again->sha256, d->sha256);
    big.back() ^= 1;
    EXPECT_NE(files.digest(upload("big3", big))->sha256, d->sha256);
}

TEST_F(file_store_test, a_missing_upload_cannot_be_read) {
    auto d = files.digest(dir.path() / "nothing");
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.error().code, "upload_failed");
}

TEST_F(file_store_test, keep_moves_the_upload_under_its_hash) {
    auto p = upload("a", "abc");
    ASSERT_TRUE(files.keep(p, abc_sha256).ok());
    EXPECT_FALSE(std::filesystem::exists(p));
    auto stored = files.locate(abc_sha256);
    EXPECT_EQ(stored, dir.path() / "files" / "ba" /
                          "7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(read(stored), "abc");
    EXPECT_TRUE(files.contains(abc_sha256));
}

TEST_F(file_store_test, the_same_content_is_stored_once) {
    ASSERT_TRUE(files.keep(upload("a", "abc"), abc_sha256).ok());
    auto second = upload("b", "abc");
    ASSERT_TRUE(files.keep(second, abc_sha256).ok());
    EXPECT_FALSE(std::filesystem::exists(second));
    EXPECT_EQ(read(files.locate(abc_sha256)), "abc");
    std::size_t count = 0;
    for (auto const& e : std::filesystem::recursive_directory_iterator(dir.path() / "files"))
        count += e.is_regular_file();
    EXPECT_EQ(count, 1u);
}

TEST_F(file_store_test, concurrent_keeps_of_the_same_content_leave_one_whole_file) {
    std::string bytes(256 * 1024, 'z');
    auto d = files.digest(upload("probe", bytes));
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
        auto p = upload("u" + std::to_string(i), bytes);
        threads.emplace_back([this, p, sha = d->sha256] { EXPECT_TRUE(files.keep(p, sha).ok()); });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(read(files.locate(d->sha256)), bytes);
}

TEST_F(file_store_test, names_that_are_not_hashes_never_become_paths) {
    auto p = upload("a", "abc");
    std::vector<std::string> const bad_names{"../../../../etc/passwd", "", "ABCDEF",
                                             std::string(64, 'g'), std::string(63, 'a') + "/"};
    for (std::string const& bad : bad_names) {
        EXPECT_FALSE(files.keep(p, bad).ok()) << bad;
        EXPECT_FALSE(files.contains(bad));
        EXPECT_TRUE(files.remove(bad).ok());
        auto where = files.locate(bad).lexically_normal();
        EXPECT_EQ(where.string().rfind((dir.path() / "files").string(), 0), 0u) << where;
    }
    EXPECT_TRUE(std::filesystem::exists(p));
}

TEST_F(file_store_test, remove_deletes_and_tolerates_absence) {
    ASSERT_TRUE(files.keep(upload("a", "abc"), abc_sha256).ok());
    ASSERT_TRUE(files.remove(abc_sha256).ok());
    EXPECT_FALSE(files.contains(abc_sha256));
    EXPECT_TRUE(files.remove(abc_sha256).ok());
}

}  // namespace
}  // namespace bimtek::storage
