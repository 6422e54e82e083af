#include "client/ui/big_text.hpp"

#include <array>

#include "shared/text/utf8.hpp"

namespace bimtek::client::ui {
namespace {

struct glyph {
    char c;
    std::array<char const*, big_text_rows> rows;  // '#' is a block; all rows equally wide
};

constexpr glyph font[] = {
    {'A', {" ## ", "#  #", "####", "#  #", "#  #"}},
    {'B', {"### ", "#  #", "### ", "#  #", "### "}},
    {'C', {" ###", "#   ", "#   ", "#   ", " ###"}},
    {'D', {"### ", "#  #", "#  #", "#  #", "### "}},
    {'E', {"####", "#   ", "### ", "#   ", "####"}},
    {'F', {"####", "#   ", "### ", "#   ", "#   "}},
    {'G', {" ###", "#   ", "# ##", "#  #", " ###"}},
    {'H', {"#  #", "#  #", "####", "#  #", "#  #"}},
    {'I', {"###", " # ", " # ", " # ", "###"}},
    {'J', {"  ##", "   #", "   #", "#  #", " ## "}},
    {'K', {"#  #", "# # ", "##  ", "# # ", "#  #"}},
    {'L', {"#   ", "#   ", "#   ", "#   ", "####"}},
    {'M', {"#   #", "## ##", "# # #", "#   #", "#   #"}},
    {'N', {"#   #", "##  #", "# # #", "#  ##", "#   #"}},
    {'O', {" ## ", "#  #", "#  #", "#  #", " ## "}},
    {'P', {"### ", "#  #", "### ", "#   ", "#   "}},
    {'Q', {" ## ", "#  #", "#  #", "# ##", " ###"}},
    {'R', {"### ", "#  #", "### ", "# # ", "#  #"}},
    {'S', {" ###", "#   ", " ## ", "   #", "### "}},
    {'T', {"#####", "  #  ", "  #  ", "  #  ", "  #  "}},
    {'U', {"#  #", "#  #", "#  #", "#  #", " ## "}},
    {'V', {"#   #", "#   #", "#   #", " # # ", "  #  "}},
    {'W', {"#   #", "#   #", "# # #", "## ##", "#   #"}},
    {'X', {"#   #", " # # ", "  #  ", " # # ", "#   #"}},
    {'Y', {"#   #", " # # ", "  #  ", "  #  ", "  #  "}},
    {'Z', {"####", "   #", " ## ", "#   ", "####"}},
    {'0', {" ## ", "#  #", "#  #", "#  #", " ## "}},
    {'1', {" # ", "## ", " # ", " # ", "###"}},
    {'2', {"### ", "   #", " ## ", "#   ", "####"}},
    {'3', {"### ", "   #", " ## ", "   #", "### "}},
    {'4', {"#  #", "#  #", "####", "   #", "   #"}},
    {'5', {"####", "#   ", "### ", "   #", "### "}},
    {'6', {" ## ", "#   ", "### ", "#  #", " ## "}},
    {'7', {"####", "   #", "  # ", " #  ", " #  "}},
    {'8', {" ## ", "#  #", " ## ", "#  #", " ## "}},
    {'9', {" ## ", "#  #", " ###", "   #", " ## "}},
    {':', {" ", "#", " ", "#", " "}},
    {'.', {" ", " ", " ", " ", "#"}},
    {',', {"  ", "  ", "  ", " #", "# "}},
    {'-', {"   ", "   ", "###", "   ", "   "}},
    {'\'', {"#", "#", " ", " ", " "}},
    {'!', {"#", "#", "#", " ", "#"}},
    {'?', {"### ", "   #", " ## ", "    ", " #  "}},
    {'/', {"   #", "  # ", " #  ", "#   ", "    "}},
    {'(', {" #", "# ", "# ", "# ", " #"}},
    {')', {"# ", " #", " #", " #", "# "}},
    {' ', {"  ", "  ", "  ", "  ", "  "}},
};

glyph const* find(char c) {
    for (auto const& g : font)
        if (g.c == c) return &g;
    return nullptr;
}

std::size_t width_of(glyph const& g) {
    return std::string_view(g.rows[0]).size();
}

// The font's letter for the code point starting at "s[i]"; advances "i".
char letter_at(std::string_view s, std::size_t& i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        ++i;
        if (c >= 'a' && c <= 'z') return static_cast<char>(c - 'a' + 'A');
        return find(static_cast<char>(c)) ? static_cast<char>(c) : ' ';
    }
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char base = ' ';
    if (c == 0xC3 && i + 1 < s.size()) {  // Latin-1 letters: À..ÿ
        static constexpr char map[] =
            "AAAAAAACEEEEIIIIDNOOOOO OUUUUY  aaaaaaaceeeeiiiidnooooo ouuuuy y";
        auto d = static_cast<unsigned char>(s[i + 1]);
        if (d >= 0x80 && static_cast<std::size_t>(d - 0x80) < sizeof map - 1) base = map[d - 0x80];
        if (base >= 'a' && base <= 'z') base = static_cast<char>(base - 'a' + 'A');
    }
    i += n;
    return base;
}

std::string letters_of(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) out += letter_at(s, i);
    return out;
}

std::size_t word_width(std::string_view letters) {
    std::size_t w = 0;
    for (char c : letters) w += width_of(*find(c)) + 1;
    return w == 0 ? 0 : w - 1;
}

void draw(std::vector<std::string>& rows, std::string_view letters, std::size_t width) {
    std::array<std::string, big_text_rows> line;
    std::size_t used = 0;
    for (char c : letters) {
        auto const& g = *find(c);
        std::size_t gw = width_of(g) + (used ? 1 : 0);
        if (used + gw > width) break;
        for (std::size_t r = 0; r < big_text_rows; ++r) {
            if (used) line[r] += ' ';
            for (char px : std::string_view(g.rows[r])) line[r] += px == '#' ? "█" : " ";
        }
        used += gw;
    }
    if (!rows.empty()) rows.emplace_back();
    for (auto& r : line) rows.push_back(std::move(r));
}

}  // namespace

std::size_t big_text_width(std::string_view text) {
    return word_width(letters_of(text));
}

std::vector<std::string> big_text(std::string_view text, std::size_t width) {
    std::string letters = letters_of(text);
    std::vector<std::string> rows;
    std::string current;
    std::size_t start = 0;
    while (start < letters.size()) {
        auto space = letters.find(' ', start);
        std::string word =
            letters.substr(start, space == std::string::npos ? std::string::npos : space - start);
        start = space == std::string::npos ? letters.size() : space + 1;
        if (word.empty()) continue;
        std::string joined = current.empty() ? word : current + " " + word;
        if (word_width(joined) <= width) {
            current = std::move(joined);
            continue;
        }
        if (!current.empty()) draw(rows, current, width);
        current = std::move(word);
    }
    if (!current.empty()) draw(rows, current, width);
    return rows;
}

}  // namespace bimtek::client::ui
