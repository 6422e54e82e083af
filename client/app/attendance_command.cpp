// bimtek attendance [--format csv|json] [--out FILE] [--event ID]: the attendance of an event.
// CSV is the server's own attendance list (GET /api/v1/events/{id}/attendance.csv, the same
// file the dashboard exports: BOM, CRLF, a totals row), byte for byte; JSON is the record of
// GET /api/v1/events/{id}/attendance as the server sent it.
#include <fstream>
#include <ostream>

#include <boost/json.hpp>

#include "client/app/commands.hpp"
#include "client/app/event_lookup.hpp"
#include "client/cli/exit_codes.hpp"

namespace bimtek::client::app {
namespace json = boost::json;

namespace {

// Writes "text" to standard output, or to the --out file (replacing it).
bool deliver(command_context& ctx, std::string const& text) {
    if (!ctx.cmd().out_file) {
        ctx.out() << text << std::flush;
        return static_cast<bool>(ctx.out());
    }
    std::ofstream file(*ctx.cmd().out_file, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) ctx.err() << ctx.say(ui::msg::err_write_file, {*ctx.cmd().out_file}) << "\n";
    return static_cast<bool>(file);
}

int attendance_list(command_context& ctx, std::int64_t event_id) {
    std::string csv;
    auto r = ctx.api().get_document(
        "/api/v1/events/" + std::to_string(event_id) + "/attendance.csv", "text/csv", csv);
    if (!r.ok()) return ctx.fail(r);
    if (!deliver(ctx, csv)) return cli::exit_failed;
    if (ctx.cmd().out_file)
        ctx.out() << ctx.say(ui::msg::attendance_list_written,
                             {std::to_string(event_id), *ctx.cmd().out_file})
                  << "\n";
    return cli::exit_ok;
}

int attendance_record(command_context& ctx, std::int64_t event_id) {
    auto r = ctx.api().get("/api/v1/events/" + std::to_string(event_id) + "/attendance");
    if (!r.ok()) return ctx.fail(r);
    auto const* record = r.body.if_object();
    if (!record) {
        ctx.err() << ctx.say(ui::msg::err_bad_reply) << "\n";
        return cli::exit_failed;
    }
    if (!deliver(ctx, json::serialize(r.body) + "\n")) return cli::exit_failed;
    if (ctx.cmd().out_file) {
        std::size_t count = 0;
        if (auto const* ps = record->if_contains("participants"); ps && ps->is_array())
            count = ps->as_array().size();
        ctx.out() << ctx.say(ui::msg::attendance_written,
                             {std::to_string(count), *ctx.cmd().out_file})
                  << "\n";
    }
    return cli::exit_ok;
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
    auto const event_id = std::get<event_info>(ev).id;
    return ctx.cmd().format == "json" ? attendance_record(ctx, event_id)
                                      : attendance_list(ctx, event_id);
}

}  // namespace bimtek::client::app
