// A file store for tests: files kept in memory by a fake digest. digest() reads the real file
// (tests write uploads to a temp_dir) and names it with 64 hex characters made from FNV-1a of
// its bytes (NOT SHA-256); keep() moves its bytes into memory and deletes the file, as the disk
// store's rename consumes it. Failures can be forced. Thread-safe (one mutex).
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "server/domain/file_store.hpp"

namespace bimtek::test {

class fake_file_store final : public domain::file_store {
public:
    domain::result<domain::file_digest> digest(std::filesystem::path const& path) override;
    domain::status keep(std::filesystem::path const& path, std::string const& sha256) override;
    bool contains(std::string const& sha256) override;
    // "/fake-files/<sha256>"
    std::filesystem::path locate(std::string const& sha256) const override;
    domain::status remove(std::string const& sha256) override;

    // The stored files by name.
    std::map<std::string, std::string> files() const;
    // The next keep() fails with "upload_failed" (and leaves the file where it is).
    void fail_next_keep();
    int keeps() const;  // successful keep() calls

private:
    mutable std::mutex mutex_;
    std::map<std::string, std::string> files_;  // guarded by mutex_
    bool fail_next_keep_ = false;               // guarded by mutex_
    int keeps_ = 0;                             // guarded by mutex_
};

}  // namespace bimtek::test
