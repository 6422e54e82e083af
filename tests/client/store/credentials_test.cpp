#include "client/store/credentials.hpp"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "client/store/paths.hpp"
#include "tests/harness/temp_dir.hpp"

namespace bimtek::client::store {
namespace {

TEST(Credentials, SavedReadableOnlyByTheOwnerAndReadBack) {
    bimtek::testing::temp_dir dir;
    environment env{{"XDG_CONFIG_HOME", dir.path().string()}};
    auto file = credentials_file(env);
    EXPECT_EQ(file, dir.path() / "bimtek" / "credentials.json");
    EXPECT_FALSE(load_credentials(file));
    ASSERT_TRUE(save_credentials(
        file, credentials{"http://127.0.0.1:8080", "tok", "coordinator", "Koordinator", "x"}));
    struct stat st {};
    ASSERT_EQ(::stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    ASSERT_EQ(::stat(file.parent_path().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0077, 0u);
    auto c = load_credentials(file);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->token, "tok");
    EXPECT_EQ(c->server, "http://127.0.0.1:8080");
    EXPECT_EQ(c->role, "coordinator");
    ASSERT_TRUE(
        save_credentials(file, credentials{"http://h:1", "tok2", "participant", "Siti", ""}));
    EXPECT_EQ(load_credentials(file)->token, "tok2");
    ASSERT_TRUE(remove_credentials(file));
    EXPECT_FALSE(load_credentials(file));
    EXPECT_TRUE(remove_credentials(file));  // already gone is fine
}

TEST(Paths, FollowXdgWithHomeFallbacks) {
    environment home{{"HOME", "/home/siti"}};
    EXPECT_EQ(config_dir(home), "/home/siti/.config/bimtek");
    EXPECT_EQ(default_queue_file(home), "/home/siti/.local/share/bimtek/checkin-queue.db");
    environment xdg{{"HOME", "/home/siti"}, {"XDG_CONFIG_HOME", "/c"}, {"XDG_DATA_HOME", "/d"}};
    EXPECT_EQ(credentials_file(xdg), "/c/bimtek/credentials.json");
    EXPECT_EQ(default_queue_file(xdg), "/d/bimtek/checkin-queue.db");
    environment relative{{"HOME", "/h"},
                         {"XDG_DATA_HOME", "relative"}};  // ignored, as the spec says
    EXPECT_EQ(data_dir(relative), "/h/.local/share/bimtek");
}

}  // namespace
}  // namespace bimtek::client::store
