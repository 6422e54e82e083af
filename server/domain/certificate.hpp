// A certificate of completion: issued (with a random verification code) the first time it is
// asked for, for a participant who completed the event; a coordinator may revoke it. Anyone
// may check a code (GET /api/v1/verify/{code}).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/domain/ids.hpp"
#include "shared/time/timestamp.hpp"

namespace bimtek::domain {

using certificate_id = std::int64_t;

struct certificate {
    certificate_id id = 0;
    std::string code;  // see certificate_code.hpp; unique across the installation
    event_id event = 0;
    participant_id participant = 0;
    timestamp issued_at{};
    std::optional<timestamp> revoked_at;
    std::optional<user_id> revoked_by;
    std::string revoke_reason;

    bool revoked() const { return revoked_at.has_value(); }
};

class certificate_repository {
public:
    virtual ~certificate_repository() = default;
    // Codes and participants are unique: a second certificate for either is a storage failure.
    virtual certificate_id insert(certificate const& c) = 0;
    // Stores the revocation fields.
    virtual void update(certificate const& c) = 0;
    virtual std::optional<certificate> find_by_code(std::string const& code) = 0;
    virtual std::optional<certificate> find_by_participant(participant_id participant) = 0;
    // Ordered by id.
    virtual std::vector<certificate> list_by_event(event_id event) = 0;
};

}  // namespace bimtek::domain
