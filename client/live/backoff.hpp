// The delay before the next reconnection attempt: 0.5 s, doubling up to 5 s (a command-line
// client wants to be back quickly), back to the start once a connection was welcomed.
#pragma once

#include <chrono>

namespace bimtek::client::live {

class backoff {
public:
    explicit backoff(std::chrono::milliseconds first = std::chrono::milliseconds(500),
                     std::chrono::milliseconds max = std::chrono::milliseconds(5000))
        : first_(first), max_(max), next_(first) {}

    // The delay to wait now; the following one doubles (up to the maximum).
    std::chrono::milliseconds next();
    void reset() { next_ = first_; }

private:
    std::chrono::milliseconds first_;
    std::chrono::milliseconds max_;
    std::chrono::milliseconds next_;
};

}  // namespace bimtek::client::live
