// Small helpers the route files share.
#pragma once

#include <utility>

#include <boost/json/value.hpp>

#include "server/domain/result.hpp"
#include "server/transport/http/error_response.hpp"
#include "server/transport/http/message.hpp"

namespace bimtek::transport {

// The error's response, or "status" with what "view" makes of the value.
template <class T, class View>
api_response reply(domain::result<T> const& r, unsigned status, View&& view) {
    if (!r) return error_response(r.error());
    return json_response(status, boost::json::value(view(*r)));
}

inline api_response reply(domain::status const& s, unsigned status = 204) {
    if (!s) return error_response(s.error());
    api_response res;
    res.status = status;
    res.content_type.clear();
    return res;
}

// The caller of an authenticated route (the router has set it).
inline domain::principal const& caller(api_request const& req) { return *req.who; }

}  // namespace bimtek::transport
