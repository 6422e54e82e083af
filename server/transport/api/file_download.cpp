#include "server/transport/api/file_download.hpp"

#include <algorithm>

#include "server/transport/api/byte_range.hpp"
#include "server/transport/http/error_response.hpp"

namespace bimtek::transport {
namespace {

// RFC 8187 attr-char: sent as is in filename*; everything else is percent-encoded.
bool attr_char(unsigned char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    switch (c) {
        case '!':
        case '#':
        case '$':
        case '&':
        case '+':
        case '-':
        case '.':
        case '^':
        case '_':
        case '`':
        case '|':
        case '~':
            return true;
        default:
            return false;
    }
}

// The bytes of the UTF-8 sequence "lead" starts (1 for a stray byte).
std::size_t sequence_length(unsigned char lead) {
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 1;
}

void common_headers(api_response& res, download const& d) {
    res.header("ETag", d.etag);
    res.header("Accept-Ranges", "bytes");
    res.header("Cache-Control", "private, no-cache");
    res.header("X-Content-Type-Options", "nosniff");
    res.header("Content-Disposition", content_disposition(d.disposition, d.filename));
}

}  // namespace

std::string content_disposition(disposition d, std::string_view filename) {
    std::string ascii, encoded;
    static constexpr char hex[] = "0123456789ABCDEF";
    std::size_t i = 0;
    while (i < filename.size()) {
        auto c = static_cast<unsigned char>(filename[i]);
        // One '_' per non-ASCII character, not per byte.
        std::size_t len = std::min(sequence_length(c), filename.size() - i);
        bool plain = len == 1 && c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%';
        ascii.push_back(plain ? static_cast<char>(c) : '_');
        for (std::size_t k = 0; k < len; ++k) {
            auto b = static_cast<unsigned char>(filename[i + k]);
            if (attr_char(b)) {
                encoded.push_back(static_cast<char>(b));
            } else {
                encoded.push_back('%');
                encoded.push_back(hex[b >> 4]);
                encoded.push_back(hex[b & 0xF]);
            }
        }
        i += len;
    }
    std::string out = d == disposition::attachment ? "attachment" : "inline";
    out += "; filename=\"" + ascii + "\"";
    out += "; filename*=UTF-8''" + encoded;
    return out;
}

api_response download_response(api_request const& req, download const& d) {
    api_response res;
    if (etag_matches(req.if_none_match, d.etag)) {
        res.status = 304;
        res.content_type.clear();
        common_headers(res, d);
        return res;
    }
    range_request range = parse_range(req.range, d.size);
    if (!req.range.empty() && range.what == range_request::kind::unsatisfiable) {
        res = error_response(domain::make_error(
            domain::error_kind::range_not_satisfiable, "range_not_satisfiable",
            "the range starts past the end of the file (" + std::to_string(d.size) + " bytes)"));
        res.header("Content-Range", "bytes */" + std::to_string(d.size));
        res.header("Accept-Ranges", "bytes");
        return res;
    }
    res.content_type = d.content_type;
    common_headers(res, d);
    if (range.what == range_request::kind::partial) {
        res.status = 206;
        res.header("Content-Range", "bytes " + std::to_string(range.offset) + "-" +
                                        std::to_string(range.offset + range.length - 1) + "/" +
                                        std::to_string(d.size));
        res.file = file_part{d.path, range.offset, range.length};
        return res;
    }
    res.status = 200;
    res.file = file_part{d.path, 0, d.size};
    return res;
}

}  // namespace bimtek::transport
