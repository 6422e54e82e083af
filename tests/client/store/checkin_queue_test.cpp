#include "client/store/checkin_queue.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "tests/harness/temp_dir.hpp"

namespace bimtek::client::store {
namespace {

timestamp at(int s) {
    return from_unix_ms(1'790'000'000'000 + s * 1000LL);
}

TEST(CheckinQueue, KeepsScansInOrderUntilDone) {
    auto q = checkin_queue::open(":memory:");
    ASSERT_TRUE(q) << q.error();
    auto a = (*q)->add("AAAA2222", std::nullopt, at(1));
    auto b = (*q)->add("BBBB3333", 4, at(2));
    ASSERT_TRUE(a && b);
    EXPECT_NE(a->id, b->id);
    EXPECT_EQ(*(*q)->pending_count(), 2);
    auto first = (*q)->oldest_pending();
    ASSERT_TRUE(first && *first);
    EXPECT_EQ((*first)->code, "AAAA2222");
    EXPECT_FALSE((*first)->event_id);
    EXPECT_EQ((*first)->scanned_at, at(1));
    ASSERT_TRUE((*q)->mark_done(a->id, "checked_in", at(3)));
    EXPECT_EQ(*(*q)->outcome_of(a->id), "checked_in");
    EXPECT_EQ(*(*q)->outcome_of(b->id), "");
    auto next = (*q)->oldest_pending();
    ASSERT_TRUE(next && *next);
    EXPECT_EQ((*next)->code, "BBBB3333");
    EXPECT_EQ((*next)->event_id, 4);
    ASSERT_TRUE((*q)->mark_done(b->id, "unknown_code", at(4)));
    EXPECT_EQ(*(*q)->pending_count(), 0);
    EXPECT_FALSE(*(*q)->oldest_pending());
}

TEST(CheckinQueue, SurvivesReopening) {
    bimtek::testing::temp_dir dir;
    auto file = dir / "sub" / "queue.db";  // the directory is created
    std::string kept;
    {
        auto q = checkin_queue::open(file);
        ASSERT_TRUE(q) << q.error();
        ASSERT_TRUE((*q)->add("DONE2222", std::nullopt, at(1)));
        auto done = (*q)->oldest_pending();
        ASSERT_TRUE((*q)->mark_done((*done)->id, "checked_in", at(2)));
        auto k = (*q)->add("KEPT3333", std::nullopt, at(3));
        kept = k->id;
    }  // as if the kiosk had crashed here: nothing else is written on close
    auto q = checkin_queue::open(file);
    ASSERT_TRUE(q) << q.error();
    auto pending = (*q)->pending();
    ASSERT_TRUE(pending);
    ASSERT_EQ(pending->size(), 1u);
    EXPECT_EQ((*pending)[0].id, kept);
    EXPECT_EQ((*pending)[0].code, "KEPT3333");
}

TEST(CheckinQueue, ReportsAFileItCannotOpen) {
    auto q = checkin_queue::open("/proc/no/such/dir/queue.db");
    EXPECT_FALSE(q);
}

TEST(CheckinQueue, UuidsAreVersion4) {
    std::regex v4("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    auto a = new_uuid();
    EXPECT_TRUE(std::regex_match(a, v4)) << a;
    EXPECT_NE(a, new_uuid());
}

}  // namespace
}  // namespace bimtek::client::store
