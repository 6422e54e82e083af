#include "tests/support/fake_file_store.hpp"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace bimtek::test {
namespace {

std::string fake_sha(std::string const& bytes) {
    std::string out;
    for (std::uint64_t round = 0; round < 4; ++round) {
        std::uint64_t h = 14695981039346656037ull ^ round;
        for (unsigned char c : bytes) {
            h ^= c;
            h *= 1099511628211ull;
        }
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
        out += buf;
    }
    return out;
}

std::optional<std::string> read_all(std::filesystem::path const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return std::move(s).str();
}

domain::error failed(std::string message) {
    return domain::make_error(domain::error_kind::internal, "upload_failed", std::move(message));
}

}  // namespace

domain::result<domain::file_digest> fake_file_store::digest(std::filesystem::path const& path) {
    auto bytes = read_all(path);
    if (!bytes) return failed("cannot read " + path.string());
    return domain::file_digest{fake_sha(*bytes), bytes->size(), bytes->substr(0, 64)};
}

domain::status fake_file_store::keep(std::filesystem::path const& path, std::string const& sha256) {
    std::lock_guard lock(mutex_);
    if (fail_next_keep_) {
        fail_next_keep_ = false;
        return failed("forced failure");
    }
    auto bytes = read_all(path);
    if (!bytes) return failed("cannot read " + path.string());
    files_.try_emplace(sha256, std::move(*bytes));
    std::filesystem::remove(path);
    ++keeps_;
    return {};
}

bool fake_file_store::contains(std::string const& sha256) {
    std::lock_guard lock(mutex_);
    return files_.contains(sha256);
}

std::filesystem::path fake_file_store::locate(std::string const& sha256) const {
    return std::filesystem::path("/fake-files") / sha256;
}

domain::status fake_file_store::remove(std::string const& sha256) {
    std::lock_guard lock(mutex_);
    files_.erase(sha256);
    return {};
}

std::map<std::string, std::string> fake_file_store::files() const {
    std::lock_guard lock(mutex_);
    return files_;
}

void fake_file_store::fail_next_keep() {
    std::lock_guard lock(mutex_);
    fail_next_keep_ = true;
}

int fake_file_store::keeps() const {
    std::lock_guard lock(mutex_);
    return keeps_;
}

}  // namespace bimtek::test
