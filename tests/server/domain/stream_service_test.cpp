#include "server/domain/stream_service.hpp"

#include "server/domain/update_payloads.hpp"
#include "tests/server/domain/domain_fixture.hpp"

namespace bimtek::test {
namespace {

using namespace domain;
using namespace std::chrono_literals;

class stream_service_test : public domain_fixture {
protected:
    stream_service stream{store, 5};
    participant siti =
        seed_participant(store, event.id, "Siti Nurhaliza", attendance_mode::onsite, "AAAABBBB");

    // Appends "n" updates to "e"'s stream.
    void append(int n, event_id e = 0) {
        ASSERT_TRUE(store
                        .write([&](repositories& r) {
                            for (int i = 0; i < n; ++i) {
                                stream_update u = make_update(e ? e : event.id, "test", clock.now(),
                                                              update_views{"{}", "{}"});
                                r.updates.append(u);
                            }
                            return status{};
                        })
                        .ok());
    }
    stream_start start(principal const& who, std::optional<event_id> e = std::nullopt,
                       std::optional<std::int64_t> since = std::nullopt,
                       std::optional<std::string> epoch = std::nullopt) {
        auto r = stream.start(who, e, since, epoch);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? *r : stream_start{};
    }
    static std::vector<std::int64_t> seqs(stream_start const& s) {
        std::vector<std::int64_t> out;
        for (auto const& u : s.replay) out.push_back(u.seq);
        return out;
    }
};

TEST_F(stream_service_test, without_since_there_is_no_replay) {
    append(3);
    auto s = start(principal_of(siti));
    EXPECT_EQ(s.event, event.id);
    EXPECT_EQ(s.latest_seq, 3);
    EXPECT_EQ(s.epoch, event.stream_epoch);
    EXPECT_EQ(s.role, role::participant);
    EXPECT_TRUE(s.replay.empty());
    EXPECT_EQ(s.resync, std::nullopt);
}

TEST_F(stream_service_test, replays_what_the_viewer_missed) {
    append(7);
    auto s = start(principal_of(siti), std::nullopt, 4, event.stream_epoch);
    EXPECT_EQ(seqs(s), (std::vector<std::int64_t>{5, 6, 7}));
    EXPECT_EQ(s.resync, std::nullopt);
    EXPECT_EQ(s.replay[0].kind, "test");
    // Caught up: nothing to replay.
    EXPECT_TRUE(start(principal_of(siti), std::nullopt, 7).replay.empty());
    // Exactly the replay window: still replayed.
    auto edge = start(principal_of(siti), std::nullopt, 2);
    EXPECT_EQ(seqs(edge), (std::vector<std::int64_t>{3, 4, 5, 6, 7}));
    EXPECT_EQ(edge.resync, std::nullopt);
    // since 0 with more than the window behind it: too much to replay.
    EXPECT_EQ(start(as_coordinator(), event.id, 0).resync, "gap_too_large");
}

TEST_F(stream_service_test, resync_reasons) {
    append(7);
    auto gap = start(principal_of(siti), std::nullopt, 1);
    EXPECT_EQ(gap.resync, "gap_too_large");
    EXPECT_TRUE(gap.replay.empty());
    EXPECT_EQ(gap.latest_seq, 7);

    auto ahead = start(principal_of(siti), std::nullopt, 8);
    EXPECT_EQ(ahead.resync, "ahead");
    EXPECT_TRUE(ahead.replay.empty());

    auto reset = start(principal_of(siti), std::nullopt, 6, std::string("another-epoch"));
    EXPECT_EQ(reset.resync, "epoch_changed");
    EXPECT_TRUE(reset.replay.empty());
    EXPECT_EQ(reset.epoch, event.stream_epoch);
    EXPECT_EQ(start(principal_of(siti), std::nullopt, std::nullopt, std::string("x")).resync,
              "epoch_changed");
}

TEST_F(stream_service_test, an_empty_stream_starts_at_zero) {
    auto s = start(principal_of(siti), std::nullopt, 0);
    EXPECT_EQ(s.latest_seq, 0);
    EXPECT_TRUE(s.replay.empty());
    EXPECT_EQ(s.resync, std::nullopt);
}

TEST_F(stream_service_test, staff_get_their_most_recent_event_unless_they_choose) {
    auto later = seed_event(store, "Bimtek Bandung", wib(9) + 24h * 7, wib(16) + 24h * 7);
    seed_member(store, later.id, coordinator.id, role::coordinator);
    append(2, later.id);
    auto s = start(as_coordinator());
    EXPECT_EQ(s.event, later.id);
    EXPECT_EQ(s.latest_seq, 2);
    EXPECT_EQ(s.role, role::coordinator);
    EXPECT_EQ(start(as_coordinator(), event.id).event, event.id);

    auto speaker_view = start(as_speaker());
    EXPECT_EQ(speaker_view.event, event.id);
    EXPECT_EQ(speaker_view.role, role::speaker);

    EXPECT_ERROR(stream.start(as_speaker(), later.id, std::nullopt, std::nullopt), forbidden,
                 "forbidden");
    EXPECT_ERROR(stream.start(as_coordinator(), 999, std::nullopt, std::nullopt), not_found,
                 "event_not_found");
    auto loner = seed_user(store, "sendiri", role::speaker);
    EXPECT_ERROR(stream.start(principal_of(loner), std::nullopt, std::nullopt, std::nullopt),
                 not_found, "event_not_found");
}

TEST_F(stream_service_test, a_coordinator_account_on_the_staff_as_speaker_is_a_speaker_there) {
    auto guest = seed_user(store, "tamu", role::coordinator);
    seed_member(store, event.id, guest.id, role::speaker);
    EXPECT_EQ(start(principal_of(guest), event.id).role, role::speaker);
}

TEST_F(stream_service_test, participants_always_get_their_own_event) {
    auto other = other_event();
    append(1, other.event.id);
    auto s = start(principal_of(siti));
    EXPECT_EQ(s.event, event.id);
    EXPECT_EQ(start(principal_of(siti), event.id).event, event.id);
    EXPECT_ERROR(stream.start(principal_of(siti), other.event.id, std::nullopt, std::nullopt),
                 forbidden, "forbidden");
}

TEST_F(stream_service_test, view_for_gives_the_full_view_to_coordinators_and_the_sessions_speaker) {
    auto other_speaker = seed_user(store, "narasumber2", role::speaker);
    stream_update qa_update;
    qa_update.session = 1;
    qa_update.speaker = speaker.id;
    stream_update door_update;

    EXPECT_EQ(stream_service::view_for(as_coordinator(), qa_update), update_view::full);
    EXPECT_EQ(stream_service::view_for(as_coordinator(), door_update), update_view::full);
    EXPECT_EQ(stream_service::view_for(as_speaker(), qa_update), update_view::full);
    EXPECT_EQ(stream_service::view_for(as_speaker(), door_update), update_view::public_view);
    EXPECT_EQ(stream_service::view_for(principal_of(other_speaker), qa_update),
              update_view::public_view);
    // A participant whose id happens to equal the speaker's user id sees the public view.
    principal p = principal_of(siti);
    p.subject = speaker.id;
    EXPECT_EQ(stream_service::view_for(p, qa_update), update_view::public_view);
}

}  // namespace
}  // namespace bimtek::test
