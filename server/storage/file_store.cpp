#include "server/storage/file_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace bimtek::storage {
namespace {

domain::error upload_failed(std::string message) {
    return domain::make_error(domain::error_kind::internal, "upload_failed", std::move(message));
}

std::string errno_text() {
    return std::strerror(errno);
}

// A file descriptor closed when it goes out of scope.
class descriptor {
public:
    explicit descriptor(int fd) : fd_(fd) {}
    ~descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    descriptor(descriptor const&) = delete;
    descriptor& operator=(descriptor const&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

bool sync_path(std::filesystem::path const& p, int flags) {
    descriptor fd(::open(p.c_str(), flags | O_CLOEXEC));
    return fd.get() >= 0 && ::fsync(fd.get()) == 0;
}

}  // namespace

disk_file_store::disk_file_store(std::filesystem::path root) : root_(std::move(root)) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialized");
}

bool disk_file_store::valid_sha256(std::string const& sha256) {
    if (sha256.size() != 64) return false;
    for (char c : sha256)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::filesystem::path disk_file_store::locate(std::string const& sha256) const {
    if (!valid_sha256(sha256)) return root_ / "invalid" / "none";
    return root_ / sha256.substr(0, 2) / sha256.substr(2);
}

domain::result<domain::file_digest> disk_file_store::digest(std::filesystem::path const& path) {
    descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) return upload_failed("cannot open the upload: " + errno_text());
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    domain::file_digest out;
    std::array<unsigned char, 64 * 1024> buf;
    for (;;) {
        ssize_t n = ::read(fd.get(), buf.data(), buf.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return upload_failed("cannot read the upload: " + errno_text());
        if (n == 0) break;
        auto got = static_cast<std::size_t>(n);
        if (out.head.size() < 64)
            out.head.append(reinterpret_cast<char const*>(buf.data()),
                            std::min(got, 64 - out.head.size()));
        crypto_hash_sha256_update(&state, buf.data(), got);
        out.size += got;
    }
    std::array<unsigned char, crypto_hash_sha256_BYTES> hash;
    crypto_hash_sha256_final(&state, hash.data());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex;
    sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
    out.sha256.assign(hex.data(), crypto_hash_sha256_BYTES * 2);
    return out;
}

domain::status disk_file_store::keep(std::filesystem::path const& path, std::string const& sha256) {
    if (!valid_sha256(sha256)) return upload_failed("not a SHA-256 digest: " + sha256);
    std::filesystem::path target = locate(sha256);
    std::error_code ec;
    if (std::filesystem::exists(target, ec)) {
        std::filesystem::remove(path, ec);
        return {};
    }
    std::filesystem::create_directories(target.parent_path(), ec);
    if (ec)
        return upload_failed("cannot create " + target.parent_path().string() + ": " +
                             ec.message());
    if (!sync_path(path, O_RDONLY)) return upload_failed("cannot sync the upload: " + errno_text());
    std::filesystem::rename(path, target, ec);
    if (ec == std::errc::cross_device_link) {
        // Not on the data directory's file system: copy next to the target, then rename.
        std::filesystem::path partial = target;
        partial += ".partial";
        std::filesystem::copy_file(path, partial, std::filesystem::copy_options::overwrite_existing,
                                   ec);
        if (!ec && !sync_path(partial, O_RDONLY))
            ec = std::error_code(errno, std::generic_category());
        if (!ec) std::filesystem::rename(partial, target, ec);
        std::error_code ignored;
        if (ec) std::filesystem::remove(partial, ignored);
        if (!ec) std::filesystem::remove(path, ignored);
    }
    if (ec) return upload_failed("cannot store the upload: " + ec.message());
    if (!sync_path(target.parent_path(), O_RDONLY | O_DIRECTORY))
        return upload_failed("cannot sync " + target.parent_path().string() + ": " + errno_text());
    return {};
}

bool disk_file_store::contains(std::string const& sha256) {
    std::error_code ec;
    return valid_sha256(sha256) && std::filesystem::is_regular_file(locate(sha256), ec);
}

domain::status disk_file_store::remove(std::string const& sha256) {
    if (!valid_sha256(sha256)) return {};
    std::error_code ec;
    std::filesystem::remove(locate(sha256), ec);
    if (ec)
        return domain::make_error(domain::error_kind::internal, "storage_error",
                                  "cannot remove a stored file: " + ec.message());
    return {};
}

}  // namespace bimtek::storage
