// The attendance list (daftar hadir) a coordinator hands in, as plain data: one row per
// participant, minutes per session, completion, and the totals. attendance_csv and
// attendance_xlsx write it; the transport fills it from the domain's completion report.
#pragma once

#include <string>
#include <vector>

namespace bimtek::documents {

struct attendance_sheet_row {
    std::string name;
    std::string category;  // the label: "KPM PKH Graduasi"
    std::string region;
    std::string mode;  // "Luring" / "Daring"
    bool online = false;
    std::string checked_in;  // first arrival in the event's zone, "2026-11-26 08:50"; "" if never
    std::vector<long> minutes;  // whole minutes per session, in the order of "sessions"
    long total_minutes = 0;
    std::string status;  // "Selesai", "Belum selesai", "Tidak selesai"
    bool completed = false;
};

struct attendance_sheet {
    std::string title;       // "Daftar Hadir — Bimtek ..." (workbook title, print header)
    std::string time_label;  // the zone's abbreviation for the check-in column: "WIB"
    std::vector<std::string> sessions;  // session titles, one minutes column each
    std::vector<attendance_sheet_row> rows;
};

// The header row: "No", "Nama", "Kategori", "Wilayah", "Mode", "Check-in (WIB)", one
// "<session> (menit)" per session, "Total menit", "Status".
std::vector<std::string> attendance_header(attendance_sheet const& sheet);

// The totals row under the participants: "Jumlah", "<n> peserta", "", "Luring x / Daring y",
// "<n> hadir", the sum of each minutes column, the total, "<n> selesai".
std::vector<std::string> attendance_totals(attendance_sheet const& sheet);

}  // namespace bimtek::documents
