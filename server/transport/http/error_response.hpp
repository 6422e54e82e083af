// The one place where domain error kinds become HTTP status codes, and the JSON shape every
// error has: {"error":{"code":"...","message":"...","details":[...]}}.
#pragma once

#include <boost/json/fwd.hpp>

#include "server/domain/result.hpp"
#include "server/transport/http/message.hpp"

namespace bimtek::transport {

unsigned status_for(domain::error_kind kind);
api_response error_response(domain::error const& e);
// A response whose body is "v" serialized.
api_response json_response(unsigned status, boost::json::value const& v);

}  // namespace bimtek::transport
