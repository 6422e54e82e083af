#include "tests/support/recording_notifier.hpp"

namespace bimtek::test {

void recording_notifier::publish(domain::stream_update const& u) {
    std::lock_guard lock(mutex_);
    updates_.push_back(u);
}

std::vector<domain::stream_update> recording_notifier::updates() const {
    std::lock_guard lock(mutex_);
    return updates_;
}

std::size_t recording_notifier::size() const {
    std::lock_guard lock(mutex_);
    return updates_.size();
}

void recording_notifier::clear() {
    std::lock_guard lock(mutex_);
    updates_.clear();
}

}  // namespace bimtek::test
