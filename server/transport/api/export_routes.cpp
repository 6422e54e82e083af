// Lists and sheets to print or hand in (coordinators): GET /api/v1/events/{id}/attendance.csv
// and attendance.xlsx (?session=ID for one session's list), GET /api/v1/events/{id}/badges.pdf.
#include <algorithm>

#include "server/documents/attendance_csv.hpp"
#include "server/documents/attendance_xlsx.hpp"
#include "server/documents/badge_sheet_pdf.hpp"
#include "server/transport/api/api_routes.hpp"
#include "server/transport/api/document_views.hpp"
#include "server/transport/api/file_download.hpp"
#include "server/transport/api/json_input.hpp"
#include "server/transport/api/reply.hpp"

namespace bimtek::transport {

namespace {

constexpr char const* xlsx_type =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

api_response file_response(std::string content_type, std::string bytes,
                           std::string const& filename) {
    api_response res;
    res.content_type = std::move(content_type);
    res.body = std::move(bytes);
    res.header("Content-Disposition", content_disposition(disposition::attachment, filename));
    res.header("X-Content-Type-Options", "nosniff");
    return res;
}

// The attendance sheet of the event (or of one session, ?session=ID) and the file name for it
// without its extension.
struct sheet_and_name {
    documents::attendance_sheet sheet;
    std::string name;
};

domain::result<sheet_and_name> attendance_sheet(api_services const& s, api_request const& req) {
    auto id = id_param(req.params[0], "event");
    if (!id) return id.error();
    std::optional<domain::session_id> only;
    if (auto text = req.query_param("session")) {
        auto sid = id_param(*text, "session");
        if (!sid) return sid.error();
        only = *sid;
    }
    auto report = s.completion.event_completion(caller(req), *id);
    if (!report) return report.error();
    if (only && std::none_of(report->sessions.begin(), report->sessions.end(),
                             [&](domain::session const& x) { return x.id == *only; }))
        return domain::make_error(domain::error_kind::not_found, "session_not_found",
                                  "no such session in this event");
    std::string name = "daftar-hadir-acara-" + std::to_string(*id);
    if (only) name += "-sesi-" + std::to_string(*only);
    return sheet_and_name{attendance_sheet_for(*report, only), std::move(name)};
}

}  // namespace

void add_export_routes(router& r, api_services const& s) {
    // Documents of a whole event take a while to render: off the I/O threads.
    constexpr route_options document{.where = run_on::worker};

    r.add(http_method::get, "/api/v1/events/{id}/attendance.csv", [s](api_request& req) {
        auto sheet = attendance_sheet(s, req);
        if (!sheet) return error_response(sheet.error());
        return file_response("text/csv; charset=utf-8",
                             documents::render_attendance_csv(sheet->sheet), sheet->name + ".csv");
    }, document);

    r.add(http_method::get, "/api/v1/events/{id}/attendance.xlsx", [s](api_request& req) {
        auto sheet = attendance_sheet(s, req);
        if (!sheet) return error_response(sheet.error());
        auto xlsx = documents::render_attendance_xlsx(sheet->sheet, s.scratch_dir);
        if (!xlsx) return error_response(xlsx.error());
        return file_response(xlsx_type, std::move(*xlsx), sheet->name + ".xlsx");
    }, document);

    r.add(http_method::get, "/api/v1/events/{id}/badges.pdf", [s](api_request& req) {
        auto id = id_param(req.params[0], "event");
        if (!id) return error_response(id.error());
        auto roster = s.roster.list_participants(caller(req), *id);  // coordinators only
        if (!roster) return error_response(roster.error());
        auto overview = s.events.get_event(caller(req), *id);
        if (!overview) return error_response(overview.error());
        auto pdf = documents::render_badge_sheet(
            badge_sheet_for(overview->details, *roster, public_base_url(req)));
        if (!pdf) return error_response(pdf.error());
        return file_response("application/pdf", std::move(*pdf),
                             "kartu-peserta-acara-" + std::to_string(*id) + ".pdf");
    }, document);
}

}  // namespace bimtek::transport
