#include "server/domain/roster_csv.hpp"

#include <array>
#include <optional>
#include <set>

#include "server/domain/participant_rules.hpp"
#include "shared/text/csv.hpp"
#include "shared/text/utf8.hpp"

namespace bimtek::domain {
namespace {

enum class column { name, category, region, phone, business_name, mode };
constexpr std::size_t column_count = 6;

struct column_names {
    column col;
    std::string_view field;  // as problems name it
    bool required;
    std::array<std::string_view, 7> synonyms;  // empty entries unused
};

constexpr std::array<column_names, column_count> columns{{
    {column::name, "name", true, {"name", "nama", "nama_lengkap"}},
    {column::category, "category", true, {"category", "kategori"}},
    {column::region, "region", true, {"region", "wilayah", "daerah", "kabupaten_kota", "kota"}},
    {column::phone,
     "phone",
     false,
     {"phone", "telepon", "no_hp", "nomor_hp", "hp", "whatsapp", "no_wa"}},
    {column::business_name,
     "business_name",
     false,
     {"business", "business_name", "usaha", "nama_usaha"}},
    {column::mode, "mode", true, {"mode", "kehadiran", "mode_kehadiran"}},
}};

// "  Nama Lengkap ", "No. HP" and "Kabupaten/Kota" as "nama_lengkap", "no_hp", "kabupaten_kota".
std::string fold_header(std::string_view s) {
    std::string out;
    for (char c : text::trim(s)) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c == ' ' || c == '-' || c == '.' || c == '/' || c == '\t') c = '_';
        if (c == '_' && (out.empty() || out.back() == '_')) continue;
        out.push_back(c);
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

std::optional<column> column_of(std::string_view header) {
    std::string f = fold_header(header);
    for (auto const& c : columns)
        for (std::string_view s : c.synonyms)
            if (!s.empty() && f == s) return c.col;
    return std::nullopt;
}

// Where each known column sits in the file.
using column_positions = std::array<std::optional<std::size_t>, column_count>;

std::optional<std::string> field_at(std::vector<std::string> const& fields,
                                    column_positions const& at, column c) {
    auto const& pos = at[static_cast<std::size_t>(c)];
    if (!pos) return std::nullopt;
    return fields[*pos];
}

error roster_error(std::string code, std::string message) {
    return make_error(error_kind::invalid, std::move(code), std::move(message));
}

error invalid_roster(std::vector<problem> problems) {
    std::set<std::size_t> lines;
    for (problem const& p : problems) lines.insert(p.line);
    std::string message = lines.size() == 1 ? "1 line has problems"
                                            : std::to_string(lines.size()) + " lines have problems";
    error e = roster_error("invalid_roster", message);
    e.problems = std::move(problems);
    return e;
}

}  // namespace

result<std::vector<participant>> read_roster_csv(std::string_view csv, std::size_t max_rows) {
    text::csv_document doc = text::read_csv(csv);
    std::vector<problem> problems;
    auto syntax_problem = [&] {
        if (doc.error)
            problems.push_back(problem{doc.error->line, "", "csv_syntax", doc.error->message});
    };

    if (doc.records.empty()) {
        if (doc.error) {
            syntax_problem();
            return invalid_roster(std::move(problems));
        }
        return roster_error("empty_roster", "the file holds no participants");
    }

    // The header.
    text::csv_record const& header = doc.records.front();
    column_positions at{};
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        auto c = column_of(header.fields[i]);
        if (!c) continue;
        auto& pos = at[static_cast<std::size_t>(*c)];
        if (pos) {
            std::string field(columns[static_cast<std::size_t>(*c)].field);
            problems.push_back(problem{header.line, field, "duplicate_column",
                                       "more than one column holds " + field});
        } else {
            pos = i;
        }
    }
    for (auto const& c : columns) {
        if (c.required && !at[static_cast<std::size_t>(c.col)]) {
            std::string field(c.field);
            problems.push_back(problem{header.line, field, "missing_column",
                                       "the header has no " + field + " column"});
        }
    }
    if (!problems.empty()) return invalid_roster(std::move(problems));

    std::size_t rows = doc.records.size() - 1;
    if (rows == 0 && !doc.error)
        return roster_error("empty_roster", "the file holds a header but no participants");
    if (rows > max_rows)
        return roster_error("too_many_rows",
                            "a roster holds at most " + std::to_string(max_rows) + " participants");

    // Every data line.
    std::vector<participant> out;
    out.reserve(rows);
    for (std::size_t k = 1; k < doc.records.size(); ++k) {
        text::csv_record const& rec = doc.records[k];
        if (rec.fields.size() != header.fields.size()) {
            problems.push_back(problem{rec.line, "", "wrong_field_count",
                                       "expected " + std::to_string(header.fields.size()) +
                                           " fields, found " + std::to_string(rec.fields.size())});
            continue;
        }
        participant_fields f;
        f.name = field_at(rec.fields, at, column::name);
        f.category = field_at(rec.fields, at, column::category);
        f.region = field_at(rec.fields, at, column::region);
        f.phone = field_at(rec.fields, at, column::phone);
        f.business_name = field_at(rec.fields, at, column::business_name);
        f.mode = field_at(rec.fields, at, column::mode);
        field_problems line_problems(rec.line);
        participant p;
        apply_participant_fields(f, true, p, line_problems);
        if (!line_problems.empty()) {
            for (problem& pr : line_problems.take()) problems.push_back(std::move(pr));
            continue;
        }
        out.push_back(std::move(p));
    }
    syntax_problem();
    if (!problems.empty()) return invalid_roster(std::move(problems));
    return out;
}

}  // namespace bimtek::domain
