// The printable badge sheet for the check-in desk: A4 portrait pages of 8 badges (2 x 4, with
// cut lines). An on-site participant's badge carries a QR code of its access code, which the
// desk scans; an online participant's carries its invitation link (/?code=...) as text and QR
// code. Pure function of its input; use from any thread.
#pragma once

#include <string>
#include <vector>

#include "server/documents/pdf_canvas.hpp"
#include "server/domain/result.hpp"

namespace bimtek::documents {

struct badge {
    std::string name;
    std::string detail;       // "KPM PKH Graduasi · Jakarta Timur — Cakung"
    std::string access_code;  // printed large
    bool online = false;
    std::string link;  // online only: "http://host/?code=K7PM2QXD"
    // What the QR code holds: the access code on site, the link online.
    std::string const& qr_text() const { return online ? link : access_code; }
};

struct badge_sheet {
    std::string event_title;
    std::string dates;  // "26 November 2026"
    std::vector<badge> badges;
};

constexpr std::size_t badges_per_page = 8;

// A PDF with ceil(badges / 8) pages, or one page saying there is nobody when "sheet" has no
// badges. Errors "pdf_failed" and "qr_failed" (internal).
domain::result<std::string> render_badge_sheet(badge_sheet const& sheet,
                                               font_files const& fonts = {});

}  // namespace bimtek::documents
