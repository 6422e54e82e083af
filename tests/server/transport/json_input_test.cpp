#include "server/transport/api/json_input.hpp"

#include <gtest/gtest.h>

namespace bimtek::transport {
namespace {

TEST(JsonInput, ReadsTypedFields) {
    auto in = json_input::parse(R"({"s":"x","i":5,"d":0.5,"b":true,"n":null,"t":"2026-11-26T09:00:00+07:00"})");
    ASSERT_TRUE(in);
    EXPECT_EQ(in->string("s"), "x");
    EXPECT_EQ(in->integer("i"), 5);
    EXPECT_EQ(in->number("d"), 0.5);
    EXPECT_EQ(in->number("i"), 5.0);
    EXPECT_EQ(in->boolean("b"), true);
    auto n = in->nullable_string("n");
    ASSERT_TRUE(n);
    EXPECT_FALSE(*n);
    auto t = in->time("t");
    ASSERT_TRUE(t);
    EXPECT_FALSE(t->local);
    EXPECT_FALSE(in->string("absent"));
    EXPECT_TRUE(in->finish().ok());
}

TEST(JsonInput, LocalTimesAreMarked) {
    auto in = json_input::parse(R"({"t":"2026-11-26T09:00"})");
    auto t = in->time("t");
    ASSERT_TRUE(t);
    EXPECT_TRUE(t->local);
}

TEST(JsonInput, CollectsEveryWrongType) {
    auto in = json_input::parse(R"({"s":5,"i":"x","t":"yesterday","nested":{"k":"v"}})");
    ASSERT_TRUE(in);
    in->string("s");
    in->integer("i");
    in->time("t");
    auto nested = in->nested("nested");
    nested.integer("k");
    in->absorb(nested);
    auto st = in->finish();
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::invalid);
    ASSERT_EQ(st.error().problems.size(), 4u);
    EXPECT_EQ(st.error().problems[3].field, "nested.k");
}

TEST(JsonInput, IntegerLists) {
    auto in = json_input::parse(R"({"ok":[3,1,2],"empty":[],"mixed":[1,"2"],"scalar":1,"frac":[1.5]})");
    ASSERT_TRUE(in);
    EXPECT_EQ(in->integer_list("ok"), (std::vector<std::int64_t>{3, 1, 2}));
    EXPECT_EQ(in->integer_list("empty"), std::vector<std::int64_t>{});
    EXPECT_FALSE(in->integer_list("absent"));
    EXPECT_TRUE(in->finish().ok());
    EXPECT_FALSE(in->integer_list("mixed"));
    EXPECT_FALSE(in->integer_list("scalar"));
    EXPECT_FALSE(in->integer_list("frac"));
    auto st = in->finish();
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().problems.size(), 3u);
    EXPECT_EQ(st.error().problems[0].field, "mixed");
}

TEST(JsonInput, NotAnObjectIsMalformed) {
    for (auto body : {"[1]", "\"x\"", "{", "nul", "{\"a\":1}x"}) {
        auto in = json_input::parse(body);
        ASSERT_FALSE(in) << body;
        EXPECT_EQ(in.error().kind, domain::error_kind::malformed) << body;
    }
    EXPECT_TRUE(json_input::parse(""));
}

TEST(JsonInput, IdParams) {
    EXPECT_EQ(*id_param("42", "event"), 42);
    for (auto bad : {"", "0", "-1", "4x", "99999999999999999999"}) EXPECT_FALSE(id_param(bad, "event")) << bad;
}

}  // namespace
}  // namespace bimtek::transport
