#include "server/domain/present_counts.hpp"

namespace bimtek::domain {

present_counts count_present(repositories& r, event_id event) {
    return present_counts{r.checkins.count_open(event), r.presence.count_online_present(event)};
}

}  // namespace bimtek::domain
