#include "server/security/hmac_link_signer.hpp"

#include <stdlib.h>  // mkdtemp

#include <fstream>

#include <gtest/gtest.h>

namespace bimtek::security {
namespace {

// A fresh directory, removed with its contents at the end of the test.
class scratch_dir {
public:
    scratch_dir() {
        std::string templ = (std::filesystem::temp_directory_path() / "bimtek-key-XXXXXX").string();
        path_ = ::mkdtemp(templ.data());
    }
    ~scratch_dir() { std::filesystem::remove_all(path_); }
    std::filesystem::path operator/(std::string const& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

TEST(hmac_link_signer, signs_with_hmac_sha256) {
    // The expected value is HMAC-SHA-256 of "" under 32 zero bytes (Python's hmac module).
    link_key zero{};
    hmac_link_signer s(zero);
    EXPECT_EQ(s.sign("bimtek"), s.sign("bimtek"));
    EXPECT_EQ(s.sign("bimtek").size(), 64u);
    EXPECT_EQ(s.sign(""), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
    EXPECT_TRUE(s.verify("bimtek", s.sign("bimtek")));
    EXPECT_FALSE(s.verify("bimtek!", s.sign("bimtek")));
    EXPECT_FALSE(s.verify("bimtek", s.sign("bimtek").substr(0, 63)));
    EXPECT_FALSE(s.verify("bimtek", ""));
}

TEST(hmac_link_signer, different_keys_sign_differently) {
    link_key a{}, b{};
    b[0] = 1;
    EXPECT_NE(hmac_link_signer(a).sign("x"), hmac_link_signer(b).sign("x"));
}

TEST(load_link_key, creates_the_key_once_and_reads_it_back) {
    scratch_dir dir;
    auto first = load_link_key(dir / "link.key");
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_EQ(std::filesystem::file_size(dir / "link.key"), 32u);
    auto perms = std::filesystem::status(dir / "link.key").permissions();
    EXPECT_EQ(perms & std::filesystem::perms::others_read, std::filesystem::perms::none);
    auto second = load_link_key(dir / "link.key");
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(*first, *second);
    EXPECT_FALSE(std::filesystem::exists(dir / "link.key.partial"));
}

TEST(load_link_key, a_key_file_of_the_wrong_size_is_refused) {
    scratch_dir dir;
    std::ofstream(dir / "link.key") << "short";
    auto key = load_link_key(dir / "link.key");
    ASSERT_FALSE(key.ok());
    EXPECT_EQ(key.error().code, "link_key_unusable");
    std::ofstream(dir / "long.key") << std::string(33, 'x');
    EXPECT_FALSE(load_link_key(dir / "long.key").ok());
}

TEST(load_link_key, a_missing_directory_is_an_error) {
    scratch_dir dir;
    EXPECT_FALSE(load_link_key(dir / "missing" / "link.key").ok());
}

}  // namespace
}  // namespace bimtek::security
