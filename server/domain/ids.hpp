// Identifiers of bimtek's records: database row ids, positive, never reused.
#pragma once

#include <cstdint>

namespace bimtek::domain {

using event_id = std::int64_t;
using session_id = std::int64_t;
using user_id = std::int64_t;         // a staff account: coordinator or speaker
using participant_id = std::int64_t;  // a person on an event's roster
using checkin_id = std::int64_t;
using question_id = std::int64_t;

}  // namespace bimtek::domain
