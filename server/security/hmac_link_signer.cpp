#include "server/security/hmac_link_signer.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <system_error>

namespace bimtek::security {
namespace {

domain::error unusable(std::filesystem::path const& path, std::string const& why) {
    return domain::make_error(domain::error_kind::internal, "link_key_unusable",
                              "the download link key " + path.string() + " is unusable: " + why);
}

}  // namespace

domain::result<link_key> load_link_key(std::filesystem::path const& path) {
    if (sodium_init() < 0) return unusable(path, "libsodium could not be initialized");
    link_key key{};
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        std::uint8_t extra = 0;
        ssize_t n = ::read(fd, key.data(), key.size());
        ssize_t more = n == static_cast<ssize_t>(key.size()) ? ::read(fd, &extra, 1) : 0;
        ::close(fd);
        if (n != static_cast<ssize_t>(key.size()) || more != 0)
            return unusable(path, "it does not hold exactly 32 bytes");
        return key;
    }
    if (errno != ENOENT) return unusable(path, std::strerror(errno));

    randombytes_buf(key.data(), key.size());
    std::filesystem::path partial = path;
    partial += ".partial";
    fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return unusable(path, std::strerror(errno));
    bool written =
        ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
    ::close(fd);
    std::error_code ec;
    if (written) std::filesystem::rename(partial, path, ec);
    if (!written || ec) {
        std::filesystem::remove(partial, ec);
        return unusable(path, "it could not be written");
    }
    return key;
}

hmac_link_signer::hmac_link_signer(link_key const& key) : key_(key) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialized");
}

std::string hmac_link_signer::sign(std::string_view message) {
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac;
    crypto_auth_hmacsha256(mac.data(), reinterpret_cast<unsigned char const*>(message.data()),
                           message.size(), key_.data());
    std::array<char, crypto_auth_hmacsha256_BYTES * 2 + 1> hex;
    sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
    return std::string(hex.data(), mac.size() * 2);
}

bool hmac_link_signer::verify(std::string_view message, std::string_view signature) {
    std::string expected = sign(message);
    if (signature.size() != expected.size()) return false;
    return sodium_memcmp(expected.data(), signature.data(), expected.size()) == 0;
}

}  // namespace bimtek::security
