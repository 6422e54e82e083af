#include "shared/time/iso8601.hpp"

#include <cstdio>

namespace bimtek {
namespace {

using namespace std::chrono;

bool read_digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

struct parsed {
    timestamp wall;           // the fields as if UTC
    std::size_t end = 0;      // index after the time part
};

std::optional<parsed> parse_wall(std::string_view s) {
    int y, mo, d, h, mi, sec = 0, ms = 0;
    if (!read_digits(s, 0, 4, y) || s.size() < 16 || s[4] != '-' || !read_digits(s, 5, 2, mo) ||
        s[7] != '-' || !read_digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
        !read_digits(s, 11, 2, h) || s[13] != ':' || !read_digits(s, 14, 2, mi))
        return std::nullopt;
    std::size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!read_digits(s, pos + 1, 2, sec)) return std::nullopt;
        pos += 3;
        if (pos < s.size() && s[pos] == '.') {
            ++pos;
            std::size_t digits = 0;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                if (digits < 3) ms = ms * 10 + (s[pos] - '0');
                ++digits;
                ++pos;
            }
            if (digits == 0) return std::nullopt;
            for (std::size_t i = digits; i < 3; ++i) ms *= 10;
        }
    }
    year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || sec > 59) return std::nullopt;
    auto t = sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec} + milliseconds{ms};
    return parsed{time_point_cast<milliseconds>(t), pos};
}

}  // namespace

std::string format_iso8601(timestamp t) {
    auto day = floor<days>(t);
    year_month_day ymd{day};
    hh_mm_ss<milliseconds> hms{t - day};
    char buf[40];
    int y = static_cast<int>(ymd.year());
    auto mo = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
    auto h = static_cast<int>(hms.hours().count()), mi = static_cast<int>(hms.minutes().count()),
         s = static_cast<int>(hms.seconds().count()), ms = static_cast<int>(hms.subseconds().count());
    if (ms == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, mo, d, h, mi, s);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", y, mo, d, h, mi, s, ms);
    return buf;
}

std::optional<timestamp> parse_iso8601(std::string_view s) {
    auto p = parse_wall(s);
    if (!p) return std::nullopt;
    std::string_view rest = s.substr(p->end);
    if (rest == "Z" || rest == "z") return p->wall;
    int oh, om;
    if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || !read_digits(rest, 1, 2, oh) ||
        rest[3] != ':' || !read_digits(rest, 4, 2, om) || oh > 23 || om > 59)
        return std::nullopt;
    auto offset = hours{oh} + minutes{om};
    return rest[0] == '+' ? p->wall - offset : p->wall + offset;
}

std::optional<timestamp> parse_local_iso8601(std::string_view s) {
    auto p = parse_wall(s);
    if (!p || p->end != s.size()) return std::nullopt;
    return p->wall;
}

bool has_utc_offset(std::string_view s) {
    auto p = parse_wall(s);
    return p && p->end < s.size();
}

}  // namespace bimtek
