// Where the domain gets the time. Tests supply a fixed clock; the server uses system_clock.
// Implementations must be safe to call from any thread.
#pragma once

#include "shared/time/timestamp.hpp"

namespace bimtek::domain {

class clock {
public:
    virtual ~clock() = default;
    virtual timestamp now() const = 0;
};

class system_clock final : public clock {
public:
    timestamp now() const override;
};

}  // namespace bimtek::domain
