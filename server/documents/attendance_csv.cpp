#include "server/documents/attendance_csv.hpp"

#include "server/documents/printable_text.hpp"
#include "shared/text/csv.hpp"

namespace bimtek::documents {

std::string render_attendance_csv(attendance_sheet const& sheet) {
    std::string out = "\xEF\xBB\xBF";
    std::vector<std::string> header = attendance_header(sheet);
    for (auto& h : header) h = printable_utf8(h);
    text::write_csv_record(out, header);
    std::size_t number = 0;
    for (auto const& r : sheet.rows) {
        std::vector<std::string> fields{std::to_string(++number),
                                        printable_utf8(r.name),
                                        printable_utf8(r.category),
                                        printable_utf8(r.region),
                                        r.mode,
                                        r.checked_in};
        for (long m : r.minutes) fields.push_back(std::to_string(m));
        fields.push_back(std::to_string(r.total_minutes));
        fields.push_back(r.status);
        text::write_csv_record(out, fields);
    }
    text::write_csv_record(out, attendance_totals(sheet));
    return out;
}

}  // namespace bimtek::documents
