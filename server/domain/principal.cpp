#include "server/domain/principal.hpp"

namespace bimtek::domain {

std::string_view to_string(role r) {
    switch (r) {
        case role::coordinator: return "coordinator";
        case role::speaker: return "speaker";
        case role::participant: return "participant";
    }
    return "participant";
}

std::optional<role> parse_role(std::string_view s) {
    if (s == "coordinator") return role::coordinator;
    if (s == "speaker") return role::speaker;
    if (s == "participant") return role::participant;
    return std::nullopt;
}

}  // namespace bimtek::domain
