// The HTTP API (docs/api.md) as the client's commands call it: JSON in, JSON out, and every
// answer sorted into one of a few outcomes that map to the client's exit codes. Holds a
// reference to a transport; one thread at a time.
#pragma once

#include <optional>
#include <string>

#include <boost/json/value.hpp>

#include "client/net/http_transport.hpp"

namespace bimtek::client::api {

enum class outcome {
    ok,           // 2xx
    unreachable,  // no answer at all (refused, timed out, dropped)
    auth,         // 401 or 403
    rejected,     // another 4xx: the server said no
    server_error  // 5xx, 429, or an answer that is not the JSON we expect
};

struct api_reply {
    outcome what = outcome::unreachable;
    int status = 0;
    boost::json::value body;  // parsed JSON (null when empty or not JSON)
    std::string code;         // error.code from the body, or the transport's words
    std::string message;      // error.message from the body
    std::string retry_after;  // the Retry-After header (429)
    net::link_fault fault;    // why there was no answer (unreachable)

    bool ok() const { return what == outcome::ok; }
};

class api_client {
public:
    // "transport" must outlive this client.
    api_client(net::http_transport& transport, std::string token)
        : transport_(transport), token_(std::move(token)) {}

    void set_token(std::string token) { token_ = std::move(token); }

    api_reply get(std::string const& target);
    api_reply post(std::string const& target, boost::json::value const& body);
    api_reply patch(std::string const& target, boost::json::value const& body);
    api_reply del(std::string const& target);
    // A document that is not JSON (a CSV list, a PDF): on success its bytes, as they came, go
    // to "document"; an error answer is sorted as for the JSON calls.
    api_reply get_document(std::string const& target, std::string const& accept,
                           std::string& document);

private:
    net::http_request request(std::string method, std::string const& target,
                              std::string body) const;
    api_reply call(std::string method, std::string const& target, std::string body);

    net::http_transport& transport_;
    std::string token_;
};

// Sorts an HTTP answer (exposed for tests).
api_reply classify(net::http_outcome const& o);

}  // namespace bimtek::client::api
