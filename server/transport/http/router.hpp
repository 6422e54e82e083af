// Maps a method and a path to a handler. Built once at start-up, then read-only: safe to use
// from every I/O thread without locks.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "server/domain/principal.hpp"
#include "server/domain/result.hpp"
#include "server/transport/http/message.hpp"

namespace bimtek::transport {

enum class auth_mode { none, required };
enum class body_mode { buffered, upload };
// Where a handler runs. An I/O thread also carries the live stream of every connection that
// lives on it, so handlers there must be quick (microseconds to a millisecond: a query, a
// write). CPU-heavy or long handlers (argon2id, PDF and XLSX documents, hashing an upload,
// importing a roster) run on the server's worker threads instead (http_context::workers).
enum class run_on { io_thread, worker };

struct route_options {
    auth_mode auth = auth_mode::required;
    body_mode body = body_mode::buffered;
    std::size_t body_limit = 1024 * 1024;  // bytes; larger bodies get 413
    run_on where = run_on::io_thread;
};

using handler = std::function<api_response(api_request&)>;
using authenticator = std::function<domain::result<domain::principal>(std::string_view bearer_token)>;

class router {
public:
    struct route {
        http_method method;
        std::vector<std::string> segments;  // "{name}" matches one segment
        handler handle;
        route_options options;
    };

    // What the router knows once the request line is read, before the body.
    struct lookup {
        route const* found = nullptr;
        std::vector<std::string> params;
        bool method_not_allowed = false;  // the path exists for other methods
        std::string allowed;              // the Allow header in that case
    };

    explicit router(authenticator auth);

    // "pattern" like "/api/v1/events/{id}/checkins".
    void add(http_method method, std::string_view pattern, handler h, route_options options = {});
    // Serves GET/HEAD requests no route matched (the static pages).
    void set_fallback(handler h) { fallback_ = std::move(h); }

    lookup find(http_method method, std::string_view path) const;
    // Authenticates when the route needs it, runs the handler, and turns exceptions into 500s.
    api_response dispatch(lookup const& l, api_request& req) const;

private:
    authenticator authenticate_;
    std::vector<route> routes_;
    handler fallback_;
};

// The token in "Authorization: Bearer <token>", or empty.
std::string_view bearer_token(std::string_view authorization);

}  // namespace bimtek::transport
