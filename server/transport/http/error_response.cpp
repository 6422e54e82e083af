#include "server/transport/http/error_response.hpp"

#include <boost/json.hpp>

namespace bimtek::transport {

unsigned status_for(domain::error_kind kind) {
    using k = domain::error_kind;
    switch (kind) {
        case k::malformed: return 400;
        case k::unauthorized: return 401;
        case k::forbidden: return 403;
        case k::not_found: return 404;
        case k::conflict: return 409;
        case k::too_large: return 413;
        case k::unsupported_type: return 415;
        case k::range_not_satisfiable: return 416;
        case k::invalid: return 422;
        case k::rate_limited: return 429;
        case k::internal: return 500;
    }
    return 500;
}

api_response error_response(domain::error const& e) {
    boost::json::object err{{"code", e.code}, {"message", e.message}};
    if (!e.problems.empty()) {
        boost::json::array details;
        for (auto const& p : e.problems) {
            boost::json::object d;
            if (p.line) d["line"] = p.line;
            if (!p.field.empty()) d["field"] = p.field;
            d["code"] = p.code;
            d["message"] = p.message;
            details.push_back(std::move(d));
        }
        err["details"] = std::move(details);
    }
    if (e.retry_after_seconds > 0) err["retry_after"] = e.retry_after_seconds;
    auto res = json_response(status_for(e.kind), boost::json::object{{"error", std::move(err)}});
    if (e.kind == domain::error_kind::unauthorized) res.header("WWW-Authenticate", "Bearer");
    if (e.retry_after_seconds > 0) res.header("Retry-After", std::to_string(e.retry_after_seconds));
    return res;
}

api_response json_response(unsigned status, boost::json::value const& v) {
    api_response res;
    res.status = status;
    res.body = boost::json::serialize(v);
    return res;
}

}  // namespace bimtek::transport
