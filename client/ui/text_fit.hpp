// Fitting UTF-8 text into terminal columns (shared/text/utf8.hpp measures the columns).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "shared/text/utf8.hpp"

namespace bimtek::client::ui {

// "s" cut to at most "columns" columns, ending in "…" when something was cut.
inline std::string fit(std::string_view s, std::size_t columns) {
    if (text::display_width(s) <= columns) return std::string(s);
    if (columns == 0) return {};
    return std::string(text::prefix_columns(s, columns - 1)) + "…";
}

// "s" fitted and then padded with spaces to exactly "columns" columns.
inline std::string pad(std::string_view s, std::size_t columns) {
    std::string out = fit(s, columns);
    auto w = text::display_width(out);
    if (w < columns) out.append(columns - w, ' ');
    return out;
}

// "left" and "right" on one line of exactly "columns" columns ("right" flush right, "left" cut
// first when both do not fit).
inline std::string spread(std::string_view left, std::string_view right, std::size_t columns) {
    auto rw = text::display_width(right);
    if (rw + 1 >= columns) return pad(left, columns);
    return pad(left, columns - rw - 1) + " " + std::string(right);
}

}  // namespace bimtek::client::ui
