#include "shared/time/time_zone.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>

namespace bimtek {
namespace {

using namespace std::chrono;

std::int64_t read_be(std::string_view data, std::size_t pos, std::size_t width) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < width; ++i) v = (v << 8) | static_cast<unsigned char>(data[pos + i]);
    if (width == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
    return static_cast<std::int64_t>(v);
}

bool plain_zone_name(std::string_view name) {
    if (name.empty() || name.size() > 64 || name.front() == '/' || name.find("..") != name.npos)
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
               c == '_' || c == '-' || c == '+';
    });
}

constexpr std::array<std::string_view, 12> month_names_id{
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember"};
constexpr std::array<std::string_view, 12> month_names_en{
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"};

}  // namespace

std::optional<time_zone> time_zone::load(std::string_view name, std::string const& zoneinfo_dir) {
    if (!plain_zone_name(name)) return std::nullopt;
    std::ifstream in(zoneinfo_dir + "/" + std::string(name), std::ios::binary);
    if (!in) return std::nullopt;
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (data.size() < 44 || data.compare(0, 4, "TZif") != 0) return std::nullopt;

    // RFC 8536: a version-1 block with 32-bit times, then (version >= 2) the same with 64-bit.
    auto counts = [&](std::size_t at, std::array<std::int64_t, 6>& c) {
        if (at + 44 > data.size()) return false;
        for (std::size_t i = 0; i < 6; ++i) c[i] = read_be(data, at + 20 + 4 * i, 4);
        return true;
    };
    std::array<std::int64_t, 6> c{};  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
    if (!counts(0, c)) return std::nullopt;
    std::size_t block = 44;
    std::size_t time_width = 4;
    if (data[4] >= '2') {
        std::size_t v1 = static_cast<std::size_t>(c[3] * 5 + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]);
        if (!counts(44 + v1, c)) return std::nullopt;
        block = 44 + v1 + 44;
        time_width = 8;
    }
    auto timecnt = static_cast<std::size_t>(c[3]), typecnt = static_cast<std::size_t>(c[4]),
         charcnt = static_cast<std::size_t>(c[5]);
    std::size_t need = timecnt * (time_width + 1) + typecnt * 6 + charcnt;
    if (typecnt == 0 || block + need > data.size()) return std::nullopt;

    time_zone z;
    z.name_ = std::string(name);
    std::size_t p = block;
    for (std::size_t i = 0; i < timecnt; ++i, p += time_width) z.transitions_.push_back(read_be(data, p, time_width));
    for (std::size_t i = 0; i < timecnt; ++i, ++p) {
        auto k = static_cast<std::uint8_t>(data[p]);
        if (k >= typecnt) return std::nullopt;
        z.kind_index_.push_back(k);
    }
    std::size_t chars = p + typecnt * 6;
    bool initial_set = false;
    for (std::size_t i = 0; i < typecnt; ++i, p += 6) {
        auto offset = static_cast<std::int32_t>(read_be(data, p, 4));
        bool dst = data[p + 4] != 0;
        auto idx = static_cast<unsigned char>(data[p + 5]);
        std::string abbr;
        for (std::size_t q = chars + idx; q < chars + charcnt && data[q] != '\0'; ++q) abbr.push_back(data[q]);
        z.kinds_.push_back({offset, abbr});
        if (!dst && !initial_set) {
            z.initial_kind_ = i;
            initial_set = true;
        }
    }
    return z;
}

time_zone time_zone::fixed(std::string name, std::chrono::seconds offset, std::string abbreviation) {
    time_zone z;
    z.name_ = std::move(name);
    z.kinds_.push_back({static_cast<std::int32_t>(offset.count()), std::move(abbreviation)});
    return z;
}

std::size_t time_zone::kind_at(timestamp utc) const {
    auto secs = floor<seconds>(utc).time_since_epoch().count();
    auto it = std::upper_bound(transitions_.begin(), transitions_.end(), secs);
    if (it == transitions_.begin()) return initial_kind_;
    return kind_index_[static_cast<std::size_t>(std::distance(transitions_.begin(), it) - 1)];
}

seconds time_zone::offset_at(timestamp utc) const { return seconds{kinds_[kind_at(utc)].offset}; }

std::string time_zone::abbreviation_at(timestamp utc) const { return kinds_[kind_at(utc)].abbreviation; }

timestamp time_zone::to_utc(timestamp wall) const {
    // Try the offset in force at the wall time read as UTC, then refine once: exact for every
    // zone whose offsets differ by less than the gap between their transitions.
    auto guess = wall - offset_at(wall);
    auto second = wall - offset_at(guess);
    return std::min(guess, second);
}

local_fields time_zone::to_local(timestamp utc) const {
    auto wall = utc + offset_at(utc);
    auto day = floor<days>(wall);
    year_month_day ymd{day};
    hh_mm_ss<milliseconds> hms{wall - day};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day())), static_cast<int>(hms.hours().count()),
            static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count())};
}

std::string time_zone::format_datetime(timestamp utc) const {
    auto f = to_local(utc);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", f.year, f.month, f.day, f.hour, f.minute);
    return buf;
}

std::string time_zone::format_time(timestamp utc) const {
    auto f = to_local(utc);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", f.hour, f.minute);
    return buf;
}

std::string time_zone::format_date_long(timestamp utc, std::string_view lang) const {
    auto f = to_local(utc);
    auto const& names = lang == "en" ? month_names_en : month_names_id;
    std::string month(names[static_cast<std::size_t>(f.month - 1)]);
    char buf[48];
    if (lang == "en")
        std::snprintf(buf, sizeof buf, "%s %d, %d", month.c_str(), f.day, f.year);
    else
        std::snprintf(buf, sizeof buf, "%d %s %d", f.day, month.c_str(), f.year);
    return buf;
}

std::string time_zone::format_iso_local(timestamp utc) const {
    auto f = to_local(utc);
    auto off = offset_at(utc).count();
    char sign = off < 0 ? '-' : '+';
    if (off < 0) off = -off;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", f.year, f.month, f.day, f.hour,
                  f.minute, f.second, sign, static_cast<int>(off / 3600), static_cast<int>(off % 3600 / 60));
    return buf;
}

}  // namespace bimtek
