#include "client/store/paths.hpp"

#include <sys/stat.h>

namespace bimtek::client::store {
namespace fs = std::filesystem;

namespace {

fs::path base(environment const& env, char const* xdg, char const* fallback) {
    if (auto it = env.find(xdg);
        it != env.end() && !it->second.empty() && it->second.front() == '/')
        return it->second;
    auto home = env.find("HOME");
    fs::path h =
        home != env.end() && !home->second.empty() ? fs::path(home->second) : fs::path(".");
    return h / fallback;
}

}  // namespace

fs::path config_dir(environment const& env) {
    return base(env, "XDG_CONFIG_HOME", ".config") / "bimtek";
}
fs::path data_dir(environment const& env) {
    return base(env, "XDG_DATA_HOME", ".local/share") / "bimtek";
}
fs::path credentials_file(environment const& env) {
    return config_dir(env) / "credentials.json";
}
fs::path default_queue_file(environment const& env) {
    return data_dir(env) / "checkin-queue.db";
}

bool make_private_dirs(fs::path const& dir) {
    if (dir.empty()) return true;
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return true;
    if (!make_private_dirs(dir.parent_path())) return false;
    if (::mkdir(dir.c_str(), 0700) == 0) return true;
    return fs::is_directory(dir, ec);
}

}  // namespace bimtek::client::store
