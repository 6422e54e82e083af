// Where the client keeps its files, following the XDG base directories:
//   token + server:  $XDG_CONFIG_HOME/bimtek/credentials.json   (default ~/.config/bimtek/)
//   kiosk queue:     $XDG_DATA_HOME/bimtek/checkin-queue.db       (default ~/.local/share/bimtek/)
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace bimtek::client::store {

// The environment variables the client reads (BIMTEK_*, XDG_*, HOME), captured once in main so
// the rest of the client (and its tests) never touch the process environment.
using environment = std::map<std::string, std::string>;

std::filesystem::path config_dir(environment const& env);
std::filesystem::path data_dir(environment const& env);
std::filesystem::path credentials_file(environment const& env);
std::filesystem::path default_queue_file(environment const& env);

// Creates "dir" and its parents; new directories get mode 0700. False on failure.
bool make_private_dirs(std::filesystem::path const& dir);

}  // namespace bimtek::client::store
