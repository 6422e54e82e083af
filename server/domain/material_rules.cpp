#include "server/domain/material_rules.hpp"

#include <array>

#include "shared/text/utf8.hpp"

namespace bimtek::domain {
namespace {

struct allowed_type {
    std::string_view content_type;
    std::string_view extension;  // the usual one, first of "extensions"
    std::array<std::string_view, 2> extensions;
};

constexpr std::string_view zip = "PK\x03\x04";

constexpr std::array<allowed_type, 9> allowed{{
    {"application/pdf", ".pdf", {".pdf", ""}},
    {"application/vnd.openxmlformats-officedocument.presentationml.presentation",
     ".pptx",
     {".pptx", ""}},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     ".docx",
     {".docx", ""}},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", {".xlsx", ""}},
    {"image/png", ".png", {".png", ""}},
    {"image/jpeg", ".jpg", {".jpg", ".jpeg"}},
    {"image/gif", ".gif", {".gif", ""}},
    {"image/webp", ".webp", {".webp", ""}},
    {"video/mp4", ".mp4", {".mp4", ""}},
}};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

allowed_type const* find_type(std::string_view content_type) {
    for (auto const& t : allowed)
        if (t.content_type == content_type) return &t;
    return nullptr;
}

// The lower-case extension of a file name, with the dot ("" when it has none).
std::string extension_of(std::string_view filename) {
    auto slash = filename.find_last_of("/\\");
    if (slash != std::string_view::npos) filename.remove_prefix(slash + 1);
    auto dot = filename.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    return lower(filename.substr(dot));
}

// Decodes well-formed UTF-8 (checked by the caller) one code point at a time.
char32_t decode(std::string_view s, std::size_t& i) {
    auto b = static_cast<unsigned char>(s[i++]);
    if (b < 0x80) return b;
    int extra = (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : 3;
    char32_t cp = b & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3Fu);
    return cp;
}

// Characters dropped from names: controls, bidirectional marks and overrides (which can make
// "gpj.exe" look like "exe.jpg"), zero-width characters.
bool dropped(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
           cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

}  // namespace

std::optional<std::string> material_type(std::string_view content_type_header,
                                         std::string_view filename) {
    std::string type =
        lower(text::trim(content_type_header.substr(0, content_type_header.find(';'))));
    if (type == "image/jpg" || type == "image/pjpeg") type = "image/jpeg";
    if (type == "application/x-pdf") type = "application/pdf";
    if (type.empty() || type == "application/octet-stream") {
        std::string ext = extension_of(filename);
        if (ext.empty()) return std::nullopt;
        for (auto const& t : allowed)
            for (auto e : t.extensions)
                if (!e.empty() && e == ext) return std::string(t.content_type);
        return std::nullopt;
    }
    if (!find_type(type)) return std::nullopt;
    return type;
}

bool matches_signature(std::string_view content_type, std::string_view head) {
    auto starts = [&](std::string_view prefix) { return head.substr(0, prefix.size()) == prefix; };
    if (content_type == "application/pdf") return starts("%PDF-");
    if (content_type.find("openxmlformats") != std::string_view::npos) return starts(zip);
    if (content_type == "image/png") return starts("\x89PNG\r\n\x1A\n");
    if (content_type == "image/jpeg") return starts("\xFF\xD8\xFF");
    if (content_type == "image/gif") return starts("GIF87a") || starts("GIF89a");
    if (content_type == "image/webp") return starts("RIFF") && head.substr(8, 4) == "WEBP";
    if (content_type == "video/mp4") return head.size() >= 8 && head.substr(4, 4) == "ftyp";
    return false;
}

std::string_view extension_for(std::string_view content_type) {
    auto const* t = find_type(content_type);
    return t ? t->extension : std::string_view{};
}

result<std::string> clean_material_filename(std::string_view raw, std::string_view content_type) {
    if (!text::valid_utf8(raw))
        return invalid_field("filename", "invalid_utf8", "the file name is not valid UTF-8");
    auto slash = raw.find_last_of("/\\");
    if (slash != std::string_view::npos) raw.remove_prefix(slash + 1);

    std::string kept;
    for (std::size_t i = 0; i < raw.size();) {
        std::size_t start = i;
        char32_t cp = decode(raw, i);
        if (dropped(cp)) {
            if (cp == '\t' || cp == '\n' || cp == '\r') kept.push_back(' ');
            continue;
        }
        kept.append(raw.substr(start, i - start));
    }
    std::string name = text::squeeze_spaces(kept);
    std::size_t lead = name.find_first_not_of('.');
    name.erase(0, lead == std::string::npos ? name.size() : lead);
    while (!name.empty() && (name.back() == '.' || name.back() == ' ')) name.pop_back();

    if (text::code_points(name) > max_material_filename) {
        // Cut the stem, keep a short extension.
        std::string ext = extension_of(name);
        if (ext.size() > 10) ext.clear();
        std::string_view stem(name.data(), name.size() - ext.size());
        std::string cut(
            text::prefix_code_points(stem, max_material_filename - text::code_points(ext)));
        while (!cut.empty() && (cut.back() == ' ' || cut.back() == '.')) cut.pop_back();
        name = cut + ext;
    }
    if (name.empty()) name = "materi" + std::string(extension_for(content_type));
    return name;
}

}  // namespace bimtek::domain
