// The attendance list as CSV for spreadsheet programs: UTF-8 with a byte-order mark (so Excel
// reads Indonesian names right), CRLF line ends, ',' as separator, the header row, one row per
// participant and the totals row. Pure function; use from any thread.
#pragma once

#include <string>

#include "server/documents/attendance_sheet.hpp"

namespace bimtek::documents {

std::string render_attendance_csv(attendance_sheet const& sheet);

}  // namespace bimtek::documents
