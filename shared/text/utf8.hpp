// UTF-8 text rules shared by the server's validation and the client's rendering.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace bimtek::text {

// True when "s" is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view s);

// Number of code points in well-formed UTF-8 text.
std::size_t code_points(std::string_view s);

// "s" without leading and trailing white space: ASCII space, tab, CR, LF, VT, FF, and the
// Unicode spaces U+00A0, U+2000..U+200B, U+202F, U+205F, U+3000 and U+FEFF (a byte-order mark).
std::string_view trim(std::string_view s);

// Collapses every run of white space inside "s" to one ASCII space, after trimming.
std::string squeeze_spaces(std::string_view s);

// The longest prefix of "s" holding at most "max" code points.
std::string_view prefix_code_points(std::string_view s, std::size_t max);

// Columns a terminal uses for "s": one per code point, two for East Asian wide ones, none for
// combining marks. Enough for names and questions; not a full wcwidth.
std::size_t display_width(std::string_view s);

// Prefix of "s" fitting "columns" terminal columns.
std::string_view prefix_columns(std::string_view s, std::size_t columns);

}  // namespace bimtek::text
