// A PDF being drawn with libharu: A4 pages, a regular and a bold font, UTF-8 text, QR codes.
//
// Fonts: DejaVu Sans (Debian fonts-dejavu-core) is embedded as a subset and text goes through
// libharu's UTF-8 encoder, so any name in the Basic Multilingual Plane prints (Indonesian, Balinese
// and accented Latin names alike) and `pdftotext` reads it back. When the font files cannot be
// loaded the canvas falls back to the built-in Helvetica with WinAnsi encoding: characters outside
// Windows-1252 then print as '?'.
//
// Owns its libharu document. Not thread-safe: one canvas per rendering, on one thread (separate
// canvases may be drawn on separate threads at once).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "server/documents/qr_code.hpp"
#include "server/domain/result.hpp"

namespace bimtek::documents {

struct font_files {
    std::filesystem::path regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::filesystem::path bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
};

enum class weight { regular, bold };
enum class orientation { portrait, landscape };

// A colour as red, green, blue in 0..1.
struct rgb {
    float r = 0, g = 0, b = 0;
};

class pdf_canvas {
public:
    // A document titled "title" (its metadata). Error "pdf_failed" (internal) when libharu
    // cannot start one.
    static domain::result<std::unique_ptr<pdf_canvas>> create(std::string_view title,
                                                              font_files const& fonts = {});
    ~pdf_canvas();
    pdf_canvas(pdf_canvas const&) = delete;
    pdf_canvas& operator=(pdf_canvas const&) = delete;

    // True when the fonts are the embedded TrueType ones (not the Helvetica fallback).
    bool unicode_fonts() const { return unicode_; }

    // Starts a new A4 page; every drawing call below goes to the latest page (one must exist).
    void add_page(orientation o);
    float width() const;  // of the current page, in points (1/72 inch)
    float height() const;

    // Text with its baseline starting at (x, y), measured from the page's bottom-left corner.
    // Control characters print as spaces; invalid UTF-8 and characters the font encoding cannot
    // hold print as '?'.
    void text(float x, float y, std::string_view s, weight w, float size, rgb colour = {});
    void text_centered(float centre_x, float y, std::string_view s, weight w, float size,
                       rgb colour = {});
    float text_width(std::string_view s, weight w, float size);
    // The largest size in [min_size, size] at which "s" fits "max_width" (min_size if none).
    float fit_size(std::string_view s, weight w, float size, float min_size, float max_width);
    // "s" broken at spaces into lines of at most "max_width"; a word longer than a line is cut.
    // At most "max_lines" lines: the last one then ends in an ellipsis.
    std::vector<std::string> wrap(std::string_view s, weight w, float size, float max_width,
                                  std::size_t max_lines);

    void stroke_rectangle(float x, float y, float w, float h, float line_width, rgb colour = {});
    void fill_rectangle(float x, float y, float w, float h, rgb colour);
    // The QR code as a square of side "side" with its bottom-left corner at (x, y), quiet zone
    // included (4 light modules on each side, inside "side").
    void qr(qr_matrix const& m, float x, float y, float side);

    // The finished document. Error "pdf_failed" when libharu reported an error at any point.
    domain::result<std::string> save();

private:
    struct impl;
    explicit pdf_canvas(std::unique_ptr<impl> p);
    std::string encode(std::string_view utf8) const;
    void set_font(weight w, float size);

    std::unique_ptr<impl> impl_;
    bool unicode_ = false;
};

}  // namespace bimtek::documents
