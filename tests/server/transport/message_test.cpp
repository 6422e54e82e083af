#include "server/transport/http/message.hpp"

#include <gtest/gtest.h>

namespace bimtek::transport {
namespace {

TEST(PercentDecode, DecodesEscapes) {
    EXPECT_EQ(percent_decode("/verify/AB%20CD", false), "/verify/AB CD");
    EXPECT_EQ(percent_decode("a+b", false), "a+b");
    EXPECT_EQ(percent_decode("a+b", true), "a b");
    EXPECT_EQ(percent_decode("%E2%80%94", false), "\xE2\x80\x94");
}

TEST(PercentDecode, RefusesBrokenEscapesAndNul) {
    EXPECT_FALSE(percent_decode("%", false));
    EXPECT_FALSE(percent_decode("%4", false));
    EXPECT_FALSE(percent_decode("%zz", false));
    EXPECT_FALSE(percent_decode("a%00b", false));
}

TEST(QueryParam, FindsAndDecodes) {
    api_request r;
    r.query = "filename=Materi%20Sesi%201.pdf&x=1&flag&name=a+b";
    EXPECT_EQ(r.query_param("filename"), "Materi Sesi 1.pdf");
    EXPECT_EQ(r.query_param("x"), "1");
    EXPECT_EQ(r.query_param("flag"), "");
    EXPECT_EQ(r.query_param("name"), "a b");
    EXPECT_FALSE(r.query_param("missing"));
}

}  // namespace
}  // namespace bimtek::transport
