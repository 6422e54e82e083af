#include "client/store/credentials.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <boost/json.hpp>

#include "client/store/paths.hpp"

namespace bimtek::client::store {
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

std::string field(json::object const& o, char const* key) {
    auto const* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

failure os_failure(std::string const& what, fs::path const& p) {
    return failure{what + " " + p.string() + ": " + std::strerror(errno)};
}

}  // namespace

std::optional<credentials> load_credentials(fs::path const& file) {
    std::ifstream in(file);
    if (!in) return std::nullopt;
    std::stringstream ss;
    ss << in.rdbuf();
    boost::system::error_code ec;
    json::value v = json::parse(ss.str(), ec);
    if (ec || !v.is_object()) return std::nullopt;
    auto const& o = v.as_object();
    credentials c{field(o, "server"), field(o, "token"), field(o, "role"), field(o, "name"),
                  field(o, "expires_at")};
    if (c.token.empty()) return std::nullopt;
    return c;
}

status save_credentials(fs::path const& file, credentials const& c) {
    if (!make_private_dirs(file.parent_path()))
        return os_failure("cannot create", file.parent_path());
    std::string text = json::serialize(json::object{{"server", c.server},
                                                    {"token", c.token},
                                                    {"role", c.role},
                                                    {"name", c.name},
                                                    {"expires_at", c.expires_at}}) +
                       "\n";
    fs::path tmp = file;
    tmp += ".tmp";
    ::unlink(tmp.c_str());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return os_failure("cannot write", tmp);
    ::fchmod(fd, 0600);  // whatever the umask
    std::size_t done = 0;
    while (done < text.size()) {
        auto n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            auto f = os_failure("cannot write", tmp);
            ::close(fd);
            ::unlink(tmp.c_str());
            return f;
        }
        done += static_cast<std::size_t>(n);
    }
    ::fsync(fd);
    ::close(fd);
    if (::rename(tmp.c_str(), file.c_str()) != 0) {
        auto f = os_failure("cannot write", file);
        ::unlink(tmp.c_str());
        return f;
    }
    return ok{};
}

status remove_credentials(fs::path const& file) {
    if (::unlink(file.c_str()) != 0 && errno != ENOENT) return os_failure("cannot remove", file);
    return ok{};
}

}  // namespace bimtek::client::store
