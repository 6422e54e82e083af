#include "tests/support/fixed_clock.hpp"

namespace bimtek::test {

fixed_clock::fixed_clock(timestamp start) : ms_(to_unix_ms(start)) {}

timestamp fixed_clock::default_start() {
    using namespace std::chrono;
    return sys_days{year{2026} / November / 26} + hours{2};
}

}  // namespace bimtek::test
