#include "server/documents/attendance_xlsx.hpp"

#include <stdlib.h>  // mkstemps
#include <unistd.h>  // close
#include <xlsxwriter.h>

#include <fstream>
#include <sstream>
#include <system_error>

#include "server/documents/printable_text.hpp"

namespace bimtek::documents {
namespace {

domain::error xlsx_failed(std::string message) {
    return domain::make_error(domain::error_kind::internal, "xlsx_failed", std::move(message));
}

// Removes the file when it goes out of scope.
class scratch_file {
public:
    explicit scratch_file(std::filesystem::path p) : path_(std::move(p)) {}
    ~scratch_file() {
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
    scratch_file(scratch_file const&) = delete;
    scratch_file& operator=(scratch_file const&) = delete;
    std::filesystem::path const& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// The print header: "&" is libxlsxwriter's control character; at most 255 characters.
std::string print_header(std::string const& title) {
    std::string escaped;
    std::size_t i = 0;
    while (i < title.size() && escaped.size() < 200) {
        std::size_t start = i;
        next_code_point(title, i);
        std::string_view piece(title.data() + start, i - start);
        escaped += piece == "&" ? "&&" : std::string(piece);
    }
    return "&C" + escaped;
}

std::string range(lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2) {
    char buf[LXW_MAX_CELL_RANGE_LENGTH];
    lxw_rowcol_to_range(buf, r1, c1, r2, c2);
    return buf;
}

// Writes the sheet into "wb"; returns libxlsxwriter's first error.
lxw_error write_sheet(lxw_workbook* wb, attendance_sheet const& sheet) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Daftar Hadir");
    if (!ws) return LXW_ERROR_MEMORY_MALLOC_FAILED;
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(header, LXW_BORDER_THIN);

    std::vector<std::string> head = attendance_header(sheet);
    auto const last_col = static_cast<lxw_col_t>(head.size() - 1);
    for (std::size_t c = 0; c < head.size(); ++c)
        if (lxw_error e = worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c),
                                                 printable_utf8(head[c]).c_str(), header))
            return e;

    lxw_col_t const first_minutes = 6;
    lxw_row_t row = 1;
    for (auto const& r : sheet.rows) {
        lxw_col_t c = 0;
        worksheet_write_number(ws, row, c++, static_cast<double>(row), nullptr);
        for (std::string const* text : {&r.name, &r.category, &r.region, &r.mode, &r.checked_in})
            if (lxw_error e =
                    worksheet_write_string(ws, row, c++, printable_utf8(*text).c_str(), nullptr))
                return e;
        for (std::size_t k = 0; k < sheet.sessions.size(); ++k)
            worksheet_write_number(ws, row, c++,
                                   k < r.minutes.size() ? static_cast<double>(r.minutes[k]) : 0.0,
                                   nullptr);
        worksheet_write_number(ws, row, c++, static_cast<double>(r.total_minutes), nullptr);
        if (lxw_error e = worksheet_write_string(ws, row, c, r.status.c_str(), nullptr)) return e;
        ++row;
    }

    // Totals: the texts of attendance_totals, the sums as formulas (with their values cached,
    // so readers that do not calculate still see them).
    std::vector<std::string> totals = attendance_totals(sheet);
    lxw_row_t const last_data = row - 1;
    for (std::size_t c = 0; c < totals.size(); ++c) {
        auto col = static_cast<lxw_col_t>(c);
        bool sum = col >= first_minutes && col < last_col;
        if (sum && !sheet.rows.empty()) {
            std::string formula = "=SUM(" + range(1, col, last_data, col) + ")";
            worksheet_write_formula_num(ws, row, col, formula.c_str(), bold, std::stod(totals[c]));
        } else if (sum) {
            worksheet_write_number(ws, row, col, 0, bold);
        } else if (!totals[c].empty()) {
            worksheet_write_string(ws, row, col, totals[c].c_str(), bold);
        }
    }

    worksheet_set_column(ws, 0, 0, 5, nullptr);
    worksheet_set_column(ws, 1, 1, 32, nullptr);
    worksheet_set_column(ws, 2, 3, 24, nullptr);
    worksheet_set_column(ws, 4, 4, 9, nullptr);
    worksheet_set_column(ws, 5, 5, 17, nullptr);
    if (last_col > first_minutes + 1)
        worksheet_set_column(ws, first_minutes, last_col - 1, 14, nullptr);
    worksheet_set_column(ws, last_col, last_col, 16, nullptr);
    worksheet_set_row(ws, 0, 45, nullptr);
    worksheet_freeze_panes(ws, 1, 2);
    worksheet_autofilter(ws, 0, 0, last_data, last_col);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
    worksheet_set_header(ws, print_header(printable_utf8(sheet.title)).c_str());
    return LXW_NO_ERROR;
}

}  // namespace

domain::result<std::string> render_attendance_xlsx(attendance_sheet const& sheet,
                                                   std::filesystem::path const& scratch_dir) {
    std::string name = (scratch_dir / "attendance-XXXXXX.xlsx").string();
    int fd = ::mkstemps(name.data(), 5);
    if (fd < 0) return xlsx_failed("cannot create a scratch file in " + scratch_dir.string());
    ::close(fd);
    scratch_file file(name);

    std::string tmpdir = scratch_dir.string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = tmpdir.data();
    lxw_workbook* wb = workbook_new_opt(name.c_str(), &options);
    if (!wb) return xlsx_failed("libxlsxwriter could not start a workbook");
    std::string title = printable_utf8(sheet.title);
    lxw_doc_properties properties{};
    properties.title = title.data();
    workbook_set_properties(wb, &properties);
    lxw_error written = write_sheet(wb, sheet);
    lxw_error closed = workbook_close(wb);  // frees "wb" in any case
    if (written != LXW_NO_ERROR) return xlsx_failed(lxw_strerror(written));
    if (closed != LXW_NO_ERROR) return xlsx_failed(lxw_strerror(closed));

    std::ifstream in(file.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) return xlsx_failed("cannot read the workbook back");
    return std::move(bytes).str();
}

}  // namespace bimtek::documents
