#include "client/api/api_client.hpp"

#include <boost/json.hpp>

namespace bimtek::client::api {
namespace json = boost::json;

api_reply classify(net::http_outcome const& o) {
    api_reply r;
    if (!o.reached) {
        r.what = outcome::unreachable;
        r.fault = o.fault;
        r.code = o.fault.detail;
        return r;
    }
    r.status = o.reply.status;
    r.retry_after = o.reply.retry_after;
    if (!o.reply.body.empty()) {
        boost::system::error_code ec;
        json::value v = json::parse(o.reply.body, ec);
        if (!ec) r.body = std::move(v);
    }
    if (auto const* obj = r.body.if_object()) {
        if (auto const* err = obj->if_contains("error"); err && err->is_object()) {
            if (auto const* c = err->as_object().if_contains("code"); c && c->is_string())
                r.code = c->as_string();
            if (auto const* m = err->as_object().if_contains("message"); m && m->is_string())
                r.message = m->as_string();
        }
    }
    int s = r.status;
    if (s >= 200 && s < 300) {
        r.what = outcome::ok;
    } else if (s == 401 || s == 403) {
        r.what = outcome::auth;
    } else if (s == 429 || s >= 500 || s < 200) {
        r.what = outcome::server_error;
    } else {
        r.what = outcome::rejected;
    }
    if (r.code.empty() && r.what != outcome::ok) r.code = "http_" + std::to_string(s);
    return r;
}

net::http_request api_client::request(std::string method, std::string const& target,
                                      std::string body) const {
    net::http_request req;
    req.method = std::move(method);
    req.target = target;
    req.body = std::move(body);
    req.token = token_;
    return req;
}

api_reply api_client::call(std::string method, std::string const& target, std::string body) {
    return classify(transport_.send(request(std::move(method), target, std::move(body))));
}

api_reply api_client::get_document(std::string const& target, std::string const& accept,
                                   std::string& document) {
    auto req = request("GET", target, {});
    req.accept = accept;
    auto answer = transport_.send(req);
    api_reply r = classify(answer);
    if (r.ok()) document = std::move(answer.reply.body);
    return r;
}

api_reply api_client::get(std::string const& target) {
    return call("GET", target, {});
}
api_reply api_client::post(std::string const& target, json::value const& body) {
    return call("POST", target, json::serialize(body));
}
api_reply api_client::patch(std::string const& target, json::value const& body) {
    return call("PATCH", target, json::serialize(body));
}
api_reply api_client::del(std::string const& target) {
    return call("DELETE", target, {});
}

}  // namespace bimtek::client::api
