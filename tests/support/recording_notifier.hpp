// A notifier for tests: keeps every published update, in order. Thread-safe.
#pragma once

#include <mutex>
#include <vector>

#include "server/domain/notifier.hpp"

namespace bimtek::test {

class recording_notifier final : public domain::notifier {
public:
    void publish(domain::stream_update const& u) override;

    // A copy of everything published so far.
    std::vector<domain::stream_update> updates() const;
    std::size_t size() const;
    void clear();

private:
    mutable std::mutex mutex_;
    std::vector<domain::stream_update> updates_;  // guarded by mutex_
};

}  // namespace bimtek::test
