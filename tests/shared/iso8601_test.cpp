#include "shared/time/iso8601.hpp"

#include <gtest/gtest.h>

namespace bimtek {
namespace {

using namespace std::chrono;

timestamp at(int y, unsigned mo, unsigned d, int h, int mi, int s = 0, int ms = 0) {
    return time_point_cast<milliseconds>(sys_days{year{y} / mo / d} + hours{h} + minutes{mi} + seconds{s} +
                                         milliseconds{ms});
}

TEST(Iso8601, FormatsWholeSecondsWithoutFraction) {
    EXPECT_EQ(format_iso8601(at(2026, 11, 26, 2, 0)), "2026-11-26T02:00:00Z");
}

TEST(Iso8601, FormatsMilliseconds) {
    EXPECT_EQ(format_iso8601(at(2026, 1, 2, 3, 4, 5, 250)), "2026-01-02T03:04:05.250Z");
}

TEST(Iso8601, ParsesUtcAndOffsets) {
    EXPECT_EQ(parse_iso8601("2026-11-26T02:00:00Z"), at(2026, 11, 26, 2, 0));
    EXPECT_EQ(parse_iso8601("2026-11-26T09:00:00+07:00"), at(2026, 11, 26, 2, 0));
    EXPECT_EQ(parse_iso8601("2026-11-25T21:00-05:00"), at(2026, 11, 26, 2, 0));
    EXPECT_EQ(parse_iso8601("2026-11-26 02:00:00.5Z"), at(2026, 11, 26, 2, 0, 0, 500));
}

TEST(Iso8601, RoundTrips) {
    auto t = at(2026, 2, 28, 23, 59, 59, 7);
    EXPECT_EQ(parse_iso8601(format_iso8601(t)), t);
}

TEST(Iso8601, RejectsMalformedAndOutOfRange) {
    for (auto bad : {"", "2026-11-26", "2026-11-26T02:00:00", "2026-13-01T00:00Z", "2026-02-30T00:00Z",
                     "2026-11-26T24:00Z", "2026-11-26T02:00:00+0700", "2026-11-26T02:00:00Zjunk",
                     "26-11-2026T02:00Z", "2026-11-26T02:00:00.Z"})
        EXPECT_FALSE(parse_iso8601(bad)) << bad;
}

TEST(Iso8601, LocalTimesHaveNoOffset) {
    EXPECT_EQ(parse_local_iso8601("2026-11-26T09:00"), at(2026, 11, 26, 9, 0));
    EXPECT_FALSE(parse_local_iso8601("2026-11-26T09:00Z"));
    EXPECT_TRUE(has_utc_offset("2026-11-26T09:00Z"));
    EXPECT_TRUE(has_utc_offset("2026-11-26T09:00:00+07:00"));
    EXPECT_FALSE(has_utc_offset("2026-11-26T09:00"));
}

}  // namespace
}  // namespace bimtek
