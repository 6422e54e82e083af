#include "server/transport/api/document_views.hpp"

#include <algorithm>
#include <cmath>

namespace bimtek::transport {
namespace {

// Host names, IPv4 and bracketed IPv6 addresses, with an optional port.
bool plausible_host(std::string_view host) {
    if (host.empty() || host.size() > 255) return false;
    for (char c : host) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
        if (!ok) return false;
    }
    return true;
}

long whole_minutes(double minutes) {
    return static_cast<long>(std::floor(minutes + 1e-9));
}

std::string when(std::optional<timestamp> t, time_zone const& zone) {
    return t ? zone.format_datetime(*t) : std::string{};
}

}  // namespace

std::string public_base_url(api_request const& req) {
    return "http://" + (plausible_host(req.host) ? req.host : std::string("localhost"));
}

time_zone zone_of(domain::event const& e) {
    if (auto z = time_zone::load(e.timezone)) return *z;
    return time_zone::fixed("UTC", std::chrono::seconds{0}, "UTC");
}

std::string event_dates(domain::event const& e, time_zone const& zone) {
    std::string first = zone.format_date_long(e.starts_at);
    // The last day the event runs: an end at midnight belongs to the day before.
    std::string last = zone.format_date_long(e.ends_at - std::chrono::milliseconds{1});
    return first == last ? first : first + " \xE2\x80\x93 " + last;
}

std::string hours_text(double minutes) {
    long m = std::max(0L, whole_minutes(minutes));
    long h = m / 60;
    m %= 60;
    if (h == 0) return std::to_string(m) + " menit";
    if (m == 0) return std::to_string(h) + " jam";
    return std::to_string(h) + " jam " + std::to_string(m) + " menit";
}

std::string status_label(domain::completion_status s) {
    switch (s) {
        case domain::completion_status::completed:
            return "Selesai";
        case domain::completion_status::in_progress:
            return "Berlangsung";
        case domain::completion_status::not_completed:
            return "Tidak selesai";
    }
    return "";
}

documents::certificate_page certificate_page_for(domain::issued_certificate const& c,
                                                 std::string const& base_url) {
    time_zone zone = zone_of(c.details);
    documents::certificate_page p;
    p.participant_name = c.who.name;
    p.event_title = c.details.title;
    p.venue = c.details.venue;
    p.dates = event_dates(c.details, zone);
    p.hours = hours_text(c.completion.total_minutes);
    p.code = c.certificate.code;
    p.verify_url = base_url + "/verify/" + c.certificate.code;
    p.issued = "Diterbitkan " + zone.format_date_long(c.certificate.issued_at);
    return p;
}

documents::attendance_sheet attendance_sheet_for(domain::completion_report const& report,
                                                 std::optional<domain::session_id> only) {
    time_zone zone = zone_of(report.details);
    documents::attendance_sheet sheet;
    sheet.title = "Daftar Hadir \xE2\x80\x94 " + report.details.title;
    sheet.time_label = zone.abbreviation_at(report.details.starts_at);
    std::vector<std::size_t> columns;  // indexes into report.sessions
    for (std::size_t i = 0; i < report.sessions.size(); ++i) {
        if (only && report.sessions[i].id != *only) continue;
        columns.push_back(i);
        sheet.sessions.push_back(report.sessions[i].title);
    }
    if (only && !columns.empty())
        sheet.title += " \xE2\x80\x94 " + report.sessions[columns.front()].title;
    for (domain::completion_row const& row : report.rows) {
        documents::attendance_sheet_row out;
        out.name = row.who.name;
        out.category = std::string(domain::label(row.who.category));
        out.region = row.who.region;
        out.online = row.who.mode == domain::attendance_mode::online;
        out.mode = out.online ? "Daring" : "Luring";
        // The first arrival: at the door, or online when never at the door.
        out.checked_in = when(row.first_checkin ? row.first_checkin : row.first_online, zone);
        long total = 0;
        for (std::size_t i : columns) {
            long m = i < row.completion.sessions.size()
                         ? whole_minutes(row.completion.sessions[i].minutes)
                         : 0;
            out.minutes.push_back(m);
            total += m;
        }
        out.total_minutes = only ? total : whole_minutes(row.completion.total_minutes);
        out.completed = row.completion.status == domain::completion_status::completed;
        out.status = status_label(row.completion.status);
        sheet.rows.push_back(std::move(out));
    }
    return sheet;
}

documents::badge_sheet badge_sheet_for(domain::event const& e,
                                       std::vector<domain::participant> const& roster,
                                       std::string const& base_url) {
    documents::badge_sheet sheet;
    sheet.event_title = e.title;
    sheet.dates = event_dates(e, zone_of(e));
    std::vector<domain::participant const*> order;
    for (auto const& p : roster) order.push_back(&p);
    // The roster comes by name; keep that order within each mode.
    std::stable_sort(order.begin(), order.end(), [](auto const* a, auto const* b) {
        return a->mode == domain::attendance_mode::onsite &&
               b->mode == domain::attendance_mode::online;
    });
    for (auto const* p : order) {
        documents::badge b;
        b.name = p->name;
        b.detail = std::string(domain::label(p->category)) + " \xC2\xB7 " + p->region;
        b.access_code = p->access_code;
        b.online = p->mode == domain::attendance_mode::online;
        if (b.online) b.link = base_url + "/?code=" + p->access_code;
        sheet.badges.push_back(std::move(b));
    }
    return sheet;
}

}  // namespace bimtek::transport
