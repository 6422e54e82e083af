#include "server/transport/api/byte_range.hpp"

#include <gtest/gtest.h>

namespace bimtek::transport {
namespace {

using kind = range_request::kind;

void expect_partial(std::string_view header, std::uint64_t size, std::uint64_t offset,
                    std::uint64_t length) {
    auto r = parse_range(header, size);
    EXPECT_EQ(r.what, kind::partial) << header << " of " << size;
    EXPECT_EQ(r.offset, offset) << header << " of " << size;
    EXPECT_EQ(r.length, length) << header << " of " << size;
}

TEST(ByteRange, FirstToLast) {
    expect_partial("bytes=0-9", 100, 0, 10);
    expect_partial("bytes=10-19", 100, 10, 10);
    expect_partial("bytes=99-99", 100, 99, 1);
    expect_partial("bytes=0-0", 1, 0, 1);
    expect_partial("BYTES = 5-6", 100, 5, 2);  // unit case and spaces around '=' do not matter
}

TEST(ByteRange, OpenEndedAndPastTheEndAreCutToTheEnd) {
    expect_partial("bytes=90-", 100, 90, 10);
    expect_partial("bytes=0-", 100, 0, 100);
    expect_partial("bytes=50-1000", 100, 50, 50);
    expect_partial("bytes=0-18446744073709551615", 100, 0, 100);
}

TEST(ByteRange, Suffixes) {
    expect_partial("bytes=-10", 100, 90, 10);
    expect_partial("bytes=-100", 100, 0, 100);
    expect_partial("bytes=-500", 100, 0, 100);  // longer than the file: all of it
    expect_partial("bytes=-1", 1, 0, 1);
}

TEST(ByteRange, StartingAtOrPastTheEndIsUnsatisfiable) {
    EXPECT_EQ(parse_range("bytes=100-", 100).what, kind::unsatisfiable);
    EXPECT_EQ(parse_range("bytes=100-200", 100).what, kind::unsatisfiable);
    EXPECT_EQ(parse_range("bytes=5000-5001", 100).what, kind::unsatisfiable);
    EXPECT_EQ(parse_range("bytes=-0", 100).what, kind::unsatisfiable);
    EXPECT_EQ(parse_range("bytes=0-", 0).what, kind::unsatisfiable);  // an empty file
    EXPECT_EQ(parse_range("bytes=-5", 0).what, kind::unsatisfiable);
}

TEST(ByteRange, WhatWeDoNotUnderstandIsIgnored) {
    for (auto header : {"", "bytes", "bytes=", "bytes=-", "bytes=a-b", "bytes=5-1", "bytes=+1-2",
                        "bytes=1--2", "bytes= -1 0", "items=0-9", "bytes=0-9,20-29",
                        "bytes=99999999999999999999-", "bytes=0x10-20"})
        EXPECT_EQ(parse_range(header, 100).what, kind::whole) << header;
}

TEST(EtagMatches, ListsWeakTagsAndTheStar) {
    std::string_view tag = "\"abc\"";
    EXPECT_TRUE(etag_matches("\"abc\"", tag));
    EXPECT_TRUE(etag_matches("W/\"abc\"", tag));
    EXPECT_TRUE(etag_matches("\"x\", \"abc\"", tag));
    EXPECT_TRUE(etag_matches(" \"x\" ,W/\"abc\" ", tag));
    EXPECT_TRUE(etag_matches("*", tag));
    EXPECT_FALSE(etag_matches("", tag));
    EXPECT_FALSE(etag_matches("\"abcd\"", tag));
    EXPECT_FALSE(etag_matches("abc", tag));  // unquoted is not the same tag
    EXPECT_FALSE(etag_matches("\"x\", \"y\"", tag));
}

}  // namespace
}  // namespace bimtek::transport
