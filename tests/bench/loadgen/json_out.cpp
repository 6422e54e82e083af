#include "tests/bench/loadgen/json_out.hpp"

#include <cmath>
#include <cstdio>

namespace bimtek::loadgen {

std::string json_quote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out.push_back('"');
    for (char ch : text) {
        auto u = static_cast<unsigned char>(ch);
        switch (ch) {
            case '"':
                out.append("\\\"");
                break;
            case '\\':
                out.append("\\\\");
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            case '\t':
                out.append("\\t");
                break;
            default:
                if (u < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", u);
                    out.append(buf);
                } else {
                    out.push_back(ch);
                }
        }
    }
    out.push_back('"');
    return out;
}

void json_writer::key(std::string_view k) {
    if (!first_) out_.push_back(',');
    first_ = false;
    if (!k.empty()) out_.append(json_quote(k)).push_back(':');
}

json_writer& json_writer::begin_object(std::string_view k) {
    if (!out_.empty()) key(k);
    out_.push_back('{');
    first_ = true;
    return *this;
}

json_writer& json_writer::end_object() {
    out_.push_back('}');
    first_ = false;
    return *this;
}

json_writer& json_writer::field(std::string_view k, double value, int decimals) {
    key(k);
    if (!std::isfinite(value)) {
        out_.append("null");
        return *this;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    out_.append(buf);
    return *this;
}

json_writer& json_writer::field(std::string_view k, std::int64_t value) {
    key(k);
    out_.append(std::to_string(value));
    return *this;
}

json_writer& json_writer::field(std::string_view k, bool value) {
    key(k);
    out_.append(value ? "true" : "false");
    return *this;
}

json_writer& json_writer::field(std::string_view k, std::string_view value) {
    key(k);
    out_.append(json_quote(value));
    return *this;
}

json_writer& json_writer::field(std::string_view k, std::vector<std::string> const& values) {
    key(k);
    out_.push_back('[');
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out_.push_back(',');
        out_.append(json_quote(values[i]));
    }
    out_.push_back(']');
    return *this;
}

json_writer& json_writer::null_field(std::string_view k) {
    key(k);
    out_.append("null");
    return *this;
}

}  // namespace bimtek::loadgen
