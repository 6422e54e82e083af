// bimtek-server add-user: creates a staff account from the command line (the first coordinator
// of a fresh install). The password comes from a prompt without echo, or from the first line of
// standard input when that is not a terminal.
#pragma once

#include <filesystem>
#include <string>

namespace bimtek::app {

struct add_user_options {
    std::filesystem::path data_dir;
    std::string role;
    std::string username;
    std::string display_name;
};

// Returns the process exit code: 0 created, 1 refused or failed (a message on stderr).
int run_add_user(add_user_options const& o);

}  // namespace bimtek::app
