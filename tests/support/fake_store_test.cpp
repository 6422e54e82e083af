#include "tests/support/fake_store.hpp"

#include <gtest/gtest.h>

#include "tests/support/recording_notifier.hpp"
#include "tests/support/seed.hpp"

namespace bimtek::test {
namespace {

using namespace domain;

timestamp t0() {
    return from_unix_ms(1'795'000'000'000);
}

class fake_store_test : public ::testing::Test {
protected:
    recording_notifier notifier;
    fake_store store{notifier};
    event e = seed_event(store, "Bimtek", t0(), t0() + std::chrono::hours{7});

    stream_update update(std::string kind) {
        stream_update u;
        u.event = e.id;
        u.kind = std::move(kind);
        u.full_data = "{}";
        u.public_data = "{}";
        return u;
    }

    participant person(std::string name, std::string code) {
        participant p;
        p.event = e.id;
        p.name = std::move(name);
        p.access_code = std::move(code);
        return p;
    }
};

TEST_F(fake_store_test, commits_and_publishes_in_order) {
    status s = store.write([&](repositories& r) -> status {
        auto a = update("satu");
        auto b = update("dua");
        EXPECT_EQ(r.updates.append(a), 1);
        EXPECT_EQ(r.updates.append(b), 2);
        EXPECT_EQ(notifier.size(), 0u);  // not before the commit
        return {};
    });
    ASSERT_TRUE(s.ok());
    auto published = notifier.updates();
    ASSERT_EQ(published.size(), 2u);
    EXPECT_EQ(published[0].kind, "satu");
    EXPECT_EQ(published[1].seq, 2);
    EXPECT_EQ(store.commits(), 2);  // the seeding write and this one
}

TEST_F(fake_store_test, an_error_rolls_everything_back) {
    std::string before = store.dump();
    status s = store.write([&](repositories& r) -> status {
        r.participants.insert(person("Siti", "AAAABBBB"));
        auto u = update("checkin");
        r.updates.append(u);
        return make_error(error_kind::conflict, "nope", "refused");
    });
    EXPECT_EQ(s.error().code, "nope");
    EXPECT_EQ(store.dump(), before);
    EXPECT_EQ(notifier.size(), 0u);
}

TEST_F(fake_store_test, a_constraint_violation_is_an_internal_error_and_rolls_back) {
    seed_participant(store, e.id, "Siti", attendance_mode::onsite, "AAAABBBB");
    std::string before = store.dump();
    status s = store.write([&](repositories& r) -> status {
        r.participants.insert(person("Ayu", "CCCCDDDD"));
        r.participants.insert(person("Budi", "AAAABBBB"));  // same code
        return {};
    });
    EXPECT_EQ(s.error().kind, error_kind::internal);
    EXPECT_EQ(store.dump(), before);
    seed_user(store, "dua", role::speaker);
    EXPECT_THROW(seed_user(store, "dua", role::coordinator), std::runtime_error);  // username taken
}

TEST_F(fake_store_test, a_failed_commit_rolls_back) {
    std::string before = store.dump();
    store.fail_next_write();
    status s = store.write([&](repositories& r) -> status {
        r.participants.insert(person("Siti", "AAAABBBB"));
        return {};
    });
    EXPECT_EQ(s.error().kind, error_kind::internal);
    EXPECT_EQ(store.dump(), before);
    EXPECT_TRUE(store.write([](repositories&) { return status{}; }).ok());  // only the next one
}

TEST_F(fake_store_test, ids_are_never_reused) {
    auto s1 = seed_session(store, e.id, "a", t0(), t0());
    ASSERT_TRUE(store
                    .write([&](repositories& r) {
                        r.sessions.remove(s1.id);
                        return status{};
                    })
                    .ok());
    auto s2 = seed_session(store, e.id, "b", t0(), t0());
    EXPECT_GT(s2.id, s1.id);
}

TEST_F(fake_store_test, reads_cannot_write) {
    status s = store.read([&](repositories& r) -> status {
        r.participants.insert(person("Siti", "AAAABBBB"));
        return {};
    });
    EXPECT_EQ(s.error().kind, error_kind::internal);
    EXPECT_TRUE(store.state().participants.empty());
}

TEST_F(fake_store_test, orders_participants_by_name_then_id) {
    auto b2 = seed_participant(store, e.id, "Budi", attendance_mode::online, "AAAA2222");
    auto a = seed_participant(store, e.id, "Ayu", attendance_mode::online, "AAAA3333");
    auto b1 = seed_participant(store, e.id, "Budi", attendance_mode::onsite, "AAAA4444");
    std::vector<participant> list;
    ASSERT_TRUE(store
                    .read([&](repositories& r) {
                        list = r.participants.list_by_event(e.id);
                        return status{};
                    })
                    .ok());
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].id, a.id);
    EXPECT_EQ(list[1].id, b2.id);
    EXPECT_EQ(list[2].id, b1.id);
}

