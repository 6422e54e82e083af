// A net::http_transport answered by a function, recording every request (client unit tests).
#pragma once

#include <functional>
#include <vector>

#include "client/net/http_transport.hpp"

namespace bimtek::client::testing {

class fake_http final : public net::http_transport {
public:
    using handler = std::function<net::http_outcome(net::http_request const&)>;
    explicit fake_http(handler h) : handler_(std::move(h)) {}
    net::http_outcome send(net::http_request const& r) override {
        requests.push_back(r);
        return handler_(r);
    }
    void set(handler h) { handler_ = std::move(h); }

    std::vector<net::http_request> requests;

private:
    handler handler_;
};

inline net::http_outcome unreachable() {
    return net::http_outcome{false, {}, {net::fault_kind::refused, "connect: Connection refused"}};
}
inline net::http_outcome answer(int status, std::string body) {
    return net::http_outcome{true, net::http_reply{status, std::move(body), {}}, {}};
}

}  // namespace bimtek::client::testing
