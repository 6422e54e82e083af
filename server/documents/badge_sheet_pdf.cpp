#include "server/documents/badge_sheet_pdf.hpp"

namespace bimtek::documents {
namespace {

constexpr rgb ink{0.10f, 0.10f, 0.12f};
constexpr rgb accent{0.05f, 0.33f, 0.55f};
constexpr rgb muted{0.35f, 0.35f, 0.40f};
constexpr rgb cut{0.70f, 0.70f, 0.72f};

constexpr float margin = 28;
constexpr float gap = 12;
constexpr int columns = 2;
constexpr int rows = 4;
constexpr float pad = 12;
constexpr float qr_side = 104;

// Header lines across the top; below them the name, details and code on the left, the QR code
// in the bottom right corner.
void draw_badge(pdf_canvas& c, badge_sheet const& sheet, badge const& b, qr_matrix const& qr,
                float x, float y, float w, float h) {
    c.stroke_rectangle(x, y, w, h, 0.5f, cut);
    float const inner = w - 2 * pad;
    float const top = y + h - pad;

    c.text(x + pad, top - 9, b.online ? "PESERTA DARING" : "PESERTA LURING", weight::bold, 9,
           accent);
    for (auto const& line : c.wrap(sheet.event_title, weight::regular, 7.5f, inner, 1))
        c.text(x + pad, top - 20, line, weight::regular, 7.5f, muted);
    if (!sheet.dates.empty()) c.text(x + pad, top - 30, sheet.dates, weight::regular, 7.5f, muted);

    c.qr(qr, x + w - pad - qr_side, y + pad, qr_side);
    float const left = x + pad;
    float const column = inner - qr_side - 8;

    float name_size = c.fit_size(b.name, weight::bold, 16, 10, column);
    float ty = top - 50;
    for (auto const& line : c.wrap(b.name, weight::bold, name_size, column, 3)) {
        c.text(left, ty, line, weight::bold, name_size, ink);
        ty -= name_size + 2;
    }
    for (auto const& line : c.wrap(b.detail, weight::regular, 7.5f, column, 2)) {
        c.text(left, ty, line, weight::regular, 7.5f, muted);
        ty -= 9.5f;
    }

    if (!b.online) {
        float code_size = c.fit_size(b.access_code, weight::bold, 15, 8, column);
        c.text(left, y + pad + 30, "Kode akses", weight::regular, 7.5f, muted);
        c.text(left, y + pad + 12, b.access_code, weight::bold, code_size, ink);
        c.text(left, y + pad, "Pindai di meja registrasi.", weight::regular, 6.5f, muted);
        return;
    }
    float link_size = c.fit_size(b.link, weight::regular, 7, 5.5f, column);
    auto link = c.wrap(b.link, weight::regular, link_size, column, 3);
    float ly = y + pad + 16 + static_cast<float>(link.size()) * (link_size + 2);
    c.text(left, ly + 4, "Undangan daring:", weight::regular, 7.5f, muted);
    for (auto const& line : link) {
        ly -= link_size + 2;
        c.text(left, ly, line, weight::regular, link_size, ink);
    }
    c.text(left, y + pad, "Kode: " + b.access_code, weight::bold, 9, ink);
}

}  // namespace

domain::result<std::string> render_badge_sheet(badge_sheet const& sheet, font_files const& fonts) {
    auto canvas = pdf_canvas::create("Kartu peserta " + sheet.event_title, fonts);
    if (!canvas) return canvas.error();
    pdf_canvas& c = **canvas;
    if (sheet.badges.empty()) {
        c.add_page(orientation::portrait);
        c.text(margin, c.height() - margin - 20, sheet.event_title, weight::bold, 12, ink);
        c.text(margin, c.height() - margin - 40, "Belum ada peserta.", weight::regular, 11, ink);
        return c.save();
    }
    for (std::size_t i = 0; i < sheet.badges.size(); ++i) {
        std::size_t slot = i % badges_per_page;
        if (slot == 0) c.add_page(orientation::portrait);
        float const w = (c.width() - 2 * margin - gap * (columns - 1)) / columns;
        float const h = (c.height() - 2 * margin - gap * (rows - 1)) / rows;
        auto col = static_cast<float>(slot % columns);
        auto row = static_cast<float>(slot / columns);
        float x = margin + col * (w + gap);
        float y = c.height() - margin - (row + 1) * h - row * gap;
        badge const& b = sheet.badges[i];
        auto qr = encode_qr(b.qr_text());
        if (!qr) return qr.error();
        draw_badge(c, sheet, b, *qr, x, y, w, h);
    }
    return c.save();
}

}  // namespace bimtek::documents
