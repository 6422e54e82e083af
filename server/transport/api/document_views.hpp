// How domain records look in the documents bimtek hands out (certificates, badge sheets,
// attendance lists): the plain structs of server/documents filled from the domain's results,
// with dates and times in the event's zone and texts in Indonesian. Pure functions; use from any
// thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "server/documents/attendance_sheet.hpp"
#include "server/documents/badge_sheet_pdf.hpp"
#include "server/documents/certificate_pdf.hpp"
#include "server/domain/certificate_service.hpp"
#include "server/domain/completion_service.hpp"
#include "server/domain/event.hpp"
#include "server/domain/participant.hpp"
#include "server/transport/http/message.hpp"
#include "shared/time/time_zone.hpp"

namespace bimtek::transport {

// "http://HOST" from the request's Host header, for the links printed in documents (QR codes
// of verification and invitation URLs); "http://localhost" when the header is missing or holds
// anything but a host name or address and a port.
std::string public_base_url(api_request const& req);

// The event's zone; UTC (named so) when it cannot be loaded.
time_zone zone_of(domain::event const& e);

// "26 November 2026", or "26 November 2026 – 27 November 2026" when the event spans days.
std::string event_dates(domain::event const& e, time_zone const& zone);

// Whole minutes as "6 jam 30 menit", "45 menit", "2 jam".
std::string hours_text(double minutes);

documents::certificate_page certificate_page_for(domain::issued_certificate const& c,
                                                 std::string const& base_url);

// The event's attendance list; with "only", that session's column alone (its minutes are the
// total). "only" must be one of the report's sessions.
documents::attendance_sheet attendance_sheet_for(domain::completion_report const& report,
                                                 std::optional<domain::session_id> only);

// Badges for the roster: on-site participants first, then online ones, each by name.
documents::badge_sheet badge_sheet_for(domain::event const& e,
                                       std::vector<domain::participant> const& roster,
                                       std::string const& base_url);

// "completed" → "Selesai", "in_progress" → "Berlangsung", "not_completed" → "Tidak selesai".
std::string status_label(domain::completion_status s);

}  // namespace bimtek::transport
