// Large letters for the kiosk screen, readable from a few steps away: a 5-row block font for
// A-Z, 0-9 and a little punctuation (lower case is shown as upper case, common accented Latin
// letters as their base letter, anything else as a blank).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bimtek::client::ui {

inline constexpr std::size_t big_text_rows = 5;

// "text" in large letters, wrapped at spaces to fit "width" columns: 5 rows per line of big
// text, lines separated by one empty row. A word wider than "width" is cut.
std::vector<std::string> big_text(std::string_view text, std::size_t width);

// Columns "text" takes in large letters on one line.
std::size_t big_text_width(std::string_view text);

}  // namespace bimtek::client::ui
