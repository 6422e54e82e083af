#include "client/app/kiosk.hpp"

#include <boost/json.hpp>

#include "shared/text/utf8.hpp"
#include "shared/time/iso8601.hpp"

namespace bimtek::client::app {
namespace json = boost::json;

namespace {

std::string str(json::object const& o, char const* key) {
    auto const* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

bool flag(json::object const& o, char const* key) {
    auto const* v = o.if_contains(key);
    return v && v->is_bool() && v->as_bool();
}

time_zone jakarta() {
    return time_zone::load("Asia/Jakarta")
        .value_or(time_zone::fixed("Asia/Jakarta", std::chrono::hours(7), "WIB"));
}

// A final answer: the scan leaves the queue.
bool is_final(api::api_reply const& r) {
    return r.ok() || r.what == api::outcome::rejected;
}

}  // namespace

kiosk::kiosk(store::checkin_queue& queue, api::api_client& api, kiosk_display& display,
             kiosk_options o, std::function<timestamp()> now)
    : queue_(queue),
      api_(api),
      display_(display),
      options_(o),
      now_(std::move(now)),
      tz_(jakarta()) {}

std::optional<api::api_reply> kiosk::resolve_event(send_report& report) {
    if (resolved_) return std::nullopt;
    auto r = api_.get("/api/v1/events");
    if (!r.ok()) return r;
    auto const* o = r.body.if_object();
    auto const* list = o ? o->if_contains("events") : nullptr;
    if (list && list->is_array()) {
        for (auto const& e : list->as_array()) {
            if (!e.is_object()) continue;
            auto const* id = e.as_object().if_contains("id");
            if (!id || !id->is_int64()) continue;
            if (options_.event_id && id->as_int64() != *options_.event_id) continue;
            event_id_ = id->as_int64();
            if (auto tz = time_zone::load(str(e.as_object(), "timezone"))) tz_ = *tz;
            break;
        }
    }
    if (!event_id_) event_id_ = options_.event_id;
    if (!event_id_) {
        report.no_event = true;
        r.what = api::outcome::rejected;
        r.code = "no_event";
        return r;
    }
    resolved_ = true;
    return std::nullopt;
}

result<send_report> kiosk::scan(std::string const& raw) {
    std::string code(text::trim(raw));
    if (code.empty()) return send_report{};
    auto added = queue_.add(code, options_.event_id, now_());
    if (!added) return failure{added.error()};
    return send(added->id);
}

result<send_report> kiosk::send_pending() {
    return send({});
}

result<send_report> kiosk::send(std::string const& fresh_id) {
    send_report report;
    for (;;) {
        auto next = queue_.oldest_pending();
        if (!next) return failure{next.error()};
        if (!*next) return report;
        auto const& s = **next;

        if (auto failed = resolve_event(report)) {
            report.blocked = std::move(failed);
            break;
        }
        auto event = s.event_id.value_or(*event_id_);
        auto r = api_.post("/api/v1/events/" + std::to_string(event) + "/checkins",
                           json::object{{"code", s.code}});
        if (!is_final(r)) {
            report.blocked = std::move(r);
            break;
        }

        ui::kiosk_result shown;
        shown.code = s.code;
        shown.from_queue = s.id != fresh_id;
        shown.scanned_time = tz_.format_time(s.scanned_at);
        std::string outcome;
        if (r.ok() && r.body.is_object()) {
            auto const& b = r.body.as_object();
            bool fresh = r.status == 201;
            shown.what =
                fresh ? ui::kiosk_result::kind::checked_in : ui::kiosk_result::kind::already;
            if (auto const* p = b.if_contains("participant"); p && p->is_object())
                shown.name = str(p->as_object(), "name");
            if (auto t = parse_iso8601(str(b, "checked_in_at"))) shown.time = tz_.format_time(*t);
            shown.mode_mismatch = flag(b, "mode_mismatch");
            shown.over_capacity = flag(b, "over_capacity");
            if (auto const* n = b.if_contains("onsite_present"); n && n->is_int64())
                shown.onsite_present = static_cast<int>(n->as_int64());
            outcome = fresh ? "checked_in" : "already_checked_in";
        } else if (r.status == 404 && r.code == "unknown_code") {
            shown.what = ui::kiosk_result::kind::unknown;
            outcome = "unknown_code";
        } else {
            shown.what = ui::kiosk_result::kind::rejected;
            shown.reason = r.message.empty() ? r.code : r.message;
            outcome = "rejected:" + r.code;
        }
        if (auto done = queue_.mark_done(s.id, outcome, now_()); !done)
            return failure{done.error()};
        ++report.sent;
        auto left = queue_.pending_count();
        shown.waiting = left ? *left : 0;
        display_.show(shown);
    }

    // Could not send now: say so for the scan just made, if it is among those waiting.
    if (!fresh_id.empty()) {
        auto outcome = queue_.outcome_of(fresh_id);
        if (outcome && outcome->empty()) {
            ui::kiosk_result queued;
            queued.what = ui::kiosk_result::kind::queued;
            auto pending = queue_.pending();
            if (pending)
                for (auto const& p : *pending)
                    if (p.id == fresh_id) queued.code = p.code;
            auto left = queue_.pending_count();
            queued.waiting = left ? *left : 0;
            display_.show(queued);
        }
    }
    return report;
}

}  // namespace bimtek::client::app
