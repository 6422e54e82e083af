// Which event and which session a command is about: --event / --session when given, else the
// account's most recent event (GET /api/v1/events) and its running session.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include <boost/json/object.hpp>

#include "client/api/api_client.hpp"
#include "client/app/command_context.hpp"

namespace bimtek::client::app {

struct event_info {
    std::int64_t id = 0;
    std::string title;
    std::string timezone = "Asia/Jakarta";
};

// The event, or the failed reply (printed by the caller with ctx.fail). A reply that is "ok"
// with no event means the account is on no event.
std::variant<event_info, api::api_reply> find_event(command_context& ctx,
                                                    std::optional<std::int64_t> wanted);

// GET /api/v1/events/{id}: the event with its sessions.
std::variant<boost::json::object, api::api_reply> load_event(command_context& ctx,
                                                             std::int64_t event_id);

// The id of --session, else the running session of the event; 0 when none is running.
std::variant<std::int64_t, api::api_reply> find_session(command_context& ctx,
                                                        std::optional<std::int64_t> wanted,
                                                        std::optional<std::int64_t> event);

}  // namespace bimtek::client::app
