#include "shared/text/utf8.hpp"

namespace bimtek::text {
namespace {

// Decodes one code point at s[i]; returns its length, or 0 when malformed.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    unsigned char c = b(0);
    std::size_t len;
    if (c < 0x80) {
        cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

bool is_space(char32_t cp) {
    return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool is_wide(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool is_combining(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200D ||
           (cp >= 0xFE00 && cp <= 0xFE0F);
}

std::size_t width_of(char32_t cp) {
    if (is_combining(cp)) return 0;
    return is_wide(cp) ? 2 : 1;
}

}  // namespace

bool valid_utf8(std::string_view s) {
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = decode(s, i, cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::size_t code_points(std::string_view s) {
    std::size_t count = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++count;
    return count;
}

std::string_view trim(std::string_view s) {
    char32_t cp;
    std::size_t begin = 0;
    while (begin < s.size()) {
        std::size_t n = decode(s, begin, cp);
        if (n == 0 || !is_space(cp)) break;
        begin += n;
    }
    std::size_t end = s.size();
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
        std::size_t n = decode(s, start, cp);
        if (n == 0 || start + n != end || !is_space(cp)) break;
        end = start;
    }
    return s.substr(begin, end - begin);
}

std::string squeeze_spaces(std::string_view s) {
    s = trim(s);
    std::string out;
    out.reserve(s.size());
    bool in_space = false;
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = decode(s, i, cp);
        if (n == 0) n = 1, cp = 0xFFFD;
        if (is_space(cp)) {
            in_space = true;
        } else {
            if (in_space) out.push_back(' ');
            in_space = false;
            out.append(s.substr(i, n));
        }
        i += n;
    }
    return out;
}

std::string_view prefix_code_points(std::string_view s, std::size_t max) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (count == max) return s.substr(0, i);
            ++count;
        }
    }
    return s;
}

std::size_t display_width(std::string_view s) {
    std::size_t w = 0;
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = decode(s, i, cp);
        if (n == 0) n = 1, cp = '?';
        w += width_of(cp);
        i += n;
    }
    return w;
}

std::string_view prefix_columns(std::string_view s, std::size_t columns) {
    std::size_t w = 0;
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = decode(s, i, cp);
        if (n == 0) n = 1, cp = '?';
        std::size_t cw = width_of(cp);
        if (w + cw > columns) return s.substr(0, i);
        w += cw;
        i += n;
    }
    return s;
}

}  // namespace bimtek::text
