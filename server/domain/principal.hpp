// Who is calling: the identity a bearer token stands for. Every domain service takes one and
// checks role and event membership itself (see access.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "server/domain/ids.hpp"

namespace bimtek::domain {

enum class role { coordinator, speaker, participant };

std::string_view to_string(role r);
std::optional<role> parse_role(std::string_view s);

struct principal {
    domain::role role = role::participant;
    // The staff account's id for coordinators and speakers; the participant's id otherwise.
    std::int64_t subject = 0;
    // A participant belongs to exactly one event; staff belong to events through membership.
    std::optional<event_id> event;
    std::string display_name;

    bool is_staff() const { return role != role::participant; }
    bool is_participant() const { return role == role::participant; }
};

}  // namespace bimtek::domain
