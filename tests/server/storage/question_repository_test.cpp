#include "server/storage/question_repository.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;
using storage::testing::sample_event;
using storage::testing::sample_participant;
using storage::testing::sample_session;
using storage::testing::sample_user;
using storage::testing::unix_ms;

void expect_same(domain::question const& a, domain::question const& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.event, b.event);
    EXPECT_EQ(a.session, b.session);
    EXPECT_EQ(a.author, b.author);
    EXPECT_EQ(a.entered_by, b.entered_by);
    EXPECT_EQ(a.author_name, b.author_name);
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.anonymous, b.anonymous);
    EXPECT_EQ(a.from_room, b.from_room);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.votes, b.votes);
    EXPECT_EQ(to_unix_ms(a.created_at), to_unix_ms(b.created_at));
    EXPECT_EQ(to_unix_ms(a.updated_at), to_unix_ms(b.updated_at));
    EXPECT_EQ(unix_ms(a.answered_at), unix_ms(b.answered_at));
}

std::vector<domain::question_id> ids(std::vector<domain::question> const& list) {
    std::vector<domain::question_id> out;
    for (auto const& q : list) out.push_back(q.id);
    return out;
}

class SqliteQuestionRepository : public storage::testing::store_test {
protected:
    void SetUp() override {
        store_test::SetUp();
        write_ok([&](domain::repositories& r) {
            event_ = r.events.insert(sample_event("Bimtek Bali"));
            other_event_ = r.events.insert(sample_event("Bimtek NTT"));
            speaker_ = r.users.insert(sample_user("rina"));
            session_ = r.sessions.insert(sample_session(event_, "Pemasaran Digital"));
            other_session_ = r.sessions.insert(sample_session(event_, "Pembukuan"));
            ayu_ = r.participants.insert(sample_participant(event_, "Ni Luh Putu Ayu", "ABCD2345"));
            siti_ = r.participants.insert(sample_participant(event_, "Siti Nurhaliza", "ABCD3456"));
            stranger_ =
                r.participants.insert(sample_participant(other_event_, "Yohanes", "ABCD4567"));
        });
    }

    domain::question asked(domain::participant_id by, std::int64_t at_ms,
                           domain::session_id session = 0) {
        domain::question q;
        q.event = event_;
        q.session = session ? session : session_;
        q.author = by;
        q.author_name = "Ni Luh Putu Ayu";
        q.text = "Bagaimana cara mengakses modal usaha? 🙏";
        q.created_at = from_unix_ms(at_ms);
        q.updated_at = from_unix_ms(at_ms);
        return q;
    }
    domain::question_id insert(domain::question const& q) {
        return write_ok([&](domain::repositories& r) { return r.questions.insert(q); });
    }
    std::optional<domain::question> find(domain::question_id id) {
        return read_ok([&](domain::repositories& r) { return r.questions.find(id); });
    }
    bool fails(std::function<void(domain::repositories&)> f) {
        domain::status st = store_->write([&](domain::repositories& r) -> domain::status {
            f(r);
            return {};
        });
        return !st.ok() && st.error().kind == domain::error_kind::internal;
    }

    domain::event_id event_ = 0, other_event_ = 0;
    domain::user_id speaker_ = 0;
    domain::session_id session_ = 0, other_session_ = 0;
    domain::participant_id ayu_ = 0, siti_ = 0, stranger_ = 0;
};

