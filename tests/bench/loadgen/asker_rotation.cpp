#include "tests/bench/loadgen/asker_rotation.hpp"

#include <algorithm>

namespace bimtek::loadgen {

asker_rotation::asker_rotation(std::size_t participants, std::size_t per_window,
                               std::chrono::milliseconds window)
    : participants_(std::max<std::size_t>(participants, 1)),
      per_window_(std::max<std::size_t>(per_window, 1)),
      window_(window),
      recent_(participants_) {}

asker_rotation::turn asker_rotation::next(steady::time_point now) const {
    std::size_t p = cursor_ % participants_;
    auto const& times = recent_[p];
    steady::time_point when = now;
    if (times.size() >= per_window_) when = std::max(now, times.front() + window_);
    return {p, when};
}

void asker_rotation::asked(std::size_t participant, steady::time_point at) {
    auto& times = recent_[participant % participants_];
    times.push_back(at);
    while (times.size() > per_window_) times.pop_front();
    ++cursor_;
}

std::chrono::milliseconds asker_rotation::minimum_duration(std::size_t questions) const {
    std::size_t per_window_all = participants_ * per_window_;
    if (questions <= per_window_all) return std::chrono::milliseconds{0};
    return window_ * static_cast<long>((questions - 1) / per_window_all);
}

}  // namespace bimtek::loadgen
