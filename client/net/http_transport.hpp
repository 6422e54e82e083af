// How the client makes one HTTP request: the boundary between the client's C++20 code and its
// C++17 network target (bimtek_client_net). Plain C++17 and free of Asio/Beast on purpose: it is
// compiled in both language modes. Implementations are used by one thread at a time.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "client/net/link_fault.hpp"

namespace bimtek::client::net {

struct http_request {
    std::string method = "GET";  // GET, POST, PATCH, PUT, DELETE
    std::string target;          // "/api/v1/events"
    std::string body;
    std::string content_type = "application/json";
    std::string accept = "application/json";
    std::string token;  // sent as "Authorization: Bearer" when not empty
};

struct http_reply {
    int status = 0;
    std::string body;
    std::string retry_after;  // the Retry-After header, when there was one
};

// "reached" is false when no answer came: the name did not resolve, the connection was refused
// or dropped, or the timeout passed; "fault" says which.
struct http_outcome {
    bool reached = false;
    http_reply reply;
    link_fault fault;
};

class http_transport {
public:
    virtual ~http_transport() = default;
    virtual http_outcome send(http_request const& request) = 0;
};

// HTTP/1.1 over plain TCP to host:port with Beast, one connection per request; "timeout" bounds
// the whole request (resolve, connect, write, read).
std::unique_ptr<http_transport> make_beast_http_transport(std::string host, std::string port,
                                                          std::chrono::milliseconds timeout);

}  // namespace bimtek::client::net
