// Q&A: POST/GET /api/v1/sessions/{id}/questions, POST/DELETE /api/v1/questions/{id}/vote,
// PATCH /api/v1/questions/{id}, PATCH /api/v1/sessions/{id}/moderation.
#include <boost/json/object.hpp>

#include "server/transport/api/api_routes.hpp"
#include "server/transport/api/json_input.hpp"
#include "server/transport/api/json_views.hpp"
#include "server/transport/api/reply.hpp"

namespace bimtek::transport {
namespace json = boost::json;

namespace {

constexpr std::size_t qa_body_limit = 16 * 1024;

struct question_request {
    std::string text;
    bool anonymous = false;
    std::optional<std::string> author_name;
};

// {"text", "anonymous"?, "author_name"?}; a missing text is the domain's "required".
domain::result<question_request> read_question(std::string_view body) {
    auto in = json_input::parse(body);
    if (!in) return in.error();
    question_request q;
    q.text = in->string("text").value_or("");
    q.anonymous = in->boolean("anonymous").value_or(false);
    q.author_name = in->string("author_name");
    if (auto st = in->finish(); !st) return st.error();
    return q;
}

// {"status": "approved" | "answered" | "hidden" | "pinned"}.
domain::result<domain::question_status> read_status(std::string_view body) {
    auto in = json_input::parse(body);
    if (!in) return in.error();
    auto text = in->string("status");
    if (auto st = in->finish(); !st) return st.error();
    if (!text) return domain::invalid_field("status", "required", "status is required");
    auto status = domain::parse_question_status(*text);
    if (!status)
        return domain::invalid_field("status", "invalid_status",
                                     "status must be approved, answered, hidden or pinned");
    return *status;
}

// {"moderated": true | false}.
domain::result<bool> read_moderated(std::string_view body) {
    auto in = json_input::parse(body);
    if (!in) return in.error();
    auto moderated = in->boolean("moderated");
    if (auto st = in->finish(); !st) return st.error();
    if (!moderated) return domain::invalid_field("moderated", "required", "moderated is required");
    return *moderated;
}

json::object votes_view(int votes) { return json::object{{"votes", votes}}; }

}  // namespace

void add_qa_routes(router& r, api_services const& s) {
    route_options const small{.body_limit = qa_body_limit};

    r.add(http_method::post, "/api/v1/sessions/{id}/questions", [s](api_request& req) {
        auto id = id_param(req.params[0], "session");
        if (!id) return error_response(id.error());
        auto q = read_question(req.body);
        if (!q) return error_response(q.error());
        auto view = question_view_for(caller(req));
        return reply(s.qa.ask(caller(req), *id, q->text, q->anonymous, q->author_name), 201,
                     [view](domain::question const& x) { return to_json(x, view); });
    }, small);

    r.add(http_method::get, "/api/v1/sessions/{id}/questions", [s](api_request& req) {
        auto id = id_param(req.params[0], "session");
        if (!id) return error_response(id.error());
        auto view = question_view_for(caller(req));
        return reply(s.qa.list(caller(req), *id), 200,
                     [view](domain::question_list const& l) { return to_json(l, view); });
    }, small);

    r.add(http_method::post, "/api/v1/questions/{id}/vote", [s](api_request& req) {
        auto id = id_param(req.params[0], "question");
        if (!id) return error_response(id.error());
        return reply(s.qa.vote(caller(req), *id), 200, votes_view);
    }, small);

    r.add(http_method::del, "/api/v1/questions/{id}/vote", [s](api_request& req) {
        auto id = id_param(req.params[0], "question");
        if (!id) return error_response(id.error());
        return reply(s.qa.unvote(caller(req), *id), 200, votes_view);
    }, small);

    r.add(http_method::patch, "/api/v1/questions/{id}", [s](api_request& req) {
        auto id = id_param(req.params[0], "question");
        if (!id) return error_response(id.error());
        auto to = read_status(req.body);
        if (!to) return error_response(to.error());
        auto view = question_view_for(caller(req));
        return reply(s.qa.moderate(caller(req), *id, *to), 200,
                     [view](domain::question const& x) { return to_json(x, view); });
    }, small);

    r.add(http_method::patch, "/api/v1/sessions/{id}/moderation", [s](api_request& req) {
        auto id = id_param(req.params[0], "session");
        if (!id) return error_response(id.error());
        auto moderated = read_moderated(req.body);
        if (!moderated) return error_response(moderated.error());
        return reply(s.qa.set_moderated(caller(req), *id, *moderated), 200,
                     [](domain::session const& x) { return to_json(x); });
    }, small);
}

}  // namespace bimtek::transport
