#include "server/documents/attendance_sheet.hpp"

namespace bimtek::documents {

std::vector<std::string> attendance_header(attendance_sheet const& sheet) {
    std::vector<std::string> h{"No", "Nama", "Kategori", "Wilayah", "Mode"};
    h.push_back(sheet.time_label.empty() ? "Check-in" : "Check-in (" + sheet.time_label + ")");
    for (auto const& s : sheet.sessions) h.push_back(s + " (menit)");
    h.push_back("Total menit");
    h.push_back("Status");
    return h;
}

std::vector<std::string> attendance_totals(attendance_sheet const& sheet) {
    std::size_t online = 0, arrived = 0, completed = 0;
    std::vector<long> sums(sheet.sessions.size(), 0);
    long total = 0;
    for (auto const& r : sheet.rows) {
        online += r.online;
        arrived += !r.checked_in.empty();
        completed += r.completed;
        for (std::size_t k = 0; k < sums.size() && k < r.minutes.size(); ++k)
            sums[k] += r.minutes[k];
        total += r.total_minutes;
    }
    std::vector<std::string> t{"",
                               "Jumlah",
                               std::to_string(sheet.rows.size()) + " peserta",
                               "",
                               "Luring " + std::to_string(sheet.rows.size() - online) +
                                   " / Daring " + std::to_string(online),
                               std::to_string(arrived) + " hadir"};
    for (long s : sums) t.push_back(std::to_string(s));
    t.push_back(std::to_string(total));
    t.push_back(std::to_string(completed) + " selesai");
    return t;
}

}  // namespace bimtek::documents
