#include "client/ui/question_lines.hpp"

namespace bimtek::client::ui {

std::string status_label(lang l, std::string const& status) {
    if (status == "pending") return std::string(text(l, msg::q_status_pending));
    if (status == "approved") return std::string(text(l, msg::q_status_approved));
    if (status == "answered") return std::string(text(l, msg::q_status_answered));
    if (status == "pinned") return std::string(text(l, msg::q_status_pinned));
    if (status == "hidden") return std::string(text(l, msg::q_status_hidden));
    return status;
}

std::string question_line(lang l, live::live_question const& q, bool with_status) {
    std::string out = "#" + std::to_string(q.id) + " ▲" + std::to_string(q.votes);
    if (with_status) out += " [" + status_label(l, q.status) + "]";
    out += " " + (q.text.empty() ? std::string("…") : q.text);
    out += " — " + (q.author.empty() ? std::string(text(l, msg::q_anonymous)) : q.author);
    return out;
}

}  // namespace bimtek::client::ui
