#include "server/documents/certificate_pdf.hpp"

namespace bimtek::documents {
namespace {

constexpr rgb ink{0.10f, 0.10f, 0.12f};
constexpr rgb accent{0.05f, 0.33f, 0.55f};
constexpr rgb muted{0.35f, 0.35f, 0.40f};

void draw_certificate(pdf_canvas& c, certificate_page const& p, qr_matrix const& qr) {
    c.add_page(orientation::landscape);
    float const w = c.width(), h = c.height();
    float const cx = w / 2;
    float const text_width = w - 160;

    c.stroke_rectangle(24, 24, w - 48, h - 48, 3, accent);
    c.stroke_rectangle(32, 32, w - 64, h - 64, 0.8f, accent);

    c.text_centered(cx, h - 110, "SERTIFIKAT", weight::bold, 40, accent);
    c.text_centered(cx, h - 140, "Nomor verifikasi: " + p.code, weight::regular, 11, muted);
    c.text_centered(cx, h - 185, "diberikan kepada", weight::regular, 14, ink);

    // The name on one line, smaller when long; a very long one on two lines.
    float name_size = c.fit_size(p.participant_name, weight::bold, 30, 16, text_width);
    auto name_lines = c.wrap(p.participant_name, weight::bold, name_size, text_width, 2);
    float y = h - (name_lines.size() > 1 ? 218 : 230);
    for (auto const& line : name_lines) {
        c.text_centered(cx, y, line, weight::bold, name_size, ink);
        y -= name_size + 4;
    }

    c.text_centered(cx, h - 270, "atas partisipasinya sebagai peserta", weight::regular, 14, ink);
    y = h - 302;
    for (auto const& line : c.wrap(p.event_title, weight::bold, 17, text_width, 2)) {
        c.text_centered(cx, y, line, weight::bold, 17, ink);
        y -= 22;
    }
    std::string where = p.venue.empty() ? p.dates : p.dates + " \xC2\xB7 " + p.venue;
    for (auto const& line : c.wrap(where, weight::regular, 12, text_width, 2)) {
        c.text_centered(cx, y - 4, line, weight::regular, 12, ink);
        y -= 16;
    }
    c.text_centered(cx, y - 14, "Jumlah jam kehadiran: " + p.hours, weight::regular, 13, ink);

    // The QR code and how to verify, bottom left.
    float const side = 96;
    c.qr(qr, 56, 48, side);
    float const tx = 56 + side + 12;
    c.text(tx, 48 + side - 22, "Verifikasi keaslian sertifikat ini:", weight::regular, 9, muted);
    c.text(tx, 48 + side - 36, p.verify_url, weight::regular, 9, ink);
    c.text(tx, 48 + side - 50, "Kode: " + p.code, weight::bold, 10, ink);
    if (!p.issued.empty()) c.text(tx, 48 + side - 64, p.issued, weight::regular, 9, muted);
}

}  // namespace

domain::result<std::string> render_certificates(std::vector<certificate_page> const& pages,
                                                font_files const& fonts) {
    if (pages.empty())
        return domain::make_error(domain::error_kind::internal, "pdf_failed",
                                  "there is no certificate to render");
    auto canvas = pdf_canvas::create(
        pages.size() == 1 ? "Sertifikat " + pages.front().participant_name : "Sertifikat", fonts);
    if (!canvas) return canvas.error();
    for (certificate_page const& p : pages) {
        auto qr = encode_qr(p.verify_url);
        if (!qr) return qr.error();
        draw_certificate(**canvas, p, *qr);
    }
    return (*canvas)->save();
}

}  // namespace bimtek::documents
