#include "server/transport/http/connection_registry.hpp"

#include <vector>

namespace bimtek::transport {

std::uint64_t connection_registry::add(std::weak_ptr<closable> c) {
    std::lock_guard lock(mutex_);
    if (stopping_) return 0;
    auto id = next_id_++;
    live_.emplace(id, std::move(c));
    return id;
}

void connection_registry::remove(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    live_.erase(id);
}

void connection_registry::shutdown_all() {
    std::vector<std::shared_ptr<closable>> targets;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        for (auto& [id, weak] : live_)
            if (auto c = weak.lock()) targets.push_back(std::move(c));
    }
    for (auto& c : targets) c->shutdown();
}

std::size_t connection_registry::size() const {
    std::lock_guard lock(mutex_);
    return live_.size();
}

bool connection_registry::stopping() const {
    std::lock_guard lock(mutex_);
    return stopping_;
}

}  // namespace bimtek::transport
