// Nearest-rank percentiles.
#include "tests/bench/loadgen/stats.hpp"

#include <gtest/gtest.h>

namespace bimtek::loadgen {
namespace {

TEST(Stats, NearestRank) {
    std::vector<double> v;
    for (int i = 100; i >= 1; --i) v.push_back(i);
    summary s = summarize(v);
    EXPECT_EQ(s.count, 100u);
    EXPECT_EQ(s.p50, 50);
    EXPECT_EQ(s.p90, 90);
    EXPECT_EQ(s.p99, 99);
    EXPECT_EQ(s.max, 100);
    EXPECT_DOUBLE_EQ(s.mean, 50.5);
}

TEST(Stats, SmallAndEmpty) {
    EXPECT_EQ(summarize({}).p99, 0);
    summary one = summarize({7});
    EXPECT_EQ(one.p50, 7);
    EXPECT_EQ(one.p99, 7);
    summary three = summarize({3, 1, 2});
    EXPECT_EQ(three.p50, 2);
    EXPECT_EQ(three.p99, 3);
}

}  // namespace
}  // namespace bimtek::loadgen
