#include "server/app/add_user.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "server/domain/account_service.hpp"
#include "server/domain/notifier.hpp"
#include "server/security/sodium_crypto.hpp"
#include "server/storage/sqlite_store.hpp"

namespace bimtek::app {
namespace {

// One line from standard input; when it is a terminal, prompts and turns echo off meanwhile.
std::optional<std::string> read_secret(char const* prompt) {
    bool tty = ::isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        std::cerr << prompt << std::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    bool got = static_cast<bool>(std::getline(std::cin, line));
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::cerr << "\n";
    }
    if (!got) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace

int run_add_user(add_user_options const& o) {
    auto role = domain::parse_role(o.role);
    if (!role || *role == domain::role::participant) {
        std::cerr << "bimtek-server add-user: --role must be coordinator or speaker\n";
        return 1;
    }
    std::error_code ec;
    std::filesystem::create_directories(o.data_dir, ec);
    if (ec) {
        std::cerr << "bimtek-server add-user: cannot create " << o.data_dir << ": " << ec.message() << "\n";
        return 1;
    }
    auto password = read_secret("Password: ");
    if (!password) {
        std::cerr << "bimtek-server add-user: no password given on standard input\n";
        return 1;
    }
    if (::isatty(STDIN_FILENO)) {
        auto again = read_secret("Password (again): ");
        if (!again || *again != *password) {
            std::cerr << "bimtek-server add-user: the passwords differ\n";
            return 1;
        }
    }

    domain::null_notifier notifier;
    auto store = storage::sqlite_store::open((o.data_dir / "bimtek.db").string(), notifier);
    if (!store) {
        std::cerr << "bimtek-server add-user: " << store.error().message << "\n";
        return 1;
    }
    security::sodium_crypto crypto;
    domain::system_clock clock;
    domain::account_service accounts(**store, crypto, clock);
    auto user = accounts.create_account({o.username, o.display_name, *password, *role});
    if (!user) {
        std::cerr << "bimtek-server add-user: " << user.error().message;
        for (auto const& p : user.error().problems) std::cerr << " (" << p.field << ": " << p.message << ")";
        std::cerr << "\n";
        return 1;
    }
    std::cout << "created " << domain::to_string(user->role) << " '" << user->username << "' (id " << user->id << ")\n";
    return 0;
}

}  // namespace bimtek::app