TEST_F(SqliteQuestionRepository, QuestionOfAParticipantRoundTrips) {
    domain::question q = asked(ayu_, 1'000);
    q.anonymous = true;
    q.status = domain::question_status::answered;
    q.votes = 3;
    q.updated_at = from_unix_ms(2'000);
    q.answered_at = from_unix_ms(2'000);
    q.id = insert(q);
    EXPECT_GT(q.id, 0);
    auto found = find(q.id);
    ASSERT_TRUE(found.has_value());
    expect_same(*found, q);
    EXPECT_FALSE(find(q.id + 100).has_value());
}

TEST_F(SqliteQuestionRepository, QuestionFromTheRoomRoundTrips) {
    domain::question q;
    q.event = event_;
    q.session = session_;
    q.entered_by = speaker_;
    q.from_room = true;
    q.text = "Dari ruangan";
    q.status = domain::question_status::pending;
    q.created_at = q.updated_at = from_unix_ms(5);
    q.id = insert(q);
    expect_same(find(q.id).value(), q);
}

TEST_F(SqliteQuestionRepository, UpdateStoresStatusVotesAndTimesOnly) {
    domain::question q = asked(ayu_, 1'000);
    q.id = insert(q);
    domain::question changed = q;
    changed.status = domain::question_status::answered;
    changed.votes = 7;
    changed.updated_at = from_unix_ms(3'000);
    changed.answered_at = from_unix_ms(3'000);
    changed.text = "not stored";
    changed.anonymous = true;
    write_ok([&](domain::repositories& r) { r.questions.update(changed); });
    domain::question expected = q;
    expected.status = changed.status;
    expected.votes = 7;
    expected.updated_at = changed.updated_at;
    expected.answered_at = changed.answered_at;
    expect_same(find(q.id).value(), expected);

    changed.answered_at.reset();
    changed.status = domain::question_status::hidden;
    write_ok([&](domain::repositories& r) { r.questions.update(changed); });
    EXPECT_EQ(find(q.id)->answered_at, std::nullopt);
    EXPECT_EQ(find(q.id)->status, domain::question_status::hidden);
}

TEST_F(SqliteQuestionRepository, ListIsOldestFirstAndPerSession) {
    auto b = insert(asked(ayu_, 2'000));
    auto a = insert(asked(siti_, 1'000));
    auto c = insert(asked(ayu_, 2'000));
    insert(asked(ayu_, 500, other_session_));
    auto list =
        read_ok([&](domain::repositories& r) { return r.questions.list_by_session(session_); });
    EXPECT_EQ(ids(list), (std::vector<domain::question_id>{a, b, c}));
}

TEST_F(SqliteQuestionRepository, AtMostOnePinnedQuestionPerSession) {
    EXPECT_FALSE(read_ok([&](domain::repositories& r) {
                     return r.questions.find_pinned(session_);
                 }).has_value());
    domain::question pinned = asked(ayu_, 1'000);
    pinned.status = domain::question_status::pinned;
    pinned.id = insert(pinned);
    auto found =
        read_ok([&](domain::repositories& r) { return r.questions.find_pinned(session_); });
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->id, pinned.id);

    domain::question second = asked(siti_, 2'000);
    second.id = insert(second);
    second.status = domain::question_status::pinned;
    EXPECT_TRUE(fails([&](domain::repositories& r) { r.questions.update(second); }));
    // Another session may have its own.
    domain::question elsewhere = asked(siti_, 2'000, other_session_);
    elsewhere.status = domain::question_status::pinned;
    EXPECT_GT(insert(elsewhere), 0);
    // Unpin, then pin: fine in one transaction.
    write_ok([&](domain::repositories& r) {
        pinned.status = domain::question_status::approved;
        r.questions.update(pinned);
        r.questions.update(second);
    });
    EXPECT_EQ(
        read_ok([&](domain::repositories& r) { return r.questions.find_pinned(session_); })->id,
        second.id);
}

TEST_F(SqliteQuestionRepository, CountsAQuestionAskedAtOrAfterSince) {
    insert(asked(ayu_, 1'000));
    insert(asked(ayu_, 2'000, other_session_));
    insert(asked(siti_, 2'000));
    auto count = [&](domain::participant_id who, std::int64_t since) {
        return read_ok([&](domain::repositories& r) {
            return r.questions.count_by_author_since(who, from_unix_ms(since));
        });
    };
    EXPECT_EQ(count(ayu_, 0), 2);
    EXPECT_EQ(count(ayu_, 1'000), 2);
    EXPECT_EQ(count(ayu_, 1'001), 1);
    EXPECT_EQ(count(ayu_, 2'001), 0);
    EXPECT_EQ(count(siti_, 0), 1);
}

TEST_F(SqliteQuestionRepository, OneVotePerParticipantAndQuestion) {
    auto q = insert(asked(ayu_, 1'000));
    auto other = insert(asked(ayu_, 1'000, other_session_));
    write_ok([&](domain::repositories& r) {
        EXPECT_TRUE(r.questions.add_vote(q, siti_, from_unix_ms(2'000)));
        EXPECT_FALSE(r.questions.add_vote(q, siti_, from_unix_ms(3'000)));  // again: nothing
        EXPECT_TRUE(r.questions.add_vote(q, ayu_, from_unix_ms(3'000)));
        EXPECT_TRUE(r.questions.add_vote(other, siti_, from_unix_ms(3'000)));
    });
    read_ok([&](domain::repositories& r) {
        EXPECT_EQ(r.questions.count_votes(q), 2);
        EXPECT_EQ(r.questions.count_votes(other), 1);
        EXPECT_EQ(r.questions.voted_by(siti_, session_), (std::vector<domain::question_id>{q}));
        EXPECT_EQ(r.questions.voted_by(siti_, other_session_),
                  (std::vector<domain::question_id>{other}));
        EXPECT_TRUE(r.questions.voted_by(stranger_, session_).empty());
    });
    write_ok([&](domain::repositories& r) {
        EXPECT_TRUE(r.questions.remove_vote(q, siti_));
        EXPECT_FALSE(r.questions.remove_vote(q, siti_));
    });
    EXPECT_EQ(read_ok([&](domain::repositories& r) { return r.questions.count_votes(q); }), 1);
    // A voter must exist; so must the question.
    EXPECT_TRUE(
        fails([&](domain::repositories& r) { r.questions.add_vote(q, 999, from_unix_ms(1)); }));
    EXPECT_TRUE(
        fails([&](domain::repositories& r) { r.questions.add_vote(999, ayu_, from_unix_ms(1)); }));
}

TEST_F(SqliteQuestionRepository, AuthorIsAParticipantOfTheQuestionsEvent) {
    EXPECT_TRUE(fails([&](domain::repositories& r) { r.questions.insert(asked(stranger_, 1)); }));
    EXPECT_TRUE(fails([&](domain::repositories& r) { r.questions.insert(asked(999, 1)); }));
}

TEST_F(SqliteQuestionRepository, RemovingASessionRemovesItsQuestionsAndVotes) {
    domain::session_id extra = write_ok([&](domain::repositories& r) {
        return r.sessions.insert(sample_session(event_, "Extra"));
    });
    auto q = insert(asked(ayu_, 1'000, extra));
    auto kept = insert(asked(ayu_, 1'000));
    write_ok([&](domain::repositories& r) {
        r.questions.add_vote(q, siti_, from_unix_ms(2'000));
        r.questions.add_vote(kept, siti_, from_unix_ms(2'000));
    });
    write_ok([&](domain::repositories& r) { r.sessions.remove(extra); });
    EXPECT_FALSE(find(q).has_value());
    read_ok([&](domain::repositories& r) {
        EXPECT_EQ(r.questions.count_votes(q), 0);
        EXPECT_EQ(r.questions.count_votes(kept), 1);
    });
}

}  // namespace
