#include "server/domain/intervals.hpp"

#include <gtest/gtest.h>

namespace bimtek::domain {
namespace {

using namespace std::chrono_literals;

timestamp t(int minute) {
    return from_unix_ms(0) + std::chrono::minutes{minute};
}
interval span(int from, int to) {
    return interval{t(from), t(to)};
}

TEST(intervals, merge_drops_empty_and_sorts) {
    auto merged = merge_intervals({span(50, 60), span(10, 10), span(30, 20), span(0, 5)});
    ASSERT_EQ(merged.size(), 2u);
    EXPECT_EQ(merged[0].begin, t(0));
    EXPECT_EQ(merged[0].end, t(5));
    EXPECT_EQ(merged[1].begin, t(50));
    EXPECT_EQ(merged[1].end, t(60));
}

TEST(intervals, merge_joins_overlapping_nested_and_touching) {
    auto merged =
        merge_intervals({span(0, 10), span(5, 20), span(7, 8), span(20, 30), span(40, 45)});
    ASSERT_EQ(merged.size(), 2u);
    EXPECT_EQ(merged[0].begin, t(0));
    EXPECT_EQ(merged[0].end, t(30));
    EXPECT_EQ(merged[1].begin, t(40));
}

TEST(intervals, merge_of_nothing_is_nothing) {
    EXPECT_TRUE(merge_intervals({}).empty());
}

TEST(intervals, clip_cuts_to_the_window) {
    EXPECT_EQ(clip(span(0, 100), span(10, 20)).length(), 10min);
    EXPECT_EQ(clip(span(15, 100), span(10, 20)).length(), 5min);
    EXPECT_TRUE(clip(span(0, 10), span(10, 20)).empty());
    EXPECT_TRUE(clip(span(30, 40), span(10, 20)).empty());
}

TEST(intervals, overlap_counts_each_moment_once) {
    auto merged = merge_intervals({span(0, 30), span(20, 40), span(50, 70)});
    EXPECT_EQ(overlap(merged, span(10, 60)), 40min);  // 10..40 and 50..60
    EXPECT_EQ(overlap(merged, span(0, 100)), 60min);
}

TEST(intervals, overlap_at_the_boundaries_is_zero) {
    auto merged = merge_intervals({span(0, 10)});
    EXPECT_EQ(overlap(merged, span(10, 20)), 0ms);  // ends as the window opens
    EXPECT_EQ(overlap(merged, span(-10, 0)), 0ms);  // starts as the window closes
    EXPECT_EQ(overlap(merged, span(9, 20)), 1min);
    EXPECT_EQ(overlap(merged, span(5, 5)), 0ms);  // an empty window
}

TEST(intervals, overlap_keeps_milliseconds) {
    auto merged = merge_intervals({interval{t(0), t(1) + 500ms}});
    EXPECT_EQ(overlap(merged, span(0, 10)), 60500ms);
    EXPECT_DOUBLE_EQ(to_minutes(60500ms), 60.5 / 60.0);
    EXPECT_DOUBLE_EQ(to_minutes(90min), 90.0);
}

}  // namespace
}  // namespace bimtek::domain
