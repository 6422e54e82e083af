// The full-screen live view of `bimtek watch` as text: a pure function of the state, the time
// and the screen size, so it is tested at a fixed width without a terminal.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "client/live/live_state.hpp"
#include "client/ui/messages.hpp"
#include "shared/time/time_zone.hpp"
#include "shared/time/timestamp.hpp"

namespace bimtek::client::ui {

struct view_options {
    std::size_t width = 80;
    std::size_t height = 24;
    timestamp now{};
    lang language = lang::id;
};

// Exactly "height" lines, each exactly "width" columns wide (padded with spaces). Sizes below
// 40x16 are treated as that minimum.
std::vector<std::string> render_live_view(live::live_state const& s, time_zone const& tz,
                                          view_options const& o);

// "1:02:03" / "0:42" style elapsed time (H:MM:SS).
std::string format_elapsed(std::chrono::milliseconds d);

}  // namespace bimtek::client::ui
