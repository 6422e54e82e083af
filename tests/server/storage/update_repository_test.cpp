#include "server/storage/update_repository.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;
using storage::testing::sample_event;
using storage::testing::sample_session;
using storage::testing::sample_update;
using storage::testing::sample_user;

std::vector<std::int64_t> seqs(std::vector<domain::stream_update> const& updates) {
    std::vector<std::int64_t> out;
    for (auto const& u : updates) out.push_back(u.seq);
    return out;
}

class SqliteUpdateRepository : public storage::testing::store_test {
protected:
    void SetUp() override {
        store_test::SetUp();
        write_ok([&](domain::repositories& r) {
            event_ = r.events.insert(sample_event("Bimtek Bali"));
            other_event_ = r.events.insert(sample_event("Bimtek NTT"));
        });
    }

    std::int64_t append(domain::event_id event, std::string kind = "checkin") {
        return write_ok([&](domain::repositories& r) {
            domain::stream_update u = sample_update(event, std::move(kind));
            std::int64_t const seq = r.updates.append(u);
            EXPECT_EQ(u.seq, seq);
            return seq;
        });
    }
    std::vector<domain::stream_update> list_after(domain::event_id event, std::int64_t after,
                                                  std::size_t limit) {
        return read_ok(
            [&](domain::repositories& r) { return r.updates.list_after(event, after, limit); });
    }

    domain::event_id event_ = 0, other_event_ = 0;
};

TEST_F(SqliteUpdateRepository, SeqIsGapFreePerEventAndIndependentAcrossEvents) {
    EXPECT_EQ(read_ok([&](domain::repositories& r) { return r.updates.latest_seq(event_); }), 0);
    EXPECT_EQ(append(event_), 1);
    EXPECT_EQ(append(other_event_), 1);
    EXPECT_EQ(append(event_), 2);
    // Several in one write.
    auto in_one = write_ok([&](domain::repositories& r) {
        std::vector<std::int64_t> out;
        for (domain::event_id e : {event_, other_event_, event_}) {
            domain::stream_update u = sample_update(e, "presence.join");
            out.push_back(r.updates.append(u));
        }
        return out;
    });
    EXPECT_EQ(in_one, (std::vector<std::int64_t>{3, 2, 4}));
    EXPECT_EQ(read_ok([&](domain::repositories& r) { return r.updates.latest_seq(event_); }), 4);
    EXPECT_EQ(read_ok([&](domain::repositories& r) { return r.updates.latest_seq(other_event_); }),
              2);
    EXPECT_EQ(seqs(list_after(event_, 0, 100)), (std::vector<std::int64_t>{1, 2, 3, 4}));
    EXPECT_EQ(seqs(list_after(other_event_, 0, 100)), (std::vector<std::int64_t>{1, 2}));
}

TEST_F(SqliteUpdateRepository, RoundTripsEveryField) {
    domain::stream_update with = sample_update(event_, "question.created");
    domain::stream_update without = sample_update(event_, "checkin");
    write_ok([&](domain::repositories& r) {
        domain::user_id const speaker = r.users.insert(sample_user("bambang"));
        with.session = r.sessions.insert(sample_session(event_, "Literasi Keuangan"));
        with.speaker = speaker;
        with.full_data = R"({"author":"Siti Nurhaliza","text":"Bagaimana cara mengajukan KUR?"})";
        with.public_data = R"({"text":"Bagaimana cara mengajukan KUR?"})";
        r.updates.append(with);
        r.updates.append(without);
    });
    auto listed = list_after(event_, 0, 10);
    ASSERT_EQ(listed.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        domain::stream_update const& want = i == 0 ? with : without;
        domain::stream_update const& got = listed[i];
        EXPECT_EQ(got.event, want.event);
        EXPECT_EQ(got.seq, want.seq);
        EXPECT_EQ(got.kind, want.kind);
        EXPECT_EQ(to_unix_ms(got.at), to_unix_ms(want.at));
        EXPECT_EQ(got.session, want.session);
        EXPECT_EQ(got.speaker, want.speaker);
        EXPECT_EQ(got.full_data, want.full_data);
        EXPECT_EQ(got.public_data, want.public_data);
    }
    EXPECT_TRUE(listed[0].session.has_value());
    EXPECT_FALSE(listed[1].session.has_value());
    EXPECT_FALSE(listed[1].speaker.has_value());
}

TEST_F(SqliteUpdateRepository, ListAfterIsAscendingFromAfterAndAtMostLimit) {
    for (int i = 0; i < 10; ++i) append(event_);
    append(other_event_);
    EXPECT_EQ(seqs(list_after(event_, 3, 4)), (std::vector<std::int64_t>{4, 5, 6, 7}));
    EXPECT_EQ(seqs(list_after(event_, 8, 100)), (std::vector<std::int64_t>{9, 10}));
    EXPECT_TRUE(list_after(event_, 10, 5).empty());
    EXPECT_TRUE(list_after(event_, 0, 0).empty());
    EXPECT_EQ(list_after(event_, 0, static_cast<std::size_t>(-1)).size(), 10u);
    EXPECT_TRUE(list_after(999, 0, 10).empty());
}

TEST_F(SqliteUpdateRepository, UpdateOfAnUnknownEventIsRefused) {
    domain::status st = store_->write([](domain::repositories& r) -> domain::status {
        domain::stream_update u = sample_update(999, "checkin");
        r.updates.append(u);
        return {};
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::internal);
    EXPECT_TRUE(notifier_.published.empty());
}

TEST_F(SqliteUpdateRepository, UpdateKeepsItsSessionAfterTheSessionIsRemoved) {
    domain::session_id const session = write_ok([&](domain::repositories& r) {
        return r.sessions.insert(sample_session(event_, "Batal"));
    });
    write_ok([&](domain::repositories& r) {
        domain::stream_update u = sample_update(event_, "session.updated");
        u.session = session;
        r.updates.append(u);
        r.sessions.remove(session);
    });
    auto listed = list_after(event_, 0, 10);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].session, session);
}

}  // namespace
