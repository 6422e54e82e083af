// Answers for downloads of stored files (materials, exports on disk): 200 with the file, 206 for
// one range, 416 for a range past the end, 304 when "If-None-Match" holds the file's entity tag.
// Every answer carries the ETag, "Accept-Ranges: bytes", "Content-Disposition" with the original
// UTF-8 name (RFC 6266/8187: an ASCII "filename" and a "filename*" in UTF-8), and
// "Cache-Control: private, no-cache" (a browser may keep a copy and must revalidate it).
// Pure functions; use from any thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "server/transport/http/message.hpp"

namespace bimtek::transport {

enum class disposition { attachment, inline_view };

struct download {
    std::filesystem::path path;  // the file; it must not change while it has this etag
    std::uint64_t size = 0;
    std::string content_type;
    std::string etag;      // quoted: "\"5f1c...\""
    std::string filename;  // UTF-8, as the uploader named it
    transport::disposition disposition = disposition::attachment;
};

// The answer to "req" (its Range and If-None-Match) for "d".
api_response download_response(api_request const& req, download const& d);

// The value of a Content-Disposition header naming "filename" (UTF-8):
// attachment; filename="Materi_Pemasaran.pdf"; filename*=UTF-8''Materi%20Pemasaran.pdf
// The ASCII "filename" replaces everything outside printable ASCII, and quotes, backslashes
// and '%', by '_'.
std::string content_disposition(disposition d, std::string_view filename);

}  // namespace bimtek::transport
