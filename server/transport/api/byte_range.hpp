// Reading the "Range" and "If-None-Match" request headers for downloads (RFC 9110 §13.1.2,
// §14). Pure functions; use from any thread.
#pragma once

#include <cstdint>
#include <string_view>

namespace bimtek::transport {

// What a GET with "Range" asks for, against a representation of "size" bytes.
struct range_request {
    enum class kind {
        whole,          // no Range, one we ignore (another unit, bad syntax, several ranges): 200
        partial,        // one satisfiable range: 206 with [offset, offset + length)
        unsatisfiable,  // starts at or after the end, or a zero suffix: 416
    };
    range_request::kind what = kind::whole;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
};

// One range of "bytes=": "first-last", "first-" or "-suffix". A last beyond the end is cut to
// the end; a suffix longer than the representation is all of it (still 206). Several ranges are
// answered with the whole representation (which RFC 9110 allows), so are malformed headers.
range_request parse_range(std::string_view header, std::uint64_t size);

// True when "If-None-Match" (a list of entity tags, or "*") matches "etag" by the weak
// comparison (W/ prefixes do not matter). "etag" is quoted: "\"abc\"".
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace bimtek::transport
