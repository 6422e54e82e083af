// A person on an event's roster: on site or online, with an access code to join.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/domain/event.hpp"
#include "server/domain/ids.hpp"
#include "shared/time/timestamp.hpp"

namespace bimtek::domain {

enum class attendance_mode { onsite, online };

// The roles of the people a bimtek gathers (from the ministry's own words).
enum class participant_category {
    kpm_pkh_graduasi,  // a family graduating from the PKH cash-transfer programme
    koordinator_pkh,
    koordinator_tksk,
    pendamping,        // a field companion
    lainnya,           // other
};

std::string_view to_string(attendance_mode m);
std::optional<attendance_mode> parse_mode(std::string_view s);  // also "luring"/"daring", ...
std::string_view to_string(participant_category c);             // "kpm_pkh_graduasi", ...
std::string_view label(participant_category c);                 // "KPM PKH Graduasi", ...
std::optional<participant_category> parse_category(std::string_view s);  // key or label

struct participant {
    participant_id id = 0;
    event_id event = 0;
    std::string name;
    participant_category category = participant_category::kpm_pkh_graduasi;
    std::string region;
    std::optional<std::string> phone;
    std::optional<std::string> business_name;
    attendance_mode mode = attendance_mode::online;
    std::string access_code;  // see access_code.hpp
    timestamp created_at{};
};

class participant_repository {
public:
    virtual ~participant_repository() = default;
    virtual participant_id insert(participant const& p) = 0;
    virtual void update(participant const& p) = 0;
    virtual std::optional<participant> find(participant_id id) = 0;
    // Codes are unique across the whole installation, so a code alone finds its event.
    virtual std::optional<participant> find_by_code(std::string const& code) = 0;
    virtual bool code_exists(std::string const& code) = 0;
    // Ordered by name, then id.
    virtual std::vector<participant> list_by_event(event_id event) = 0;
    virtual mode_counts count_by_mode(event_id event) = 0;
};

}  // namespace bimtek::domain
