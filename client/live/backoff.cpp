#include "client/live/backoff.hpp"

#include <algorithm>

namespace bimtek::client::live {

std::chrono::milliseconds backoff::next() {
    auto now = next_;
    next_ = std::min(max_, next_ * 2);
    return now;
}

}  // namespace bimtek::client::live
