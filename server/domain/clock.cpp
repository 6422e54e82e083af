#include "server/domain/clock.hpp"

namespace bimtek::domain {

timestamp system_clock::now() const {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace bimtek::domain
