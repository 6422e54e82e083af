#include "server/domain/participant.hpp"

#include <array>
#include <utility>

namespace bimtek::domain {
namespace {

// Lower case ASCII, with spaces, dashes and dots read as underscores: "KPM PKH-Graduasi" and
// "kpm_pkh_graduasi" compare equal.
std::string fold(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c == ' ' || c == '-' || c == '.') c = '_';
        if (c == '_' && (out.empty() || out.back() == '_')) continue;
        out.push_back(c);
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

struct category_name {
    participant_category category;
    std::string_view key;
    std::string_view label;
};

constexpr std::array<category_name, 5> categories{{
    {participant_category::kpm_pkh_graduasi, "kpm_pkh_graduasi", "KPM PKH Graduasi"},
    {participant_category::koordinator_pkh, "koordinator_pkh", "Koordinator PKH"},
    {participant_category::koordinator_tksk, "koordinator_tksk", "Koordinator TKSK"},
    {participant_category::pendamping, "pendamping", "Pendamping"},
    {participant_category::lainnya, "lainnya", "Lainnya"},
}};

}  // namespace

std::string_view to_string(attendance_mode m) { return m == attendance_mode::onsite ? "onsite" : "online"; }

std::optional<attendance_mode> parse_mode(std::string_view s) {
    std::string f = fold(s);
    for (std::string_view v : {"onsite", "on_site", "luring", "offline", "langsung", "hadir_langsung", "tatap_muka"})
        if (f == v) return attendance_mode::onsite;
    for (std::string_view v : {"online", "daring", "virtual", "hadir_virtual"})
        if (f == v) return attendance_mode::online;
    return std::nullopt;
}

std::string_view to_string(participant_category c) {
    for (auto const& n : categories)
        if (n.category == c) return n.key;
    return "lainnya";
}

std::string_view label(participant_category c) {
    for (auto const& n : categories)
        if (n.category == c) return n.label;
    return "Lainnya";
}

std::optional<participant_category> parse_category(std::string_view s) {
    std::string f = fold(s);
    for (auto const& n : categories)
        if (f == n.key || f == fold(n.label)) return n.category;
    if (f == "other" || f == "lain_lain" || f == "lain") return participant_category::lainnya;
    if (f == "kpm" || f == "kpm_pkh" || f == "kpm_graduasi") return participant_category::kpm_pkh_graduasi;
    if (f == "tksk") return participant_category::koordinator_tksk;
    return std::nullopt;
}

}  // namespace bimtek::domain
