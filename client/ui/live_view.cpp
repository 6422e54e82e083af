#include "client/ui/live_view.hpp"

#include <algorithm>
#include <cstdio>

#include "client/ui/question_lines.hpp"
#include "client/ui/text_fit.hpp"

namespace bimtek::client::ui {
namespace {

std::string rule(std::size_t width) {
    std::string out;
    for (std::size_t i = 0; i < width; ++i) out += "─";
    return out;
}

std::string bar(int value, int target, std::size_t cells) {
    std::size_t full = 0;
    if (target > 0)
        full = std::min(cells,
                        static_cast<std::size_t>(value) * cells / static_cast<std::size_t>(target));
    std::string out;
    for (std::size_t i = 0; i < cells; ++i) out += i < full ? "█" : "░";
    return out;
}

std::string count_line(lang l, msg label, int present, int target, std::size_t width) {
    char nums[64];
    std::snprintf(nums, sizeof nums, "%4d / %-4d", present, target);
    std::string pct = target > 0 ? std::to_string(present * 100 / target) + "%" : "";
    std::string left = "   " + pad(text(l, label), 10) + " " + nums + " ";
    std::size_t used = text::display_width(left) + 6;
    std::size_t cells = width > used + 10 ? std::min<std::size_t>(width - used, 40) : 10;
    return pad(left + bar(present, target, cells) + " " + pct, width);
}

std::string activity_line(lang l, live::activity const& a, time_zone const& tz, std::size_t width) {
    using k = live::activity::kind;
    std::string what;
    std::string mark;
    bool named = !a.name.empty();
    switch (a.what) {
        case k::checkin:
            mark = "✓";
            what = named ? format(l, msg::act_checkin, {a.name})
                         : std::string(text(l, msg::act_checkin_anon));
            break;
        case k::checkout:
            mark = "←";
            what = named ? format(l, msg::act_checkout, {a.name})
                         : std::string(text(l, msg::act_checkout_anon));
            break;
        case k::join:
            mark = "+";
            what = named ? format(l, msg::act_join, {a.name})
                         : std::string(text(l, msg::act_join_anon));
            break;
        case k::leave:
            mark = "-";
            what = named ? format(l, msg::act_leave, {a.name})
                         : std::string(text(l, msg::act_leave_anon));
            break;
    }
    return pad("   " + tz.format_time(a.at) + "  " + mark + " " + what, width);
}

}  // namespace

std::string format_elapsed(std::chrono::milliseconds d) {
    auto s = std::max<std::int64_t>(0, std::chrono::duration_cast<std::chrono::seconds>(d).count());
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
    return buf;
}

std::vector<std::string> render_live_view(live::live_state const& s, time_zone const& tz,
                                          view_options const& o) {
    std::size_t const w = std::max<std::size_t>(o.width, 40);
    std::size_t const h = std::max<std::size_t>(o.height, 16);
    lang const l = o.language;
    std::vector<std::string> out;

    std::string clock = tz.format_time(o.now) + " " + tz.abbreviation_at(o.now);
    out.push_back(spread(" BIMTEK · " + s.title, clock + " ", w));
    out.push_back(pad(" " + s.venue, w));
    out.push_back(rule(w));
    out.push_back(pad(" " + std::string(text(l, msg::view_present_now)), w));
    out.push_back(count_line(l, msg::view_onsite, s.onsite_present, s.expected_onsite, w));
    out.push_back(count_line(l, msg::view_online, s.online_present, s.expected_online, w));
    out.push_back(rule(w));

    auto const* cur = s.current_session();
    if (cur) {
        out.push_back(
            pad(" " + std::string(text(l, msg::view_current_session)) + ": " + cur->title, w));
        // Elapsed time first: it must stay visible when a long speaker name is cut.
        std::string detail =
            "   " +
            format(l, msg::view_elapsed,
                   {format_elapsed(std::chrono::duration_cast<std::chrono::milliseconds>(
                       o.now - *cur->actual_start))}) +
            " · " + tz.format_time(*cur->actual_start);
        if (!cur->speaker_name.empty())
            detail += " · " + format(l, msg::view_by, {cur->speaker_name});
        out.push_back(pad(detail, w));
    } else {
        out.push_back(pad(" " + std::string(text(l, msg::view_current_session)) + ":", w));
        out.push_back(pad("   " + std::string(text(l, msg::view_no_session)), w));
    }
    out.push_back(rule(w));

    // Fixed lines: 9 above, then 2 headers, 1 rule between the lists and 1 status line.
    std::size_t room = h - (out.size() + 4);
    std::size_t question_rows = (room + 1) / 2;
    std::size_t activity_rows = room - question_rows;

    out.push_back(pad(" " + std::string(text(l, msg::view_recent)), w));
    for (std::size_t i = 0; i < activity_rows; ++i) {
        if (i < s.recent.size()) {
            out.push_back(activity_line(l, s.recent[i], tz, w));
        } else if (i == 0) {
            out.push_back(pad("   " + std::string(text(l, msg::view_no_activity)), w));
        } else {
            out.push_back(std::string(w, ' '));
        }
    }
    out.push_back(rule(w));

    out.push_back(pad(" " + std::string(text(l, msg::view_top_questions)), w));
    auto top = s.top_questions(cur ? cur->id : 0, question_rows);
    for (std::size_t i = 0; i < question_rows; ++i) {
        if (i < top.size()) {
            bool staff = s.role == "coordinator" || s.role == "speaker";
            out.push_back(pad("   " + question_line(l, *top[i], staff), w));
        } else if (i == 0) {
            out.push_back(pad("   " + std::string(text(l, msg::view_no_questions)), w));
        } else {
            out.push_back(std::string(w, ' '));
        }
    }

    std::string status = s.connected ? "● " + std::string(text(l, msg::view_connected))
                                     : "○ " + std::string(text(l, msg::view_reconnecting));
    if (!s.connected && !s.link_detail.empty()) status += " (" + s.link_detail + ")";
    status += " · seq " + std::to_string(s.seq);
    out.push_back(spread(" " + status, std::string(text(l, msg::view_quit_hint)) + " ", w));
    return out;
}

}  // namespace bimtek::client::ui
