// A staff account: a coordinator or a speaker, who logs in with a username and password.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "server/domain/ids.hpp"
#include "server/domain/principal.hpp"
#include "shared/time/timestamp.hpp"

namespace bimtek::domain {

struct staff_user {
    user_id id = 0;
    std::string username;  // lower case, unique
    std::string display_name;
    domain::role role = role::speaker;  // coordinator or speaker
    std::string password_hash;          // argon2id, never leaves the server
    timestamp created_at{};
};

class user_repository {
public:
    virtual ~user_repository() = default;
    virtual user_id insert(staff_user const& u) = 0;
    virtual void update(staff_user const& u) = 0;
    virtual std::optional<staff_user> find(user_id id) = 0;
    virtual std::optional<staff_user> find_by_username(std::string const& username) = 0;
    // All accounts, by username.
    virtual std::vector<staff_user> list() = 0;
};

}  // namespace bimtek::domain
