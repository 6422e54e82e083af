// Bearer tokens: random, stored only as a digest, and expiring.
#pragma once

#include <optional>
#include <string>

#include "server/domain/principal.hpp"
#include "shared/time/timestamp.hpp"

namespace bimtek::domain {

struct token_record {
    std::string digest;  // crypto::token_digest of the token
    domain::role role = role::participant;
    std::int64_t subject = 0;  // user_id for staff, participant_id for participants
    timestamp created_at{};
    timestamp expires_at{};
};

class token_repository {
public:
    virtual ~token_repository() = default;
    virtual void insert(token_record const& t) = 0;
    virtual std::optional<token_record> find(std::string const& digest) = 0;
    virtual void remove(std::string const& digest) = 0;
    virtual int remove_expired(timestamp now) = 0;
};

}  // namespace bimtek::domain
