// Askers take turns and wait when the next one has used its allowance.
#include "tests/bench/loadgen/asker_rotation.hpp"

#include <gtest/gtest.h>

namespace bimtek::loadgen {
namespace {

using namespace std::chrono_literals;

TEST(AskerRotation, TakesTurnsWithoutWaitingWhenThereAreEnoughAskers) {
    asker_rotation r(3, 5, 60s);
    steady::time_point t{};
    for (std::size_t i = 0; i < 15; ++i) {
        auto turn = r.next(t);
        EXPECT_EQ(turn.participant, i % 3);
        EXPECT_EQ(turn.not_before, t);
        r.asked(turn.participant, t);
        t += 1s;
    }
}

TEST(AskerRotation, WaitsForTheWindowOfTheOldestQuestion) {
    asker_rotation r(2, 5, 60s);
    steady::time_point t{};
    for (int i = 0; i < 10; ++i) {
        auto turn = r.next(t);
        r.asked(turn.participant, t);
        t += 1s;
    }
    auto turn = r.next(t);  // participant 0 asked at 0, 2, 4, 6, 8 s
    EXPECT_EQ(turn.participant, 0u);
    EXPECT_EQ(turn.not_before, steady::time_point{} + 60s);
}

TEST(AskerRotation, MinimumDuration) {
    asker_rotation r(2, 5, 60s);
    EXPECT_EQ(r.minimum_duration(10), 0ms);
    EXPECT_EQ(r.minimum_duration(11), 60s);
    EXPECT_EQ(r.minimum_duration(21), 120s);
}

}  // namespace
}  // namespace bimtek::loadgen
