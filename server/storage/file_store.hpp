// domain::file_store on a directory: each file is stored once, named by its SHA-256 (libsodium,
// computed while reading the upload in 64 KiB pieces), as ROOT/ab/cdef... (the first two hex
// digits name a subdirectory). Files enter by an atomic rename after an fsync, and the directory
// is synced after it, so a committed material never points at a partial file. Stateless after
// construction: safe from any thread.
#pragma once

#include <filesystem>

#include "server/domain/file_store.hpp"

namespace bimtek::storage {

class disk_file_store final : public domain::file_store {
public:
    // Files live under "root" (created on first use). Uploads to keep() must come from the same
    // file system (the data directory's tmp/) for the rename to be atomic; from elsewhere they
    // are copied first.
    explicit disk_file_store(std::filesystem::path root);

    domain::result<domain::file_digest> digest(std::filesystem::path const& path) override;
    // Error "upload_failed" also when "sha256" is not 64 lower-case hex digits (it names a path).
    domain::status keep(std::filesystem::path const& path, std::string const& sha256) override;
    bool contains(std::string const& sha256) override;
    // For a malformed "sha256", a path under the root that never exists.
    std::filesystem::path locate(std::string const& sha256) const override;
    domain::status remove(std::string const& sha256) override;

    // True for 64 lower-case hex digits.
    static bool valid_sha256(std::string const& sha256);

private:
    std::filesystem::path root_;
};

}  // namespace bimtek::storage
