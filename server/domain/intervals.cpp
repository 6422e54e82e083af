#include "server/domain/intervals.hpp"

#include <algorithm>

namespace bimtek::domain {

std::vector<interval> merge_intervals(std::vector<interval> spans) {
    std::erase_if(spans, [](interval const& i) { return i.empty(); });
    std::sort(spans.begin(), spans.end(),
              [](interval const& a, interval const& b) { return a.begin < b.begin; });
    std::vector<interval> out;
    for (interval const& i : spans) {
        if (!out.empty() && i.begin <= out.back().end)
            out.back().end = std::max(out.back().end, i.end);
        else
            out.push_back(i);
    }
    return out;
}

interval clip(interval span, interval window) {
    interval out{std::max(span.begin, window.begin), std::min(span.end, window.end)};
    if (out.empty()) out.end = out.begin;
    return out;
}

std::chrono::milliseconds overlap(std::vector<interval> const& merged, interval window) {
    std::chrono::milliseconds total{0};
    if (window.empty()) return total;
    for (interval const& i : merged) {
        if (i.begin >= window.end) break;  // sorted: nothing later overlaps
        total += clip(i, window).length();
    }
    return total;
}

double to_minutes(std::chrono::milliseconds d) {
    return static_cast<double>(d.count()) / 60000.0;
}

}  // namespace bimtek::domain
