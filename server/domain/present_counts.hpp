// How many people are following an event right now, as every live update's "counts" reports
// them: in the room (an open on-site visit) and online (an open presence interval and not in
// the room, so nobody counts twice). Use inside a store transaction.
#pragma once

#include "server/domain/ids.hpp"
#include "server/domain/store.hpp"

namespace bimtek::domain {

struct present_counts {
    int onsite_present = 0;
    int online_present = 0;
};

present_counts count_present(repositories& r, event_id event);

}  // namespace bimtek::domain
