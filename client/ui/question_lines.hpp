// One question as one line of text (for `questions`, `qa` and the live view).
#pragma once

#include <string>

#include "client/live/live_state.hpp"
#include "client/ui/messages.hpp"

namespace bimtek::client::ui {

std::string status_label(lang l, std::string const& status);
// "#12 ▲3 [disetujui] Bagaimana cara ...? — Siti Nurhaliza" (no status when "with_status" is
// false; "anonim" for anonymous questions).
std::string question_line(lang l, live::live_question const& q, bool with_status = true);

}  // namespace bimtek::client::ui
