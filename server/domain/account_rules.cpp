#include "server/domain/account_rules.hpp"

#include <algorithm>

#include "shared/text/utf8.hpp"

namespace bimtek::domain {

std::string fold_username(std::string_view typed) {
    std::string out(text::trim(typed));
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool check_username(std::string_view folded, field_problems& out, std::string_view field) {
    std::string name(field);
    if (folded.empty()) {
        out.add(name, "required", name + " is required");
        return false;
    }
    bool allowed = std::all_of(folded.begin(), folded.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
    if (!allowed) {
        out.add(name, "invalid_characters", name + " may hold only a-z, 0-9, '.', '_' and '-'");
        return false;
    }
    if (folded.size() < min_username) {
        out.add(name, "too_short", name + " needs at least 3 characters");
        return false;
    }
    if (folded.size() > max_username) {
        out.add(name, "too_long", name + " is longer than 32 characters");
        return false;
    }
    return true;
}

bool check_password(std::string_view password, field_problems& out, std::string_view field) {
    std::string name(field);
    if (password.empty()) {
        out.add(name, "required", name + " is required");
        return false;
    }
    if (password.size() < min_password) {
        out.add(name, "too_short", name + " needs at least 8 characters");
        return false;
    }
    if (password.size() > max_password) {
        out.add(name, "too_long", name + " is longer than 256 bytes");
        return false;
    }
    return true;
}

}  // namespace bimtek::domain
