#include "shared/text/csv.hpp"

namespace bimtek::text {
namespace {

char detect_separator(std::string_view text) {
    std::size_t commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == ';') ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

}  // namespace

csv_document read_csv(std::string_view text) {
    csv_document doc;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    char sep = detect_separator(text);
    std::size_t line = 1, i = 0;
    while (i < text.size()) {
        csv_record rec;
        rec.line = line;
        std::string field;
        bool record_done = false;
        while (!record_done) {
            field.clear();
            if (i < text.size() && text[i] == '"') {
                std::size_t quote_line = line;
                ++i;
                for (;;) {
                    if (i >= text.size()) {
                        doc.error = csv_error{quote_line, "quoted field is not closed"};
                        return doc;
                    }
                    char c = text[i++];
                    if (c == '"') {
                        if (i < text.size() && text[i] == '"') {
                            field.push_back('"');
                            ++i;
                        } else {
                            break;
                        }
                    } else {
                        if (c == '\n') ++line;
                        field.push_back(c);
                    }
                }
                if (i < text.size() && text[i] != sep && text[i] != '\r' && text[i] != '\n') {
                    doc.error = csv_error{line, "unexpected character after a closing quote"};
                    return doc;
                }
            } else {
                while (i < text.size() && text[i] != sep && text[i] != '\r' && text[i] != '\n') {
                    if (text[i] == '"') {
                        doc.error = csv_error{line, "quote inside an unquoted field"};
                        return doc;
                    }
                    field.push_back(text[i++]);
                }
            }
            rec.fields.push_back(field);
            if (i >= text.size()) {
                record_done = true;
            } else if (text[i] == sep) {
                ++i;
            } else {
                if (text[i] == '\r') ++i;
                if (i < text.size() && text[i] == '\n') ++i;
                ++line;
                record_done = true;
            }
        }
        bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
        if (!blank) doc.records.push_back(std::move(rec));
    }
    return doc;
}

void write_csv_record(std::string& out, std::vector<std::string> const& fields) {
    for (std::size_t k = 0; k < fields.size(); ++k) {
        if (k) out.push_back(',');
        std::string f = fields[k];
        if (!f.empty() && (f[0] == '=' || f[0] == '+' || f[0] == '-' || f[0] == '@')) {
            // Numbers such as "-5" stay numbers; anything else gets the apostrophe.
            bool numeric = f.size() > 1 && f.find_first_not_of("0123456789.", 1) == std::string::npos &&
                           (f[0] == '-' || f[0] == '+');
            if (!numeric) f.insert(f.begin(), '\'');
        }
        bool quote = f.find_first_of(",\"\r\n;") != std::string::npos;
        if (!quote) {
            out += f;
            continue;
        }
        out.push_back('"');
        for (char c : f) {
            if (c == '"') out.push_back('"');
            out.push_back(c);
        }
        out.push_back('"');
    }
    out += "\r\n";
}

}  // namespace bimtek::text
