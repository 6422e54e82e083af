#include <boost/json.hpp>

#include "shared/protocol/messages.hpp"

namespace bimtek::protocol {
namespace json = boost::json;

namespace {

decode_error invalid(std::string message) { return {"invalid_message", std::move(message)}; }

// Reads an optional field of a given kind; false when present with the wrong type.
bool opt_int(json::object const& o, std::string_view key, std::optional<std::int64_t>& out) {
    auto const* v = o.if_contains(key);
    if (!v || v->is_null()) return true;
    if (v->is_int64()) {
        out = v->as_int64();
        return true;
    }
    if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
        out = static_cast<std::int64_t>(v->as_uint64());
        return true;
    }
    return false;
}

bool opt_string(json::object const& o, std::string_view key, std::optional<std::string>& out) {
    auto const* v = o.if_contains(key);
    if (!v || v->is_null()) return true;
    if (!v->is_string()) return false;
    out = std::string(v->as_string());
    return true;
}

bool req_string(json::object const& o, std::string_view key, std::string& out) {
    auto const* v = o.if_contains(key);
    if (!v || !v->is_string()) return false;
    out = std::string(v->as_string());
    return true;
}

bool req_int(json::object const& o, std::string_view key, std::int64_t& out) {
    std::optional<std::int64_t> v;
    if (!o.contains(key) || !opt_int(o, key, v) || !v) return false;
    out = *v;
    return true;
}

// The object in "text" and its "type", or why not.
std::variant<std::pair<json::object, std::string>, decode_error> open(std::string_view text) {
    if (text.size() > max_message_bytes) return decode_error{"too_big", "message larger than 64 KiB"};
    boost::system::error_code ec;
    json::value v = json::parse(text, ec);
    if (ec || !v.is_object()) return decode_error{"malformed", "a message is one JSON object"};
    auto& o = v.as_object();
    auto const* type = o.if_contains("type");
    if (!type || !type->is_string()) return invalid("\"type\" must be a string");
    std::string t(type->as_string());
    return std::pair{std::move(o), std::move(t)};
}

}  // namespace

decoded<client_message> decode_client_message(std::string_view text) {
    auto opened = open(text);
    if (auto* e = std::get_if<decode_error>(&opened)) return *e;
    auto& [o, type] = std::get<0>(opened);
    if (type == "ping") return client_message{ping{}};
    if (type != "hello") return decode_error{"unknown_type", "unknown message type \"" + type + "\""};
    hello h;
    if (!req_string(o, "token", h.token)) return invalid("hello needs a \"token\" string");
    if (h.token.empty() || h.token.size() > max_token_bytes) return invalid("the token is empty or too long");
    if (!opt_int(o, "since", h.since)) return invalid("\"since\" must be an integer");
    if (h.since && *h.since < 0) return invalid("\"since\" must not be negative");
    if (!opt_int(o, "event_id", h.event_id)) return invalid("\"event_id\" must be an integer");
    if (!opt_string(o, "epoch", h.epoch)) return invalid("\"epoch\" must be a string");
    return client_message{std::move(h)};
}

decoded<server_message> decode_server_message(std::string_view text) {
    auto opened = open(text);
    if (auto* e = std::get_if<decode_error>(&opened)) return *e;
    auto& [o, type] = std::get<0>(opened);
    if (type == "pong") return server_message{pong{}};
    if (type == "welcome") {
        welcome w;
        if (!req_int(o, "event_id", w.event_id) || !req_string(o, "role", w.role) || !req_int(o, "seq", w.seq) ||
            !req_string(o, "epoch", w.epoch))
            return invalid("welcome needs event_id, role, seq and epoch");
        std::optional<std::int64_t> subject;
        opt_int(o, "subject", subject);
        w.subject = subject.value_or(0);
        std::optional<std::string> time;
        opt_string(o, "server_time", time);
        w.server_time = time.value_or("");
        return server_message{std::move(w)};
    }
    if (type == "update") {
        update u;
        if (!req_int(o, "seq", u.seq) || !req_string(o, "kind", u.kind) || !req_string(o, "at", u.at))
            return invalid("update needs seq, kind and at");
        auto const* data = o.if_contains("data");
        if (!data || !data->is_object()) return invalid("update needs a data object");
        u.data = data->as_object();
        return server_message{std::move(u)};
    }
    if (type == "resync") {
        resync r;
        std::optional<std::string> reason;
        if (!opt_string(o, "reason", reason)) return invalid("\"reason\" must be a string");
        r.reason = reason.value_or("");
        std::optional<std::int64_t> seq;
        if (!opt_int(o, "seq", seq)) return invalid("\"seq\" must be an integer");
        r.seq = seq.value_or(0);
        return server_message{std::move(r)};
    }
    if (type == "error") {
        error e;
        if (!req_string(o, "code", e.code)) return invalid("error needs a code");
        std::optional<std::string> message;
        opt_string(o, "message", message);
        e.message = message.value_or("");
        return server_message{std::move(e)};
    }
    return decode_error{"unknown_type", "unknown message type \"" + type + "\""};
}

std::string encode(hello const& m) {
    json::object o{{"type", "hello"}, {"token", m.token}};
    if (m.since) o["since"] = *m.since;
    if (m.event_id) o["event_id"] = *m.event_id;
    if (m.epoch) o["epoch"] = *m.epoch;
    return json::serialize(o);
}

std::string encode(ping const&) { return R"({"type":"ping"})"; }
std::string encode(pong const&) { return R"({"type":"pong"})"; }

std::string encode(welcome const& m) {
    return json::serialize(json::object{{"type", "welcome"},
                                        {"event_id", m.event_id},
                                        {"role", m.role},
                                        {"seq", m.seq},
                                        {"epoch", m.epoch},
                                        {"subject", m.subject},
                                        {"server_time", m.server_time}});
}

std::string encode(update const& m) {
    return encode_update(m.seq, m.kind, m.at, json::serialize(m.data));
}

std::string encode(resync const& m) {
    return json::serialize(json::object{{"type", "resync"}, {"reason", m.reason}, {"seq", m.seq}});
}

std::string encode(error const& m) {
    return json::serialize(json::object{{"type", "error"}, {"code", m.code}, {"message", m.message}});
}

std::string encode_update(std::int64_t seq, std::string_view kind, std::string_view at, std::string_view data_json) {
    std::string out;
    out.reserve(48 + kind.size() + at.size() + data_json.size());
    out += R"({"type":"update","seq":)";
    out += std::to_string(seq);
    out += R"(,"kind":")";
    out += kind;
    out += R"(","at":")";
    out += at;
    out += R"(","data":)";
    out += data_json;
    out += '}';
    return out;
}

}  // namespace bimtek::protocol
