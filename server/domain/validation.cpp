#include "server/domain/validation.hpp"

#include "shared/text/utf8.hpp"

namespace bimtek::domain {

void field_problems::add(std::string field, std::string code, std::string message) {
    list_.push_back(problem{line_, std::move(field), std::move(code), std::move(message)});
}

status field_problems::to_status() const {
    if (list_.empty()) return {};
    error e = make_error(error_kind::invalid, "invalid_field", list_.front().message);
    e.problems = list_;
    return e;
}

std::optional<std::string> clean_line(std::string_view field, std::string_view value,
                                      std::size_t min, std::size_t max, field_problems& out) {
    std::string name(field);
    if (!text::valid_utf8(value)) {
        out.add(name, "invalid_utf8", name + " is not valid UTF-8 text");
        return std::nullopt;
    }
    std::string cleaned = text::squeeze_spaces(value);
    std::size_t n = text::code_points(cleaned);
    if (n < min) {
        if (n == 0)
            out.add(name, "required", name + " is required");
        else
            out.add(name, "too_short",
                    name + " needs at least " + std::to_string(min) + " characters");
        return std::nullopt;
    }
    if (n > max) {
        out.add(name, "too_long", name + " is longer than " + std::to_string(max) + " characters");
        return std::nullopt;
    }
    return cleaned;
}

bool check_range(std::string_view field, long long value, long long lo, long long hi,
                 field_problems& out) {
    if (value >= lo && value <= hi) return true;
    std::string name(field);
    out.add(name, "out_of_range",
            name + " must be between " + std::to_string(lo) + " and " + std::to_string(hi));
    return false;
}

}  // namespace bimtek::domain
