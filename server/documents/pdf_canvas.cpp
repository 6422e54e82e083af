#include "server/documents/pdf_canvas.hpp"

#include <hpdf.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <system_error>

#include "server/documents/printable_text.hpp"

namespace bimtek::documents {
namespace {

domain::error pdf_failed(std::string message) {
    return domain::make_error(domain::error_kind::internal, "pdf_failed", std::move(message));
}

// Windows-1252 for the fallback font: Latin-1 plus the typographic marks in 0x80..0x9F.
char to_win_ansi(char32_t cp) {
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<char>(cp);
    struct pair {
        char32_t cp;
        unsigned char byte;
    };
    static constexpr pair table[] = {
        {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85},
        {0x2020, 0x86}, {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A},
        {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92},
        {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
        {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C},
        {0x017E, 0x9E}, {0x0178, 0x9F},
    };
    for (pair const& p : table)
        if (p.cp == cp) return static_cast<char>(p.byte);
    return '?';
}

}  // namespace

struct pdf_canvas::impl {
    HPDF_Doc doc = nullptr;
    HPDF_Page page = nullptr;
    HPDF_Font regular = nullptr;
    HPDF_Font bold = nullptr;
    std::optional<std::string> first_error;  // what libharu reported first
    bool loading_fonts = false;              // errors while trying the TrueType fonts are expected

    ~impl() {
        if (doc) HPDF_Free(doc);
    }

    static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user) {
        auto* self = static_cast<impl*>(user);
        if (self->loading_fonts || self->first_error) return;
        char buf[64];
        std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)",
                      static_cast<unsigned>(error_no), static_cast<unsigned>(detail_no));
        self->first_error = buf;
    }

    // Loads a TrueType font for UTF-8 text; nullptr when it cannot.
    HPDF_Font load_ttf(std::filesystem::path const& file) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec)) return nullptr;
        loading_fonts = true;
        HPDF_Font font = nullptr;
        if (char const* name = HPDF_LoadTTFontFromFile(doc, file.c_str(), HPDF_TRUE))
            font = HPDF_GetFont(doc, name, "UTF-8");
        if (!font) HPDF_ResetError(doc);
        loading_fonts = false;
        return font;
    }
};

pdf_canvas::pdf_canvas(std::unique_ptr<impl> p) : impl_(std::move(p)) {}

pdf_canvas::~pdf_canvas() = default;

domain::result<std::unique_ptr<pdf_canvas>> pdf_canvas::create(std::string_view title,
                                                               font_files const& fonts) {
    auto p = std::make_unique<impl>();
    p->doc = HPDF_New(&impl::on_error, p.get());
    if (!p->doc) return pdf_failed("libharu could not create a document");
    HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(p->doc);
    p->regular = p->load_ttf(fonts.regular);
    p->bold = p->load_ttf(fonts.bold);
    if (p->regular && !p->bold) p->bold = p->regular;
    bool unicode = p->regular != nullptr;
    if (!unicode) {
        p->regular = HPDF_GetFont(p->doc, "Helvetica", "WinAnsiEncoding");
        p->bold = HPDF_GetFont(p->doc, "Helvetica-Bold", "WinAnsiEncoding");
    }
    if (p->first_error || !p->regular || !p->bold)
        return pdf_failed("libharu could not load a font: " + p->first_error.value_or("unknown"));
    auto canvas = std::unique_ptr<pdf_canvas>(new pdf_canvas(std::move(p)));
    canvas->unicode_ = unicode;
    HPDF_SetInfoAttr(canvas->impl_->doc, HPDF_INFO_TITLE, canvas->encode(title).c_str());
    HPDF_SetInfoAttr(canvas->impl_->doc, HPDF_INFO_CREATOR, "bimtek");
    return canvas;
}

std::string pdf_canvas::encode(std::string_view utf8) const {
    std::string clean = printable_utf8(utf8);
    if (unicode_) return clean;
    std::string out;
    std::size_t i = 0;
    while (i < clean.size()) {
        auto cp = next_code_point(clean, i);
        out.push_back(cp ? to_win_ansi(*cp) : '?');
    }
    return out;
}

