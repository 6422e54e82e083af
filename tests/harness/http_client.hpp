// A blocking HTTP/1.1 client over one keep-alive TCP connection to 127.0.0.1, for tests.
// Deliberately independent of Beast: the server is tested against a different implementation
// of the protocol than its own. Not thread-safe; one request at a time.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

namespace bimtek::testing {

struct http_response {
    int status = 0;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;

    boost::json::value json() const;  // parses body; throws if it is not JSON
    std::string header(std::string const& name) const;
};

class http_client {
public:
    explicit http_client(std::uint16_t port);
    ~http_client();
    http_client(http_client const&) = delete;
    http_client& operator=(http_client const&) = delete;

    void set_token(std::string token) { token_ = std::move(token); }

    http_response get(std::string const& target, std::vector<std::pair<std::string, std::string>> headers = {});
    http_response post(std::string const& target, std::string const& body,
                       std::string content_type = "application/json",
                       std::vector<std::pair<std::string, std::string>> headers = {});
    http_response patch(std::string const& target, std::string const& body);
    http_response del(std::string const& target);
    http_response request(std::string const& method, std::string const& target, std::string const& body,
                          std::vector<std::pair<std::string, std::string>> headers);

    // Sends raw bytes (a hand-made request) and reads one response.
    http_response raw(std::string const& bytes);
    // Sends raw bytes and reads nothing (the rest of a request may follow with raw()).
    void send_all(std::string const& bytes);

private:
    void connect();
    http_response read_response(bool head);

    std::uint16_t port_;
    int fd_ = -1;
    std::string token_;
    std::string buffer_;
};

// Convenience: {"a":1} from a JSON value.
std::string to_body(boost::json::value const& v);

}  // namespace bimtek::testing
