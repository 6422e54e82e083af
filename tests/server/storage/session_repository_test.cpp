#include "server/storage/session_repository.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;
using storage::testing::sample_event;
using storage::testing::sample_session;
using storage::testing::sample_user;
using storage::testing::unix_ms;

void expect_same(domain::session const& a, domain::session const& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.event, b.event);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.speaker, b.speaker);
    EXPECT_EQ(a.speaker_name, b.speaker_name);
    EXPECT_EQ(to_unix_ms(a.planned_start), to_unix_ms(b.planned_start));
    EXPECT_EQ(to_unix_ms(a.planned_end), to_unix_ms(b.planned_end));
    EXPECT_EQ(unix_ms(a.actual_start), unix_ms(b.actual_start));
    EXPECT_EQ(unix_ms(a.actual_end), unix_ms(b.actual_end));
    EXPECT_EQ(a.moderated, b.moderated);
    EXPECT_EQ(a.required, b.required);
}

class SqliteSessionRepository : public storage::testing::store_test {
protected:
    void SetUp() override {
        store_test::SetUp();
        std::tie(event_, speaker_) = write_ok([](domain::repositories& r) {
            return std::make_pair(r.events.insert(sample_event("Bimtek")),
                                  r.users.insert(sample_user("bambang")));
        });
    }

    domain::session_id insert(domain::session const& s) {
        return write_ok([&](domain::repositories& r) { return r.sessions.insert(s); });
    }
    std::optional<domain::session> find(domain::session_id id) {
        return read_ok([&](domain::repositories& r) { return r.sessions.find(id); });
    }

    domain::event_id event_ = 0;
    domain::user_id speaker_ = 0;
};

TEST_F(SqliteSessionRepository, RoundTripsEveryFieldWithOptionalsSet) {
    domain::session s = sample_session(event_, "Literasi Keuangan untuk Usaha Mikro");
    s.speaker = speaker_;
    s.id = insert(s);
    auto found = find(s.id);
    ASSERT_TRUE(found.has_value());
    expect_same(*found, s);
    EXPECT_FALSE(found->live());
}

TEST_F(SqliteSessionRepository, RoundTripsAbsentOptionalsAsAbsent) {
    domain::session s = sample_session(event_, "Pembukaan");
    s.speaker.reset();
    s.actual_start.reset();
    s.actual_end.reset();
    s.moderated = false;
    s.required = true;
    s.id = insert(s);
    auto found = find(s.id);
    ASSERT_TRUE(found.has_value());
    expect_same(*found, s);
}

TEST_F(SqliteSessionRepository, UpdateChangesEveryFieldButTheEvent) {
    domain::session s = sample_session(event_, "Pembukaan");
    s.actual_start.reset();
    s.actual_end.reset();
    s.id = insert(s);

    domain::session changed = s;
    changed.title = "Pembukaan dan Doa";
    changed.speaker = speaker_;
    changed.speaker_name = "Ibu Ratna";
    changed.planned_start = from_unix_ms(5'000);
    changed.planned_end = from_unix_ms(6'000);
    changed.actual_start = from_unix_ms(5'100);
    changed.moderated = !s.moderated;
    changed.required = !s.required;
    changed.event = 999;
    write_ok([&](domain::repositories& r) { r.sessions.update(changed); });

    auto found = find(s.id);
    ASSERT_TRUE(found.has_value());
    changed.event = event_;
    expect_same(*found, changed);
    EXPECT_TRUE(found->live());
}

TEST_F(SqliteSessionRepository, ListByEventIsByPlannedStartThenId) {
    auto add = [&](std::int64_t start_ms, domain::event_id event) {
        domain::session s = sample_session(event, "Sesi");
        s.planned_start = from_unix_ms(start_ms);
        return insert(s);
    };
    domain::event_id const other =
        write_ok([](domain::repositories& r) { return r.events.insert(sample_event("Lain")); });
    domain::session_id const late = add(3'000, event_);
    domain::session_id const early = add(1'000, event_);
    domain::session_id const middle = add(2'000, event_);
    domain::session_id const middle_too = add(2'000, event_);
    add(500, other);

    auto listed =
        read_ok([&](domain::repositories& r) { return r.sessions.list_by_event(event_); });
    std::vector<domain::session_id> got;
    for (auto const& s : listed) got.push_back(s.id);
    EXPECT_EQ(got, (std::vector<domain::session_id>{early, middle, middle_too, late}));
}

TEST_F(SqliteSessionRepository, RemoveDeletesAndIdsAreNeverReused) {
    domain::session_id const first = insert(sample_session(event_, "A"));
    domain::session_id const last = insert(sample_session(event_, "B"));
    write_ok([&](domain::repositories& r) { r.sessions.remove(last); });
    EXPECT_FALSE(find(last).has_value());
    EXPECT_TRUE(find(first).has_value());
    EXPECT_GT(insert(sample_session(event_, "C")), last);
}

TEST_F(SqliteSessionRepository, SpeakerMustBeAStaffAccount) {
    domain::session s = sample_session(event_, "A");
    s.speaker = 999;
    domain::status st = store_->write([&](domain::repositories& r) -> domain::status {
        r.sessions.insert(s);
        return {};
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::internal);
}

}  // namespace
