#include "server/transport/http/router.hpp"

#include <exception>
#include <iostream>

#include "server/transport/http/error_response.hpp"

namespace bimtek::transport {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> out;
    while (!path.empty()) {
        if (path.front() == '/') {
            path.remove_prefix(1);
            continue;
        }
        auto slash = path.find('/');
        out.push_back(path.substr(0, slash));
        path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash);
    }
    return out;
}

bool matches(router::route const& r, std::vector<std::string_view> const& segs, std::vector<std::string>* params) {
    if (r.segments.size() != segs.size()) return false;
    for (std::size_t i = 0; i < segs.size(); ++i) {
        auto const& pat = r.segments[i];
        if (pat.size() > 2 && pat.front() == '{' && pat.back() == '}') {
            if (params) params->emplace_back(segs[i]);
        } else if (pat != segs[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string_view bearer_token(std::string_view authorization) {
    constexpr std::string_view scheme = "bearer ";
    if (authorization.size() <= scheme.size()) return {};
    for (std::size_t i = 0; i < scheme.size(); ++i) {
        char c = authorization[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != scheme[i]) return {};
    }
    auto token = authorization.substr(scheme.size());
    while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
    while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
    return token;
}

router::router(authenticator auth) : authenticate_(std::move(auth)) {}

void router::add(http_method method, std::string_view pattern, handler h, route_options options) {
    route r{method, {}, std::move(h), options};
    for (auto s : split_path(pattern)) r.segments.emplace_back(s);
    routes_.push_back(std::move(r));
}

router::lookup router::find(http_method method, std::string_view path) const {
    lookup l;
    auto segs = split_path(path);
    http_method wanted = method == http_method::head ? http_method::get : method;
    for (auto const& r : routes_) {
        if (!matches(r, segs, nullptr)) continue;
        if (r.method == wanted || r.method == method) {
            l.found = &r;
            l.params.clear();
            matches(r, segs, &l.params);
            l.method_not_allowed = false;
            return l;
        }
        l.method_not_allowed = true;
        if (!l.allowed.empty()) l.allowed += ", ";
        l.allowed += to_string(r.method);
    }
    return l;
}

api_response router::dispatch(lookup const& l, api_request& req) const {
    try {
        if (!l.found) {
            if (l.method_not_allowed) {
                auto res = error_response(domain::make_error(domain::error_kind::malformed, "method_not_allowed",
                                                             "this path does not accept " +
                                                                 std::string(to_string(req.method))));
                res.status = 405;
                res.header("Allow", l.allowed);
                return res;
            }
            if (fallback_ && (req.method == http_method::get || req.method == http_method::head) &&
                req.path.rfind("/api/", 0) != 0)
                return fallback_(req);
            return error_response(domain::make_error(domain::error_kind::not_found, "not_found", "no such resource"));
        }
        if (l.found->options.auth == auth_mode::required) {
            auto token = bearer_token(req.authorization);
            if (token.empty())
                return error_response(domain::make_error(domain::error_kind::unauthorized, "missing_token",
                                                         "this request needs an Authorization: Bearer token"));
            auto who = authenticate_(token);
            if (!who) return error_response(who.error());
            req.who = std::move(*who);
        }
        req.params = l.params;
        return l.found->handle(req);
    } catch (std::exception const& e) {
        std::cerr << "bimtek-server: " << to_string(req.method) << " " << req.path << " failed: " << e.what() << "\n";
        return error_response(domain::make_error(domain::error_kind::internal, "internal_error",
                                                 "the server could not complete the request"));
    }
}

}  // namespace bimtek::transport