TEST_F(fake_store_test, one_open_visit_per_participant) {
    auto p = seed_participant(store, e.id, "Siti", attendance_mode::onsite, "AAAABBBB");
    checkin v{0, e.id, p.id, t0(), 1, false, std::nullopt, std::nullopt};
    ASSERT_TRUE(store
                    .write([&](repositories& r) {
                        r.checkins.insert(v);
                        return status{};
                    })
                    .ok());
    status again = store.write([&](repositories& r) {
        r.checkins.insert(v);
        return status{};
    });
    EXPECT_EQ(again.error().kind, error_kind::internal);
    EXPECT_EQ(store.state().checkins.size(), 1u);
}

TEST_F(fake_store_test, questions_keep_the_rules_of_the_schema) {
    auto p = seed_participant(store, e.id, "Siti", attendance_mode::online, "AAAABBBB");
    auto voter = seed_participant(store, e.id, "Ayu", attendance_mode::online, "AAAACCCC");
    auto s = seed_session(store, e.id, "Sesi", t0(), t0() + std::chrono::hours{1});
    auto question_in = [&](session_id sid, question_status st) {
        question q;
        q.event = e.id;
        q.session = sid;
        q.author = p.id;
        q.text = "Apa?";
        q.status = st;
        return q;
    };
    question_id pinned = 0;
    ASSERT_TRUE(store
                    .write([&](repositories& r) {
                        pinned = r.questions.insert(question_in(s.id, question_status::pinned));
                        EXPECT_TRUE(r.questions.add_vote(pinned, voter.id, t0()));
                        EXPECT_FALSE(r.questions.add_vote(pinned, voter.id, t0()));
                        EXPECT_EQ(r.questions.count_votes(pinned), 1);
                        EXPECT_EQ(r.questions.voted_by(voter.id, s.id),
                                  std::vector<question_id>{pinned});
                        return status{};
                    })
                    .ok());
    std::string before = store.dump();
    // A second pinned question in the session, a vote by nobody, an author of no event.
    EXPECT_FALSE(store
                     .write([&](repositories& r) {
                         r.questions.insert(question_in(s.id, question_status::pinned));
                         return status{};
                     })
                     .ok());
    EXPECT_FALSE(store
                     .write([&](repositories& r) {
                         r.questions.add_vote(pinned, 999, t0());
                         return status{};
                     })
                     .ok());
    EXPECT_FALSE(store
                     .write([&](repositories& r) {
                         question q = question_in(s.id, question_status::approved);
                         q.author = 999;
                         r.questions.insert(q);
                         return status{};
                     })
                     .ok());
    EXPECT_EQ(store.dump(), before);
    // Removing the session removes its questions and their votes.
    ASSERT_TRUE(store
                    .write([&](repositories& r) {
                        r.sessions.remove(s.id);
                        return status{};
                    })
                    .ok());
    EXPECT_TRUE(store.state().questions.empty());
    EXPECT_TRUE(store.state().votes.empty());
}

TEST_F(fake_store_test, presence_keeps_one_open_interval_and_counts_online_outside_the_room) {
    auto ayu = seed_participant(store, e.id, "Ayu", attendance_mode::online, "AAAACCCC");
    auto siti = seed_participant(store, e.id, "Siti", attendance_mode::onsite, "AAAABBBB");
    ASSERT_TRUE(store
                    .write([&](repositories& r) {
                        auto a = r.presence.open(e.id, ayu.id, t0());
                        r.presence.open(e.id, siti.id, t0());
                        EXPECT_EQ(r.presence.count_online_present(e.id), 2);
                        r.checkins.insert(
                            checkin{0, e.id, siti.id, t0(), 1, false, std::nullopt, std::nullopt});
                        EXPECT_EQ(r.presence.count_online_present(e.id), 1);
                        r.presence.touch({a}, t0() + std::chrono::seconds{30});
                        EXPECT_EQ(r.presence.close_all_at_last_seen(), 2);
                        EXPECT_EQ(r.presence.find_open(ayu.id), std::nullopt);
                        EXPECT_EQ(r.presence.list_for_participant(ayu.id).at(0).left_at,
                                  t0() + std::chrono::seconds{30});
                        EXPECT_EQ(r.presence.count_online_present(e.id), 0);
                        return status{};
                    })
                    .ok());
    status twice = store.write([&](repositories& r) {
        r.presence.open(e.id, ayu.id, t0());
        r.presence.open(e.id, ayu.id, t0());
        return status{};
    });
    EXPECT_EQ(twice.error().kind, error_kind::internal);
    auto other = seed_event(store, "Lain", t0(), t0());
    status elsewhere = store.write([&](repositories& r) {
        r.presence.open(other.id, ayu.id, t0());
        return status{};
    });
    EXPECT_EQ(elsewhere.error().kind, error_kind::internal);
    EXPECT_EQ(store.state().presence.size(), 2u);
}

}  // namespace
}  // namespace bimtek::test
