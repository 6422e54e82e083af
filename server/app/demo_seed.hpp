// The demo event: "Bimtek Kewirausahaan Sosial KPM PKH Graduasi — DKI Jakarta", seeded through
// the same domain services the API uses, with its first session live from seed time.
#pragma once

#include <filesystem>

#include "server/domain/account_service.hpp"
#include "server/domain/clock.hpp"
#include "server/domain/crypto.hpp"
#include "server/domain/event_service.hpp"
#include "server/domain/result.hpp"
#include "server/domain/roster_service.hpp"
#include "server/domain/store.hpp"

namespace bimtek::app {

struct demo_services {
    domain::account_service& accounts;
    domain::event_service& events;
    domain::roster_service& roster;
    domain::store& store;
    domain::crypto& crypto;
};

// When the database holds no account yet: creates a coordinator and a speaker account, the
// event with four sessions (the first one started now), 50 on-site participants (PKH and TKSK
// coordinators, family representatives with a business) and "online_count" online ones, and
// writes "demo_json" (mode 0600: it holds the demo passwords). Returns false, writing
// nothing, when the database already has accounts.
domain::result<bool> seed_demo_if_empty(demo_services const& s, std::filesystem::path const& demo_json,
                                        int online_count, domain::clock const& clock);

}  // namespace bimtek::app
