// Arranging tests: records written straight through any domain::store (the fake, or the SQLite
// store in storage tests), bypassing the services' rules. Each throws std::runtime_error when
// the write fails, so a broken arrangement stops the test at once.
#pragma once

#include <optional>
#include <string>

#include "server/domain/principal.hpp"
#include "server/domain/store.hpp"

namespace bimtek::test {

// A staff account whose password hash is "fake$" + password (what fake_crypto verifies).
domain::staff_user seed_user(domain::store& s, std::string const& username, domain::role r,
                             std::string const& password = "password1");

// An event in Asia/Jakarta from "starts_at" to "ends_at".
domain::event seed_event(domain::store& s, std::string const& title, timestamp starts_at,
                         timestamp ends_at, int onsite_capacity = 0);

void seed_member(domain::store& s, domain::event_id event, domain::user_id user, domain::role r);

domain::participant seed_participant(
    domain::store& s, domain::event_id event, std::string const& name, domain::attendance_mode mode,
    std::string const& access_code,
    domain::participant_category category = domain::participant_category::kpm_pkh_graduasi,
    std::string const& region = "Jakarta Timur");

domain::session seed_session(domain::store& s, domain::event_id event, std::string const& title,
                             timestamp planned_start, timestamp planned_end,
                             std::optional<domain::user_id> speaker = std::nullopt);

// Who a token of this account or participant stands for (as auth_service::authenticate builds).
domain::principal principal_of(domain::staff_user const& u);
domain::principal principal_of(domain::participant const& p);

}  // namespace bimtek::test
