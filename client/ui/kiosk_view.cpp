#include "client/ui/kiosk_view.hpp"

#include <algorithm>

#include "client/ui/big_text.hpp"
#include "client/ui/text_fit.hpp"

namespace bimtek::client::ui {

std::string kiosk_line(lang l, kiosk_result const& r) {
    using k = kiosk_result::kind;
    std::string out;
    switch (r.what) {
        case k::checked_in:
            out = format(l, msg::kiosk_checked_in, {r.name, r.time});
            break;
        case k::already:
            out = format(l, msg::kiosk_already, {r.name, r.time});
            break;
        case k::unknown:
            out = format(l, msg::kiosk_unknown, {r.code});
            break;
        case k::rejected:
            out = format(l, msg::kiosk_rejected, {r.code, r.reason});
            break;
        case k::queued:
            return format(l, msg::kiosk_queued, {r.code, std::to_string(r.waiting)});
    }
    if (r.mode_mismatch) out += " " + std::string(text(l, msg::kiosk_mode_mismatch));
    if (r.over_capacity) out += " " + std::string(text(l, msg::kiosk_over_capacity));
    if (r.from_queue) out += " " + format(l, msg::kiosk_from_queue, {r.scanned_time});
    return out;
}

std::vector<std::string> kiosk_screen(lang l, kiosk_result const& r, std::string const& title,
                                      std::size_t width, std::size_t height) {
    using k = kiosk_result::kind;
    std::vector<std::string> out;
    out.push_back(fit(" " + title, width));
    out.emplace_back();
    std::string headline;
    switch (r.what) {
        case k::checked_in:
            headline = std::string(text(l, msg::kiosk_big_checked_in));
            break;
        case k::already:
            headline = format(l, msg::kiosk_big_already, {r.time});
            break;
        case k::unknown:
            headline = std::string(text(l, msg::kiosk_big_unknown));
            break;
        case k::rejected:
            headline = std::string(text(l, msg::kiosk_big_rejected));
            break;
        case k::queued:
            headline = std::string(text(l, msg::kiosk_big_queued));
            break;
    }
    std::size_t inner = width > 4 ? width - 4 : width;
    for (auto& row : big_text(headline, inner)) out.push_back("  " + row);
    out.emplace_back();
    if (!r.name.empty()) {
        auto name_rows = big_text(r.name, inner);
        if (name_rows.size() <= 2 * big_text_rows + 1 && big_text_width(r.name) > 0) {
            for (auto& row : name_rows) out.push_back("  " + row);
        }
        out.emplace_back();
    }
    out.push_back(fit("  " + kiosk_line(l, r), width));
    std::string footer;
    if (r.onsite_present >= 0)
        footer = format(l, msg::kiosk_onsite_count, {std::to_string(r.onsite_present)});
    if (r.waiting > 0) {
        if (!footer.empty()) footer += " · ";
        footer += format(l, msg::kiosk_flush_not_empty, {std::to_string(r.waiting)});
    }
    // Keep the last lines (result and footer) when the screen is short.
    if (out.size() + 2 > height) {
        auto line = out.back();
        out.resize(height >= 2 ? height - 2 : 0);
        out.push_back(line);
    }
    while (out.size() + 1 < height) out.emplace_back();
    out.push_back(fit("  " + footer, width));
    out.resize(height);
    return out;
}

}  // namespace bimtek::client::ui
