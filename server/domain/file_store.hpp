// Where uploaded files live: a directory of immutable files named by their SHA-256, behind an
// interface so the domain does no file I/O itself. storage::disk_file_store implements it under
// the data directory; domain tests use a fake. Implementations must be safe to call from any
// thread; keep() and remove() of the same hash must be serialized by the caller (the material
// service calls both inside store::write, which serializes them).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "server/domain/result.hpp"

namespace bimtek::domain {

// What reading an uploaded file once tells.
struct file_digest {
    std::string sha256;  // lower-case hex, 64 characters
    std::uint64_t size = 0;
    std::string head;  // the first bytes (up to 64), to check the file's signature
};

class file_store {
public:
    virtual ~file_store() = default;

    // Reads the file at "path" (an upload in a temporary directory) from start to end, in
    // pieces (never whole in memory). Error "upload_failed" (internal) when it cannot be read.
    virtual result<file_digest> digest(std::filesystem::path const& path) = 0;
    // Makes the stored file "sha256" hold the file at "path", which is consumed: moved there
    // (an atomic rename, so a reader never sees a partial file), or removed when that file is
    // stored already. Error "upload_failed" (internal) when it cannot.
    virtual status keep(std::filesystem::path const& path, std::string const& sha256) = 0;
    // True when the file "sha256" is stored.
    virtual bool contains(std::string const& sha256) = 0;
    // Where the stored file "sha256" is (whether or not it exists).
    virtual std::filesystem::path locate(std::string const& sha256) const = 0;
    // Deletes the stored file "sha256"; ok when it was not there.
    virtual status remove(std::string const& sha256) = 0;
};

}  // namespace bimtek::domain
