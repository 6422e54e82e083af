#include "tests/server/documents/document_readers.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <boost/json.hpp>

#include "tests/harness/temp_dir.hpp"

namespace bimtek::testing {
namespace {

void write_file(std::filesystem::path const& p, std::string const& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

std::string quoted(std::filesystem::path const& p) {
    return "'" + p.string() + "'";
}

// Prints the first sheet's title, then every row as a JSON array of strings.
constexpr char const* xlsx_script = R"py(
import json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print(json.dumps(ws.title))
for row in ws.iter_rows(values_only=True):
    print(json.dumps(["" if v is None else (v if isinstance(v, str) else repr(v)) for v in row]))
)py";

}  // namespace

std::string run_command(std::string const& command) {
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run: " + command);
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    int status = ::pclose(pipe);
    if (status != 0)
        throw std::runtime_error("command failed (" + std::to_string(status) + "): " + command);
    return out;
}

std::string pdf_text(std::string const& pdf) {
    temp_dir dir;
    write_file(dir / "in.pdf", pdf);
    // pdftotext warns about libharu's identity ToUnicode CMap and still maps every character.
    return run_command("pdftotext -enc UTF-8 " + quoted(dir / "in.pdf") + " - 2>/dev/null");
}

int pdf_pages(std::string const& pdf) {
    temp_dir dir;
    write_file(dir / "in.pdf", pdf);
    std::istringstream info(run_command("pdfinfo " + quoted(dir / "in.pdf") + " 2>/dev/null"));
    for (std::string line; std::getline(info, line);)
        if (line.rfind("Pages:", 0) == 0) return std::stoi(line.substr(6));
    throw std::runtime_error("pdfinfo printed no page count");
}

namespace {

// Renders part of page "page" of the PDF at "in" at 150 dpi ("crop" holds pdftoppm's -x -y -W
// -H options, or is empty) and returns the QR codes zbarimg finds in it.
std::vector<std::string> qr_codes(temp_dir const& dir, int page, std::string const& crop) {
    std::string p = std::to_string(page);
    run_command("pdftoppm -r 150 -png -f " + p + " -l " + p + " " + crop + " -singlefile " +
                quoted(dir / "in.pdf") + " " + quoted(dir / "page") + " 2>/dev/null");
    // zbarimg exits 4 when it finds nothing: that is an answer (no codes), not a failure.
    std::string out = run_command("zbarimg --quiet --raw -Sdisable -Sqrcode.enable " +
                                  quoted(dir / "page.png") + " 2>/dev/null; true");
    std::vector<std::string> codes;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) codes.push_back(line);
    return codes;
}

// The page's size in points, from pdfinfo.
std::pair<double, double> page_size(temp_dir const& dir) {
    std::istringstream info(run_command("pdfinfo " + quoted(dir / "in.pdf") + " 2>/dev/null"));
    for (std::string line; std::getline(info, line);) {
        if (line.rfind("Page size:", 0) != 0) continue;
        double w = 0, h = 0;
        if (std::sscanf(line.c_str(), "Page size: %lf x %lf", &w, &h) == 2) return {w, h};
    }
    throw std::runtime_error("pdfinfo printed no page size");
}

}  // namespace

std::vector<std::string> pdf_qr_codes(std::string const& pdf, int page) {
    temp_dir dir;
    write_file(dir / "in.pdf", pdf);
    return qr_codes(dir, page, "");
}

std::vector<std::vector<std::string>> pdf_qr_codes_by_cell(std::string const& pdf, int page,
                                                           int columns, int rows) {
    temp_dir dir;
    write_file(dir / "in.pdf", pdf);
    auto [w, h] = page_size(dir);
    int const cell_w = static_cast<int>(w / 72 * 150) / columns;
    int const cell_h = static_cast<int>(h / 72 * 150) / rows;
    std::vector<std::vector<std::string>> out;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            out.push_back(qr_codes(dir, page,
                                   "-x " + std::to_string(c * cell_w) + " -y " +
                                       std::to_string(r * cell_h) + " -W " +
                                       std::to_string(cell_w) + " -H " + std::to_string(cell_h)));
    return out;
}

workbook_cells read_xlsx(std::string const& xlsx) {
    temp_dir dir;
    write_file(dir / "in.xlsx", xlsx);
    write_file(dir / "read.py", xlsx_script);
    std::istringstream out(
        run_command("/usr/bin/python3 " + quoted(dir / "read.py") + " " + quoted(dir / "in.xlsx")));
    workbook_cells cells;
    std::string line;
    if (!std::getline(out, line)) throw std::runtime_error("openpyxl printed nothing");
    cells.sheet_title = boost::json::parse(line).as_string();
    while (std::getline(out, line)) {
        std::vector<std::string> row;
        boost::json::value parsed = boost::json::parse(line);
        for (auto const& v : parsed.as_array()) row.emplace_back(v.as_string());
        cells.rows.push_back(std::move(row));
    }
    return cells;
}

}  // namespace bimtek::testing
