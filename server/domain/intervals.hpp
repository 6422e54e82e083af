// Time intervals for attendance: merging a person's visits (or online presence) into disjoint
// spans, and measuring how much of them falls inside a window such as a session's actual run.
// Pure functions; use from any thread.
#pragma once

#include <chrono>
#include <vector>

#include "shared/time/timestamp.hpp"

namespace bimtek::domain {

// The half-open span [begin, end). Empty when end <= begin.
struct interval {
    timestamp begin{};
    timestamp end{};

    bool empty() const { return end <= begin; }
    std::chrono::milliseconds length() const {
        return empty() ? std::chrono::milliseconds{0} : end - begin;
    }
};

// Sorted, disjoint, non-empty intervals covering exactly the union of "spans"; touching
// intervals ([a,b) and [b,c)) become one. Empty spans are dropped.
std::vector<interval> merge_intervals(std::vector<interval> spans);

// "span" cut to "window"; empty when they do not overlap.
interval clip(interval span, interval window);

// Time that "merged" (as merge_intervals returns) covers inside "window".
std::chrono::milliseconds overlap(std::vector<interval> const& merged, interval window);

// Milliseconds as fractional minutes.
double to_minutes(std::chrono::milliseconds d);

}  // namespace bimtek::domain
