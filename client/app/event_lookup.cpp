#include "client/app/event_lookup.hpp"

#include <boost/json.hpp>

namespace bimtek::client::app {
namespace json = boost::json;

namespace {

event_info info_of(json::object const& e) {
    event_info out;
    if (auto const* id = e.if_contains("id"); id && id->is_int64()) out.id = id->as_int64();
    if (auto const* t = e.if_contains("title"); t && t->is_string()) out.title = t->as_string();
    if (auto const* z = e.if_contains("timezone"); z && z->is_string())
        out.timezone = z->as_string();
    return out;
}

api::api_reply bad_reply(api::api_reply r) {
    r.what = api::outcome::server_error;
    return r;
}

}  // namespace

std::variant<event_info, api::api_reply> find_event(command_context& ctx,
                                                    std::optional<std::int64_t> wanted) {
    auto r = ctx.api().get("/api/v1/events");
    if (!r.ok()) return r;
    auto const* o = r.body.if_object();
    auto const* list = o ? o->if_contains("events") : nullptr;
    if (!list || !list->is_array()) return bad_reply(r);
    for (auto const& e : list->as_array()) {
        if (!e.is_object()) continue;
        auto info = info_of(e.as_object());
        if (!wanted || info.id == *wanted) return info;
    }
    if (wanted) {  // not listed (e.g. not on its staff): let the server say so on use
        event_info info;
        info.id = *wanted;
        return info;
    }
    r.body = nullptr;
    return r;  // ok, but no event
}

std::variant<json::object, api::api_reply> load_event(command_context& ctx, std::int64_t event_id) {
    auto r = ctx.api().get("/api/v1/events/" + std::to_string(event_id));
    if (!r.ok()) return r;
    if (!r.body.is_object()) return bad_reply(r);
    return r.body.as_object();
}

std::variant<std::int64_t, api::api_reply> find_session(command_context& ctx,
                                                        std::optional<std::int64_t> wanted,
                                                        std::optional<std::int64_t> event) {
    if (wanted) return *wanted;
    auto ev = find_event(ctx, event);
    if (auto* r = std::get_if<api::api_reply>(&ev)) return *r;
    auto loaded = load_event(ctx, std::get<event_info>(ev).id);
    if (auto* r = std::get_if<api::api_reply>(&loaded)) return *r;
    auto const& e = std::get<json::object>(loaded);
    std::int64_t best = 0;
    if (auto const* s = e.if_contains("sessions"); s && s->is_array()) {
        for (auto const& x : s->as_array()) {
            if (!x.is_object()) continue;
            auto const* status = x.as_object().if_contains("status");
            auto const* id = x.as_object().if_contains("id");
            if (status && status->is_string() && status->as_string() == "live" && id &&
                id->is_int64())
                best = id->as_int64();
        }
    }
    return best;
}

}  // namespace bimtek::client::app
