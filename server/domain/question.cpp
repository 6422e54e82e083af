#include "server/domain/question.hpp"

namespace bimtek::domain {

std::string_view to_string(question_status s) {
    switch (s) {
        case question_status::pending: return "pending";
        case question_status::approved: return "approved";
        case question_status::answered: return "answered";
        case question_status::hidden: return "hidden";
        case question_status::pinned: return "pinned";
    }
    return "pending";
}

std::optional<question_status> parse_question_status(std::string_view s) {
    if (s == "pending") return question_status::pending;
    if (s == "approved") return question_status::approved;
    if (s == "answered") return question_status::answered;
    if (s == "hidden") return question_status::hidden;
    if (s == "pinned") return question_status::pinned;
    return std::nullopt;
}

bool is_public(question_status s) {
    return s == question_status::approved || s == question_status::answered ||
           s == question_status::pinned;
}

}  // namespace bimtek::domain
