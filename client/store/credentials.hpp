// The token the client got from login/join, with the server it belongs to, in one JSON file
// readable only by its owner (mode 0600, written atomically: a temporary file renamed over it).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "client/result.hpp"

namespace bimtek::client::store {

struct credentials {
    std::string server;  // "http://HOST:PORT"
    std::string token;
    std::string role;  // "coordinator", "speaker", "participant"
    std::string name;  // who logged in: display name
    std::string expires_at;
};

// nullopt when the file does not exist or cannot be read as credentials.
std::optional<credentials> load_credentials(std::filesystem::path const& file);
status save_credentials(std::filesystem::path const& file, credentials const& c);
status remove_credentials(std::filesystem::path const& file);

}  // namespace bimtek::client::store
