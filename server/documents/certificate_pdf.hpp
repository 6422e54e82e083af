// Certificates of completion as PDF: one A4 landscape page per participant, in Indonesian, with
// the verification code and a QR code of the verification URL. Pure function of its input; use
// from any thread.
#pragma once

#include <string>
#include <vector>

#include "server/documents/pdf_canvas.hpp"
#include "server/domain/result.hpp"

namespace bimtek::documents {

// One certificate, every text already formatted by the caller (UTF-8).
struct certificate_page {
    std::string participant_name;
    std::string event_title;
    std::string venue;       // may be empty
    std::string dates;       // "26 November 2026", or "26–27 November 2026"
    std::string hours;       // "6 jam 30 menit"
    std::string code;        // the verification code
    std::string verify_url;  // "http://host/verify/CODE", encoded in the QR code
    std::string issued;      // "Diterbitkan 26 November 2026"; may be empty
};

// A PDF with one page per entry of "pages" (which must not be empty). Errors "pdf_failed" and
// "qr_failed" (internal).
domain::result<std::string> render_certificates(std::vector<certificate_page> const& pages,
                                                font_files const& fonts = {});

}  // namespace bimtek::documents