void pdf_canvas::add_page(orientation o) {
    impl_->page = HPDF_AddPage(impl_->doc);
    HPDF_Page_SetSize(impl_->page, HPDF_PAGE_SIZE_A4,
                      o == orientation::landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
}

float pdf_canvas::width() const {
    return HPDF_Page_GetWidth(impl_->page);
}

float pdf_canvas::height() const {
    return HPDF_Page_GetHeight(impl_->page);
}

void pdf_canvas::set_font(weight w, float size) {
    HPDF_Page_SetFontAndSize(impl_->page, w == weight::bold ? impl_->bold : impl_->regular, size);
}

void pdf_canvas::text(float x, float y, std::string_view s, weight w, float size, rgb colour) {
    std::string encoded = encode(s);
    if (encoded.empty()) return;
    HPDF_Page_SetRGBFill(impl_->page, colour.r, colour.g, colour.b);
    HPDF_Page_BeginText(impl_->page);
    set_font(w, size);
    HPDF_Page_TextOut(impl_->page, x, y, encoded.c_str());
    HPDF_Page_EndText(impl_->page);
}

void pdf_canvas::text_centered(float centre_x, float y, std::string_view s, weight w, float size,
                               rgb colour) {
    text(centre_x - text_width(s, w, size) / 2, y, s, w, size, colour);
}

float pdf_canvas::text_width(std::string_view s, weight w, float size) {
    std::string encoded = encode(s);
    if (encoded.empty()) return 0;
    set_font(w, size);
    return HPDF_Page_TextWidth(impl_->page, encoded.c_str());
}

float pdf_canvas::fit_size(std::string_view s, weight w, float size, float min_size,
                           float max_width) {
    float width_at_size = text_width(s, w, size);
    if (width_at_size <= max_width || width_at_size <= 0) return size;
    // Width grows linearly with the size.
    return std::max(min_size, size * max_width / width_at_size);
}

std::vector<std::string> pdf_canvas::wrap(std::string_view s, weight w, float size, float max_width,
                                          std::size_t max_lines) {
    std::vector<std::string> lines;
    if (max_lines == 0) return lines;
    std::string clean = printable_utf8(s);
    std::vector<std::string> words;
    for (std::size_t i = 0; i < clean.size();) {
        auto space = clean.find(' ', i);
        if (space == std::string::npos) space = clean.size();
        if (space > i) words.push_back(clean.substr(i, space - i));
        i = space + 1;
    }
    // The longest prefix of "word" (whole code points) that fits.
    auto cut = [&](std::string const& word) {
        std::size_t end = word.size();
        while (end > 1 && text_width(word.substr(0, end), w, size) > max_width) {
            --end;
            while (end > 1 && (static_cast<unsigned char>(word[end]) & 0xC0) == 0x80) --end;
        }
        return end;
    };
    std::string line;
    bool truncated = false;
    for (std::size_t k = 0; k < words.size(); ++k) {
        std::string word = words[k];
        std::string candidate = line.empty() ? word : line + " " + word;
        if (text_width(candidate, w, size) <= max_width) {
            line = std::move(candidate);
            continue;
        }
        if (!line.empty()) {
            lines.push_back(std::move(line));
            line.clear();
            if (lines.size() == max_lines) {
                truncated = true;
                break;
            }
        }
        while (text_width(word, w, size) > max_width) {  // a word wider than a whole line
            std::size_t end = cut(word);
            lines.push_back(word.substr(0, end));
            word.erase(0, end);
            if (lines.size() == max_lines) break;
        }
        if (lines.size() == max_lines) {
            truncated = true;
            break;
        }
        line = std::move(word);
    }
    if (!truncated && !line.empty()) lines.push_back(std::move(line));
    if (truncated && !lines.empty()) {
        std::string& last = lines.back();
        std::string const ellipsis = unicode_ ? "\xE2\x80\xA6" : "...";
        while (!last.empty() && text_width(last + ellipsis, w, size) > max_width) {
            last.pop_back();
            while (!last.empty() && (static_cast<unsigned char>(last.back()) & 0xC0) == 0x80)
                last.pop_back();
            if (!last.empty() && (static_cast<unsigned char>(last.back()) & 0xC0) == 0xC0)
                last.pop_back();  // a lead byte left alone
        }
        last += ellipsis;
    }
    return lines;
}

void pdf_canvas::stroke_rectangle(float x, float y, float w, float h, float line_width,
                                  rgb colour) {
    HPDF_Page_SetLineWidth(impl_->page, line_width);
    HPDF_Page_SetRGBStroke(impl_->page, colour.r, colour.g, colour.b);
    HPDF_Page_Rectangle(impl_->page, x, y, w, h);
    HPDF_Page_Stroke(impl_->page);
}

void pdf_canvas::fill_rectangle(float x, float y, float w, float h, rgb colour) {
    HPDF_Page_SetRGBFill(impl_->page, colour.r, colour.g, colour.b);
    HPDF_Page_Rectangle(impl_->page, x, y, w, h);
    HPDF_Page_Fill(impl_->page);
}

void pdf_canvas::qr(qr_matrix const& m, float x, float y, float side) {
    if (m.size <= 0) return;
    constexpr int quiet = 4;
    float module = side / static_cast<float>(m.size + 2 * quiet);
    fill_rectangle(x, y, side, side, rgb{1, 1, 1});
    HPDF_Page_SetRGBFill(impl_->page, 0, 0, 0);
    bool any = false;
    for (int row = 0; row < m.size; ++row) {
        float top = y + side - static_cast<float>(quiet + row + 1) * module;
        for (int col = 0; col < m.size;) {
            if (!m.dark(col, row)) {
                ++col;
                continue;
            }
            int run = col;
            while (run < m.size && m.dark(run, row)) ++run;
            // A hair of overlap so that rasterizers leave no seams between modules.
            HPDF_Page_Rectangle(impl_->page, x + static_cast<float>(quiet + col) * module, top,
                                static_cast<float>(run - col) * module + 0.05f, module + 0.05f);
            any = true;
            col = run;
        }
    }
    if (any) HPDF_Page_Fill(impl_->page);
}

domain::result<std::string> pdf_canvas::save() {
    if (impl_->first_error) return pdf_failed(*impl_->first_error);
    if (HPDF_SaveToStream(impl_->doc) != HPDF_OK || impl_->first_error)
        return pdf_failed(impl_->first_error.value_or("libharu could not write the document"));
    std::string out(HPDF_GetStreamSize(impl_->doc), '\0');
    HPDF_ResetStream(impl_->doc);
    std::size_t filled = 0;
    while (filled < out.size()) {
        HPDF_UINT32 len = static_cast<HPDF_UINT32>(out.size() - filled);
        HPDF_STATUS st = HPDF_ReadFromStream(
            impl_->doc, reinterpret_cast<HPDF_BYTE*>(out.data() + filled), &len);
        filled += len;
        if (st == HPDF_STREAM_EOF) break;
        if (st != HPDF_OK) return pdf_failed("libharu could not read the document back");
        if (len == 0) break;
    }
    out.resize(filled);
    return out;
}

}  // namespace bimtek::documents
