// The attendance list as an Excel workbook (libxlsxwriter): one sheet "Daftar Hadir" with the
// header row (frozen, with filters), one row per participant (minutes as numbers), and a totals
// row whose sums are formulas; the title goes into the print header. Use from any thread.
#pragma once

#include <filesystem>
#include <string>

#include "server/documents/attendance_sheet.hpp"
#include "server/domain/result.hpp"

namespace bimtek::documents {

// The .xlsx file's bytes. libxlsxwriter writes to a file: it does so in "scratch_dir" (which
// must exist; the file is removed before returning). Error "xlsx_failed" (internal).
domain::result<std::string> render_attendance_xlsx(attendance_sheet const& sheet,
                                                   std::filesystem::path const& scratch_dir);

}  // namespace bimtek::documents
