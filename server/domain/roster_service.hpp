// The roster: participants of an event, imported from a spreadsheet (CSV) or added one by one.
// Personal data (phone, business) is for the event's coordinators and the participant only.
// Thread-safe (stateless over the store).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "server/domain/clock.hpp"
#include "server/domain/crypto.hpp"
#include "server/domain/participant.hpp"
#include "server/domain/principal.hpp"
#include "server/domain/result.hpp"
#include "server/domain/store.hpp"

namespace bimtek::domain {

// A participant's fields as given; every one is text as typed (the import and the API share
// one validation). On add, name, category, region and mode are required.
struct participant_fields {
    std::optional<std::string> name;
    std::optional<std::string> category;  // key ("kpm_pkh_graduasi") or label ("KPM PKH Graduasi")
    std::optional<std::string> region;
    std::optional<std::string> phone;
    std::optional<std::string> business_name;
    std::optional<std::string> mode;  // "onsite"/"online" (also "luring"/"daring")
};

struct roster_import {
    std::vector<participant> imported;  // with their new access codes
};

inline constexpr std::size_t max_roster_rows = 20000;

// Errors: 403 "forbidden" (not a coordinator of the event), 404 "event_not_found" /
// "participant_not_found", 422 "invalid_field" (add/update: one problem per bad field).
class roster_service {
public:
    // "s", "c" and "k" must outlive the service.
    roster_service(store& s, crypto& c, clock const& k);

    // Coordinators of the event. Validates every row first. When any row is bad, imports
    // nothing and returns a 422 "invalid_roster" whose problems list every bad line with its
    // reason; 422 "empty_roster" without data rows, "too_many_rows" above max_roster_rows.
    // Otherwise imports all rows in one transaction, each with a fresh access code. Header
    // names may be English or Indonesian (see roster_csv.hpp); the column order is free.
    result<roster_import> import_csv(principal const& by, event_id event, std::string_view csv);
    result<participant> add_participant(principal const& by, event_id event,
                                        participant_fields const& f);
    result<participant> update_participant(principal const& by, participant_id id,
                                           participant_fields const& f);
    // A new access code (the old one stops working).
    result<participant> reissue_code(principal const& by, participant_id id);
    // Coordinators of the event.
    result<std::vector<participant>> list_participants(principal const& by, event_id event);
    // The participant itself, or a coordinator of its event.
    result<participant> get_participant(principal const& by, participant_id id);

private:
    // Inside a write: a code no participant has, and not in "batch" (codes handed out in this
    // transaction but maybe not inserted yet).
    result<std::string> unique_code(repositories& r, std::set<std::string> const& batch = {});

    store& store_;
    crypto& crypto_;
    clock const& clock_;
};

}  // namespace bimtek::domain
