#include "server/domain/participant_rules.hpp"

#include "shared/text/utf8.hpp"

namespace bimtek::domain {
namespace {

// Adds "required" when a field that must be given is missing; true when it is present.
bool present(std::optional<std::string> const& v, std::string_view field, bool require_all,
             field_problems& out) {
    if (v) return true;
    if (require_all) out.add(std::string(field), "required", std::string(field) + " is required");
    return false;
}

// An optional text field: empty after trimming means "none".
void apply_optional(std::optional<std::string> const& v, std::string_view field, std::size_t max,
                    std::optional<std::string>& into, field_problems& out) {
    if (!v) return;
    if (text::valid_utf8(*v) && text::trim(*v).empty()) {
        into.reset();
        return;
    }
    if (auto cleaned = clean_line(field, *v, 1, max, out)) into = std::move(*cleaned);
}

}  // namespace

std::optional<std::string> normalize_phone(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\t') continue;
        if (c == '+' && out.empty()) {
            out.push_back(c);
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        out.push_back(c);
    }
    std::size_t digits = out.size() - (!out.empty() && out.front() == '+' ? 1 : 0);
    if (digits < 8 || digits > 15) return std::nullopt;
    return out;
}

void apply_participant_fields(participant_fields const& f, bool require_all, participant& p,
                              field_problems& out) {
    if (present(f.name, "name", require_all, out))
        if (auto v = clean_line("name", *f.name, 1, max_participant_name, out))
            p.name = std::move(*v);

    if (present(f.category, "category", require_all, out)) {
        if (auto c = parse_category(text::trim(*f.category)))
            p.category = *c;
        else if (text::trim(*f.category).empty())
            out.add("category", "required", "category is required");
        else
            out.add("category", "unknown_category",
                    "category must be one of KPM PKH Graduasi, Koordinator PKH, Koordinator TKSK, "
                    "Pendamping, Lainnya");
    }

    if (present(f.region, "region", require_all, out))
        if (auto v = clean_line("region", *f.region, 1, max_region, out)) p.region = std::move(*v);

    if (f.phone) {
        std::string_view typed =
            text::valid_utf8(*f.phone) ? text::trim(*f.phone) : std::string_view(*f.phone);
        if (typed.empty()) {
            p.phone.reset();
        } else if (auto phone = normalize_phone(typed)) {
            p.phone = std::move(*phone);
        } else {
            out.add("phone", "invalid_phone", "phone must be 8 to 15 digits, optionally after a +");
        }
    }

    apply_optional(f.business_name, "business_name", max_business_name, p.business_name, out);

    if (present(f.mode, "mode", require_all, out)) {
        if (auto m = parse_mode(text::trim(*f.mode)))
            p.mode = *m;
        else if (text::trim(*f.mode).empty())
            out.add("mode", "required", "mode is required");
        else
            out.add("mode", "unknown_mode", "mode must be onsite (luring) or online (daring)");
    }
}

}  // namespace bimtek::domain
