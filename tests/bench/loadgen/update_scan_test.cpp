// Reading stream messages without a JSON parser: the envelope of updates as bimtek writes them,
// votes, and the load generator's question markers.
#include "tests/bench/loadgen/update_scan.hpp"

#include <gtest/gtest.h>

namespace bimtek::loadgen {
namespace {

TEST(UpdateScan, ReadsTheEnvelope) {
    std::string_view m =
        R"({"type":"update","seq":58,"kind":"question.created","at":"2026-11-26T02:10:03.120Z",)"
        R"("data":{"question":{"id":12,"text":"x [lg-ab12:7] y","seq":1}}})";
    auto u = scan_update(m);
    ASSERT_TRUE(u);
    EXPECT_EQ(u->seq, 58);
    EXPECT_EQ(u->kind, "question.created");
    EXPECT_EQ(u->data.substr(0, 12), R"({"question":)");
    EXPECT_EQ(find_marker(u->data, "ab12"), 7);
    EXPECT_EQ(find_marker(u->data, "ab13"), std::nullopt);
}

TEST(UpdateScan, ToleratesSpacesAndOtherOrders) {
    auto u = scan_update(R"({ "kind" : "checkin", "type" : "update", "seq" : 3, "data" : {} })");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->seq, 3);
    EXPECT_EQ(u->kind, "checkin");
}

TEST(UpdateScan, OtherMessagesAreNotUpdates) {
    EXPECT_FALSE(scan_update(R"({"type":"welcome","seq":57})"));
    EXPECT_EQ(message_type(R"({"type":"resync","reason":"slow_consumer","seq":4})"), "resync");
    EXPECT_EQ(message_type("{}"), "");
}

TEST(UpdateScan, ReadsVotes) {
    auto v = scan_vote(R"({"question":{"id":12,"session_id":1,"votes":3}})");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->question, 12);
    EXPECT_EQ(v->votes, 3);
    EXPECT_FALSE(scan_vote(R"({"material":{"id":1}})"));
}

TEST(UpdateScan, IntegersAndStrings) {
    EXPECT_EQ(find_int(R"({"session_id":4,"id":-9})", "id"), -9);
    EXPECT_EQ(find_int(R"({"id":"x"})", "id"), std::nullopt);
    EXPECT_EQ(find_string(R"({"a":"q\"uote","b":1})", "a"), R"(q\"uote)");
    EXPECT_EQ(find_string(R"({"a":"open)", "a"), std::nullopt);
}

TEST(UpdateScan, Markers) {
    EXPECT_EQ(make_marker("ab12", 7), "[lg-ab12:7]");
    EXPECT_EQ(find_marker("[lg-ab12:]", "ab12"), std::nullopt);
    EXPECT_EQ(find_marker("[lg-ab12:12", "ab12"), std::nullopt);
    EXPECT_EQ(find_marker("a [lg-ab12:120] b", "ab12"), 120);
}

}  // namespace
}  // namespace bimtek::loadgen
