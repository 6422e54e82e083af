// bimtek attendance [--format csv|json] [--out FILE]: the record of GET
// /api/v1/events/{id}/attendance, as the server's JSON or as CSV with local times.
#include <fstream>
#include <ostream>

#include <boost/json.hpp>

#include "client/app/commands.hpp"
#include "client/app/event_lookup.hpp"
#include "client/cli/exit_codes.hpp"
#include "shared/text/csv.hpp"
#include "shared/time/iso8601.hpp"
#include "shared/time/time_zone.hpp"

namespace bimtek::client::app {
namespace json = boost::json;

namespace {

std::string text_of(json::object const& o, char const* key) {
    auto const* v = o.if_contains(key);
    if (!v || v->is_null()) return {};
    if (v->is_string()) return std::string(v->as_string());
    if (v->is_bool()) return v->as_bool() ? "1" : "0";
    return json::serialize(*v);
}

std::string local_time(time_zone const& tz, json::object const& o, char const* key) {
    auto s = text_of(o, key);
    auto t = parse_iso8601(s);
    return t ? tz.format_datetime(*t) : s;
}

// One row per participant: who, check-in, and minutes per session (one column per session).
std::string to_csv(json::object const& a) {
    auto tz = time_zone::load(text_of(a, "timezone"))
                  .value_or(time_zone::fixed("Asia/Jakarta", std::chrono::hours(7), "WIB"));
    std::vector<std::int64_t> session_ids;
    std::vector<std::string> header{"id",         "name",       "category",      "region",
                                    "mode",       "checked_in", "checked_in_at", "checked_out_at",
                                    "present_now"};
    if (auto const* ss = a.if_contains("sessions"); ss && ss->is_array()) {
        for (auto const& s : ss->as_array()) {
            if (!s.is_object()) continue;
            auto const* id = s.as_object().if_contains("id");
            session_ids.push_back(id && id->is_int64() ? id->as_int64() : 0);
            header.push_back("minutes_session_" + std::to_string(session_ids.back()) + " " +
                             text_of(s.as_object(), "title"));
        }
    }
    std::string out;
    text::write_csv_record(out, header);
    auto const* ps = a.if_contains("participants");
    if (!ps || !ps->is_array()) return out;
    for (auto const& p : ps->as_array()) {
        if (!p.is_object()) continue;
        auto const& o = p.as_object();
        std::vector<std::string> row{text_of(o, "id"),
                                     text_of(o, "name"),
                                     text_of(o, "category"),
                                     text_of(o, "region"),
                                     text_of(o, "mode"),
                                     text_of(o, "checked_in"),
                                     local_time(tz, o, "checked_in_at"),
                                     local_time(tz, o, "checked_out_at"),
                                     text_of(o, "present_now")};
        for (auto id : session_ids) {
            std::string minutes = "0";
            if (auto const* ss = o.if_contains("sessions"); ss && ss->is_array())
                for (auto const& s : ss->as_array())
                    if (s.is_object() && text_of(s.as_object(), "session_id") == std::to_string(id))
                        minutes = text_of(s.as_object(), "minutes");
            row.push_back(minutes);
        }
        text::write_csv_record(out, row);
    }
    return out;
}

}  // namespace

int run_attendance(command_context& ctx) {
    if (!ctx.has_token()) return ctx.no_token();
    auto ev = find_event(ctx, ctx.cmd().event_id);
    if (auto* r = std::get_if<api::api_reply>(&ev)) {
        if (r->ok()) {
            ctx.err() << ctx.say(ui::msg::err_no_event) << "\n";
            return cli::exit_failed;
        }
        return ctx.fail(*r);
    }
    auto r = ctx.api().get("/api/v1/events/" + std::to_string(std::get<event_info>(ev).id) +
                           "/attendance");
    if (!r.ok()) return ctx.fail(r);
    if (!r.body.is_object()) {
        ctx.err() << ctx.say(ui::msg::err_bad_reply) << "\n";
        return cli::exit_failed;
    }
    std::string text =
        ctx.cmd().format == "json" ? json::serialize(r.body) + "\n" : to_csv(r.body.as_object());
    if (!ctx.cmd().out_file) {
        ctx.out() << text << std::flush;
        return ctx.out() ? cli::exit_ok : cli::exit_failed;
    }
    std::ofstream file(*ctx.cmd().out_file, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) {
        ctx.err() << ctx.say(ui::msg::err_write_file, {*ctx.cmd().out_file}) << "\n";
        return cli::exit_failed;
    }
    std::size_t count = 0;
    if (auto const* ps = r.body.as_object().if_contains("participants"); ps && ps->is_array())
        count = ps->as_array().size();
    ctx.out() << ctx.say(ui::msg::attendance_written, {std::to_string(count), *ctx.cmd().out_file})
              << "\n";
    return cli::exit_ok;
}

}  // namespace bimtek::client::app
