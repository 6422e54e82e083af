#include "server/storage/completion_rule_repository.hpp"

#include <gtest/gtest.h>

#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;
using storage::testing::sample_event;

class SqliteCompletionRuleRepository : public storage::testing::store_test {
protected:
    void SetUp() override {
        store_test::SetUp();
        event_ = write_ok(
            [&](domain::repositories& r) { return r.events.insert(sample_event("Bimtek")); });
    }
    std::optional<domain::completion_rules> find() {
        return read_ok([&](domain::repositories& r) { return r.completion_rules.find(event_); });
    }
    domain::event_id event_ = 0;
};

TEST_F(SqliteCompletionRuleRepository, AbsentUntilPutThenReplaced) {
    EXPECT_FALSE(find().has_value());
    write_ok([&](domain::repositories& r) { r.completion_rules.put(event_, {0.75, false}); });
    ASSERT_TRUE(find().has_value());
    EXPECT_DOUBLE_EQ(find()->min_share, 0.75);
    EXPECT_FALSE(find()->open_checkin_counts_to_end);
    write_ok([&](domain::repositories& r) { r.completion_rules.put(event_, {1.0, true}); });
    EXPECT_DOUBLE_EQ(find()->min_share, 1.0);
    EXPECT_TRUE(find()->open_checkin_counts_to_end);
}

TEST_F(SqliteCompletionRuleRepository, TheSchemaRefusesSharesOutsideZeroToOne) {
    auto st = store_->write([&](domain::repositories& r) -> domain::status {
        r.completion_rules.put(event_, {1.5, true});
        return {};
    });
    EXPECT_FALSE(st.ok());
    auto unknown = store_->write([&](domain::repositories& r) -> domain::status {
        r.completion_rules.put(event_ + 100, {0.5, true});
        return {};
    });
    EXPECT_FALSE(unknown.ok());
}

}  // namespace
