#include "shared/time/time_zone.hpp"

#include <gtest/gtest.h>

#include "shared/time/iso8601.hpp"

namespace bimtek {
namespace {

using namespace std::chrono;

TEST(TimeZone, JakartaIsSevenHoursAheadWithWib) {
    auto z = time_zone::load("Asia/Jakarta");
    ASSERT_TRUE(z);
    auto t = *parse_iso8601("2026-11-26T02:00:00Z");
    EXPECT_EQ(z->offset_at(t), hours{7});
    EXPECT_EQ(z->abbreviation_at(t), "WIB");
    EXPECT_EQ(z->format_datetime(t), "2026-11-26 09:00");
    EXPECT_EQ(z->format_time(t), "09:00");
    EXPECT_EQ(z->format_iso_local(t), "2026-11-26T09:00:00+07:00");
    EXPECT_EQ(z->format_date_long(t), "26 November 2026");
    EXPECT_EQ(z->format_date_long(*parse_iso8601("2026-08-17T02:00:00Z")), "17 Agustus 2026");
    EXPECT_EQ(z->format_date_long(*parse_iso8601("2026-08-17T02:00:00Z"), "en"), "August 17, 2026");
}

TEST(TimeZone, OtherIndonesianZones) {
    auto t = *parse_iso8601("2026-11-26T02:00:00Z");
    EXPECT_EQ(time_zone::load("Asia/Makassar")->offset_at(t), hours{8});
    EXPECT_EQ(time_zone::load("Asia/Jayapura")->offset_at(t), hours{9});
}

TEST(TimeZone, HistoricOffsetsComeFromTheDatabase) {
    // Jakarta kept +07:30 until 1964.
    auto z = time_zone::load("Asia/Jakarta");
    EXPECT_EQ(z->offset_at(*parse_iso8601("1960-06-01T00:00:00Z")), hours{7} + minutes{30});
}

TEST(TimeZone, DaylightSavingZonesFollowTransitions) {
    auto z = time_zone::load("Europe/Amsterdam");
    ASSERT_TRUE(z);
    EXPECT_EQ(z->offset_at(*parse_iso8601("2026-01-15T12:00:00Z")), hours{1});
    EXPECT_EQ(z->offset_at(*parse_iso8601("2026-07-15T12:00:00Z")), hours{2});
}

TEST(TimeZone, WallClockToUtc) {
    auto z = time_zone::load("Asia/Jakarta");
    EXPECT_EQ(z->to_utc(*parse_local_iso8601("2026-11-26T09:00")), *parse_iso8601("2026-11-26T02:00:00Z"));
}

TEST(TimeZone, RefusesUnknownAndUnsafeNames) {
    for (auto bad : {"", "Asia/Nowhere", "../etc/passwd", "/etc/localtime", "Asia/../../etc/passwd", "Asia/Jakarta\n"})
        EXPECT_FALSE(time_zone::load(bad)) << bad;
}

TEST(TimeZone, FixedOffset) {
    auto z = time_zone::fixed("Test", hours{8}, "WITA");
    auto t = *parse_iso8601("2026-11-26T20:00:00Z");
    EXPECT_EQ(z.format_datetime(t), "2026-11-27 04:00");
    EXPECT_EQ(z.abbreviation_at(t), "WITA");
}

}  // namespace
}  // namespace bimtek
