// Reading the documents bimtek produces back with tools that are not ours, for tests: the text
// of a PDF (pdftotext), the QR codes on its pages (pdftoppm at 150 dpi, then zbarimg), and the
// cells of a workbook (openpyxl, through /usr/bin/python3). Each writes its input to a temporary
// directory, runs the tool and throws std::runtime_error when the tool fails.
#pragma once

#include <string>
#include <vector>

namespace bimtek::testing {

// Runs "command" with /bin/sh; returns its standard output. Throws when it exits non-zero.
std::string run_command(std::string const& command);

// The text of every page (pdftotext -layout off; pages separated by form feeds).
std::string pdf_text(std::string const& pdf);
// The number of pages (pdfinfo).
int pdf_pages(std::string const& pdf);
// The QR codes found on page "page" (1-based), in the order zbarimg reports them.
std::vector<std::string> pdf_qr_codes(std::string const& pdf, int page = 1);
// The QR codes in each cell of a "columns" x "rows" grid over the page, cells row by row from
// the top left (zbar misses codes now and then when one image holds many, so a sheet of badges
// is read one cell at a time).
std::vector<std::vector<std::string>> pdf_qr_codes_by_cell(std::string const& pdf, int page,
                                                           int columns, int rows);

// The cells of the workbook's first sheet, row by row, as openpyxl reads them: text as is,
// numbers in Python's repr ("12", "12.5"), formulas as their text ("=SUM(G2:G4)"), empty
// cells as "". Also returns the sheet's title in "sheet_title".
struct workbook_cells {
    std::string sheet_title;
    std::vector<std::vector<std::string>> rows;
};
workbook_cells read_xlsx(std::string const& xlsx);

}  // namespace bimtek::testing
