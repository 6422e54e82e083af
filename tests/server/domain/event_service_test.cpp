#include "server/domain/event_service.hpp"

#include <cmath>
#include <limits>

#include "server/domain/checkin_service.hpp"
#include "tests/server/domain/domain_fixture.hpp"

namespace bimtek::test {
namespace {

using namespace domain;
using namespace std::chrono_literals;

class event_service_test : public domain_fixture {
protected:
    event_service events{store, crypto, clock};

    static event_fields valid_fields() {
        event_fields f;
        f.title = "Bimtek Kewirausahaan Sosial";
        f.starts_at = time_input{wall(9), true};
        f.ends_at = time_input{wall(16), true};
        return f;
    }

    static session_fields session_at(std::string title, int from_hour, int to_hour) {
        session_fields f;
        f.title = std::move(title);
        f.planned_start = time_input{wib(from_hour), false};
        f.planned_end = time_input{wib(to_hour), false};
        return f;
    }

    template <class R>
    static std::vector<std::string> problem_codes(R const& r) {
        std::vector<std::string> out;
        for (auto const& p : error_of(r).problems) out.push_back(p.field + ":" + p.code);
        return out;
    }

    session agenda_item() {
        auto s =
            events.add_session(as_coordinator(), event.id, session_at("Pemasaran Digital", 10, 11));
        EXPECT_TRUE(s.ok());
        return *s;
    }
};

TEST_F(event_service_test, creates_an_event_in_jakarta_time) {
    auto f = valid_fields();
    f.title = "  Bimtek   Kewirausahaan\tSosial ";
    f.venue = "Gedung Kemensos, Salemba";
    f.onsite_capacity = 50;
    f.expected_onsite = 50;
    f.expected_online = 170;
    auto r = events.create_event(as_coordinator(), f);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->title, "Bimtek Kewirausahaan Sosial");
    EXPECT_EQ(r->timezone, "Asia/Jakarta");
    EXPECT_EQ(r->starts_at, wib(9));
    EXPECT_EQ(r->ends_at, wib(16));
    EXPECT_EQ(r->onsite_capacity, 50);
    EXPECT_EQ(r->targets.expected_online, 170);
    EXPECT_DOUBLE_EQ(r->targets.completion_rate, 0.8);
    EXPECT_EQ(r->stream_epoch.size(), 16u);
    EXPECT_EQ(r->stream_epoch.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(r->created_at, clock.now());
    EXPECT_EQ(store.state().members.at({r->id, coordinator.id}).role, role::coordinator);
}

TEST_F(event_service_test, reads_local_times_in_the_given_zone) {
    auto f = valid_fields();
    f.timezone = "Asia/Makassar";            // WITA, UTC+8
    f.ends_at = time_input{wib(16), false};  // an instant stays as it is
    auto r = events.create_event(as_coordinator(), f);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->starts_at, wib(8));
    EXPECT_EQ(r->ends_at, wib(16));
    EXPECT_EQ(r->timezone, "Asia/Makassar");
}

TEST_F(event_service_test, two_events_get_different_stream_epochs) {
    auto a = events.create_event(as_coordinator(), valid_fields());
    auto b = events.create_event(as_coordinator(), valid_fields());
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_NE(a->stream_epoch, b->stream_epoch);
}

TEST_F(event_service_test, requires_title_and_times) {
    auto r = events.create_event(as_coordinator(), event_fields{});
    EXPECT_ERROR(r, invalid, "invalid_field");
    EXPECT_EQ(problem_codes(r), (std::vector<std::string>{"title:required", "starts_at:required",
                                                          "ends_at:required"}));
}

TEST_F(event_service_test, refuses_bad_event_fields) {
    auto f = valid_fields();
    f.title = std::string(201, 't');
    f.venue = std::string(201, 'v');
    f.timezone = "Asia/Atlantis";
    f.onsite_capacity = -1;
    f.online_capacity = 100001;
    f.expected_onsite = -5;
    f.expected_online = 100001;
    f.target_completion_rate = 1.5;
    std::string before = store.dump();
    auto r = events.create_event(as_coordinator(), f);
    EXPECT_ERROR(r, invalid, "invalid_field");
    EXPECT_EQ(problem_codes(r), (std::vector<std::string>{
                                    "title:too_long", "venue:too_long", "timezone:invalid_timezone",
                                    "onsite_capacity:out_of_range", "online_capacity:out_of_range",
                                    "expected_onsite:out_of_range", "expected_online:out_of_range",
                                    "target_completion_rate:out_of_range"}));
    EXPECT_EQ(store.dump(), before);
}

TEST_F(event_service_test, accepts_the_limits) {
    auto f = valid_fields();
    f.title = std::string(200, 't');
    f.onsite_capacity = 100000;
    f.online_capacity = 0;
    f.target_completion_rate = 1.0;
    EXPECT_TRUE(events.create_event(as_coordinator(), f).ok());
    f.target_completion_rate = 0.0;
    EXPECT_TRUE(events.create_event(as_coordinator(), f).ok());
    f.target_completion_rate = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(problem_codes(events.create_event(as_coordinator(), f)),
              std::vector<std::string>{"target_completion_rate:out_of_range"});
    f.target_completion_rate.reset();
    f.title = " ";
    EXPECT_EQ(problem_codes(events.create_event(as_coordinator(), f)),
              std::vector<std::string>{"title:required"});
}

TEST_F(event_service_test, an_event_ends_after_it_starts) {
    auto f = valid_fields();
    f.ends_at = f.starts_at;
    EXPECT_EQ(problem_codes(events.create_event(as_coordinator(), f)),
              std::vector<std::string>{"ends_at:ends_before_start"});
}

TEST_F(event_service_test, only_coordinators_create_events) {
    EXPECT_ERROR(events.create_event(as_speaker(), valid_fields()), forbidden, "forbidden");
    auto siti = seed_participant(store, event.id, "Siti", attendance_mode::onsite, "AAAABBBB");
    EXPECT_ERROR(events.create_event(principal_of(siti), valid_fields()), forbidden, "forbidden");
}

TEST_F(event_service_test, updates_only_the_fields_given) {
    event_fields f;
    f.venue = "Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial";
    f.target_completion_rate = 0.9;
    auto r = events.update_event(as_coordinator(), event.id, f);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->title, event.title);
    EXPECT_EQ(r->venue, *f.venue);
    EXPECT_EQ(r->starts_at, event.starts_at);
    EXPECT_DOUBLE_EQ(store.state().events.at(event.id).targets.completion_rate, 0.9);

    event_fields early;
    early.ends_at = time_input{wall(8), true};  // before the stored start
    EXPECT_EQ(problem_codes(events.update_event(as_coordinator(), event.id, early)),
              std::vector<std::string>{"ends_at:ends_before_start"});
}

TEST_F(event_service_test, update_needs_a_coordinator_of_the_event) {
    EXPECT_ERROR(events.update_event(as_speaker(), event.id, valid_fields()), forbidden,
                 "forbidden");
    EXPECT_ERROR(events.update_event(principal_of(other_event().user), event.id, valid_fields()),
                 forbidden, "forbidden");
    EXPECT_ERROR(events.update_event(as_coordinator(), 999, valid_fields()), not_found,
                 "event_not_found");
}

TEST_F(event_service_test, overview_counts_the_roster_and_the_room) {
    auto siti = seed_participant(store, event.id, "Siti", attendance_mode::onsite, "AAAABBBB");
    seed_participant(store, event.id, "Ayu", attendance_mode::onsite, "AAAACCCC");
    seed_participant(store, event.id, "Budi", attendance_mode::online, "AAAADDDD");
    seed_session(store, event.id, "Pembukuan", wib(11), wib(12));
    seed_session(store, event.id, "Pembukaan", wib(9), wib(10));
    checkin_service door(store, clock);
    ASSERT_TRUE(door.check_in(as_coordinator(), event.id, siti.id).ok());

    auto r = events.get_event(as_coordinator(), event.id);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->details.id, event.id);
    EXPECT_EQ(r->registered.onsite, 2);
    EXPECT_EQ(r->registered.online, 1);
    EXPECT_EQ(r->present.onsite, 1);
    EXPECT_EQ(r->present.online, 0);
    ASSERT_EQ(r->sessions.size(), 2u);
    EXPECT_EQ(r->sessions[0].title, "Pembukaan");  // agenda order
    EXPECT_EQ(r->viewer_role, role::coordinator);

    auto as_speaker_r = events.get_event(as_speaker(), event.id);
    ASSERT_TRUE(as_speaker_r.ok());
    EXPECT_EQ(as_speaker_r->viewer_role, role::speaker);
    auto as_siti = events.get_event(principal_of(siti), event.id);
    ASSERT_TRUE(as_siti.ok());
    EXPECT_EQ(as_siti->viewer_role, role::participant);
}

TEST_F(event_service_test, overview_is_for_members_only) {
    auto other = other_event();
    auto outsider =
        seed_participant(store, other.event.id, "Budi", attendance_mode::online, "AAAADDDD");
    EXPECT_ERROR(events.get_event(principal_of(other.user), event.id), forbidden, "forbidden");
    EXPECT_ERROR(events.get_event(principal_of(outsider), event.id), forbidden, "forbidden");
    EXPECT_ERROR(events.get_event(as_coordinator(), 999), not_found, "event_not_found");
}

TEST_F(event_service_test, lists_events) {
    auto later = events.create_event(as_coordinator(), [] {
        auto f = valid_fields();
        f.starts_at = time_input{wall(9) + 24h * 7, true};
        f.ends_at = time_input{wall(16) + 24h * 7, true};
        return f;
    }());
    ASSERT_TRUE(later.ok());
    other_event();
    auto mine = events.list_events(as_coordinator());
    ASSERT_TRUE(mine.ok());
    ASSERT_EQ(mine->size(), 2u);
    EXPECT_EQ((*mine)[0].id, later->id);  // most recent start first
    EXPECT_EQ((*mine)[1].id, event.id);

    auto siti = seed_participant(store, event.id, "Siti", attendance_mode::onsite, "AAAABBBB");
    auto theirs = events.list_events(principal_of(siti));
    ASSERT_TRUE(theirs.ok());
    ASSERT_EQ(theirs->size(), 1u);
    EXPECT_EQ((*theirs)[0].id, event.id);
}

TEST_F(event_service_test, adds_a_session_with_its_speaker) {
    auto guest = seed_user(store, "praktisi", role::speaker);
    auto f = session_at("Pemasaran Digital untuk Usaha Mikro", 10, 11);
    f.speaker = guest.id;
    auto r = events.add_session(as_coordinator(), event.id, f);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->speaker, guest.id);
    EXPECT_EQ(r->speaker_name, "praktisi");
    EXPECT_TRUE(r->required);
    EXPECT_FALSE(r->moderated);
    EXPECT_EQ(store.state().members.at({event.id, guest.id}).role, role::speaker);

    // A coordinator as speaker stays a coordinator of the event.
    auto g = session_at("Penutupan", 15, 16);
    g.speaker = coordinator.id;
    g.speaker_name = "Dirjen Pemberdayaan Sosial";
    auto c = events.add_session(as_coordinator(), event.id, g);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->speaker_name, "Dirjen Pemberdayaan Sosial");
    EXPECT_EQ(store.state().members.at({event.id, coordinator.id}).role, role::coordinator);
}

TEST_F(event_service_test, session_times_may_be_local) {
    session_fields f;
    f.title = "Pembukaan";
    f.planned_start = time_input{wall(9), true};
    f.planned_end = time_input{wall(9, 30), true};
    auto r = events.add_session(as_coordinator(), event.id, f);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->planned_start, wib(9));
    EXPECT_EQ(r->planned_end, wib(9, 30));
}

TEST_F(event_service_test, refuses_bad_session_fields) {
    auto r = events.add_session(as_coordinator(), event.id, session_fields{});
    EXPECT_EQ(problem_codes(r),
              (std::vector<std::string>{"title:required", "planned_start:required",
                                        "planned_end:required"}));
    auto f = session_at(std::string(201, 's'), 11, 10);
    f.speaker = 999;
    EXPECT_EQ(problem_codes(events.add_session(as_coordinator(), event.id, f)),
              (std::vector<std::string>{"title:too_long", "speaker:unknown_user",
                                        "planned_end:ends_before_start"}));
    EXPECT_TRUE(store.state().sessions.empty());
}

TEST_F(event_service_test, agenda_changes_need_a_coordinator) {
    auto f = session_at("Pembukaan", 9, 10);
    EXPECT_ERROR(events.add_session(as_speaker(), event.id, f), forbidden, "forbidden");
    EXPECT_ERROR(events.add_session(principal_of(other_event().user), event.id, f), forbidden,
                 "forbidden");
    EXPECT_ERROR(events.add_session(as_coordinator(), 999, f), not_found, "event_not_found");
    auto s = agenda_item();
    EXPECT_ERROR(events.update_session(as_speaker(), s.id, f), forbidden, "forbidden");
    EXPECT_ERROR(events.update_session(as_coordinator(), 999, f), not_found, "session_not_found");
    EXPECT_ERROR(events.remove_session(as_speaker(), s.id), forbidden, "forbidden");
}

TEST_F(event_service_test, updates_a_session) {
    auto s = agenda_item();
    session_fields f;
    f.speaker = speaker.id;
    f.moderated = true;
    auto r = events.update_session(as_coordinator(), s.id, f);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->title, "Pemasaran Digital");
    EXPECT_EQ(r->speaker_name, "narasumber");
    EXPECT_TRUE(r->moderated);

    session_fields none;
    none.speaker = std::optional<user_id>{};
    none.speaker_name = "Tamu Undangan";
    r = events.update_session(as_coordinator(), s.id, none);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->speaker, std::nullopt);
    EXPECT_EQ(r->speaker_name, "Tamu Undangan");

    session_fields backwards;
    backwards.planned_end = time_input{wib(9), false};
    EXPECT_EQ(problem_codes(events.update_session(as_coordinator(), s.id, backwards)),
              std::vector<std::string>{"planned_end:ends_before_start"});
}

TEST_F(event_service_test, removes_only_sessions_that_never_started) {
    auto s = agenda_item();
    auto t = events.add_session(as_coordinator(), event.id, session_at("Pembukuan", 11, 12));
    ASSERT_TRUE(t.ok());
    ASSERT_TRUE(events.start_session(as_coordinator(), s.id).ok());
    EXPECT_ERROR(events.remove_session(as_coordinator(), s.id), conflict, "session_started");
    EXPECT_TRUE(events.remove_session(as_coordinator(), t->id).ok());
    EXPECT_ERROR(events.get_session(as_coordinator(), t->id), not_found, "session_not_found");
    EXPECT_ERROR(events.remove_session(as_coordinator(), t->id), not_found, "session_not_found");
}

TEST_F(event_service_test, members_read_the_agenda) {
    auto s = agenda_item();
    auto siti = seed_participant(store, event.id, "Siti", attendance_mode::onsite, "AAAABBBB");
    EXPECT_TRUE(events.get_session(principal_of(siti), s.id).ok());
    auto list = events.list_sessions(principal_of(siti), event.id);
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(list->size(), 1u);
    auto other = other_event();
    auto outsider =
        seed_participant(store, other.event.id, "Budi", attendance_mode::online, "AAAADDDD");
    EXPECT_ERROR(events.get_session(principal_of(outsider), s.id), forbidden, "forbidden");
    EXPECT_ERROR(events.list_sessions(principal_of(outsider), event.id), forbidden, "forbidden");
}

TEST_F(event_service_test, runs_a_session_live) {
    session_fields f = session_at("Pemasaran Digital", 10, 11);
    f.speaker = speaker.id;
    auto s = events.add_session(as_coordinator(), event.id, f);
    ASSERT_TRUE(s.ok());

    clock.set(wib(10, 2));
    auto started = events.start_session(as_speaker(), s->id);  // its own speaker may
    ASSERT_TRUE(started.ok()) << started.error().message;
    EXPECT_EQ(started->actual_start, wib(10, 2));
    EXPECT_TRUE(started->live());

    clock.set(wib(11, 5));
    auto ended = events.end_session(as_coordinator(), s->id);
    ASSERT_TRUE(ended.ok());
    EXPECT_EQ(ended->actual_end, wib(11, 5));
    EXPECT_FALSE(ended->live());

    auto published = notifier.updates();
    ASSERT_EQ(published.size(), 3u);  // started, ended, and completion.changed after the end
    EXPECT_EQ(published[0].kind, "session.started");
    EXPECT_EQ(published[0].seq, 1);
    EXPECT_EQ(published[0].at, wib(10, 2));
    EXPECT_EQ(published[0].session, s->id);
    EXPECT_EQ(published[0].speaker, speaker.id);
    EXPECT_EQ(published[0].full_data, published[0].public_data);
    auto first = parse_object(published[0].full_data).at("session").as_object();
    EXPECT_EQ(first.at("id").as_int64(), s->id);
    EXPECT_EQ(first.at("title").as_string(), "Pemasaran Digital");
    EXPECT_EQ(first.at("speaker_name").as_string(), "narasumber");
    EXPECT_EQ(first.at("actual_start").as_string(), "2026-11-26T03:02:00Z");
    EXPECT_TRUE(first.at("actual_end").is_null());

    EXPECT_EQ(published[1].kind, "session.ended");
    EXPECT_EQ(published[1].seq, 2);
    auto second = parse_object(published[1].public_data).at("session").as_object();
    EXPECT_EQ(second.at("actual_end").as_string(), "2026-11-26T04:05:00Z");
    EXPECT_EQ(published[2].kind, "completion.changed");
    EXPECT_EQ(published[2].seq, 3);
    EXPECT_EQ(store.state().updates.at(event.id).size(), 3u);
}

TEST_F(event_service_test, live_state_conflicts) {
    auto s = agenda_item();
    EXPECT_ERROR(events.end_session(as_coordinator(), s.id), conflict, "not_started");
    ASSERT_TRUE(events.start_session(as_coordinator(), s.id).ok());
    EXPECT_ERROR(events.start_session(as_coordinator(), s.id), conflict, "already_started");
    ASSERT_TRUE(events.end_session(as_coordinator(), s.id).ok());
    EXPECT_ERROR(events.end_session(as_coordinator(), s.id), conflict, "already_ended");
    EXPECT_ERROR(events.start_session(as_coordinator(), s.id), conflict, "already_ended");
    EXPECT_ERROR(events.start_session(as_coordinator(), 999), not_found, "session_not_found");
    EXPECT_EQ(notifier.size(), 3u);  // refused changes publish nothing
}

TEST_F(event_service_test, only_its_speaker_or_a_coordinator_runs_a_session) {
    auto s = agenda_item();  // no speaker account
    auto siti = seed_participant(store, event.id, "Siti", attendance_mode::onsite, "AAAABBBB");
    auto other = other_event();
    std::string before = store.dump();
    EXPECT_ERROR(events.start_session(as_speaker(), s.id), forbidden, "forbidden");
    EXPECT_ERROR(events.start_session(principal_of(siti), s.id), forbidden, "forbidden");
    EXPECT_ERROR(events.start_session(principal_of(other.user), s.id), forbidden, "forbidden");
    EXPECT_ERROR(events.end_session(as_speaker(), s.id), forbidden, "forbidden");
    EXPECT_EQ(store.dump(), before);
    EXPECT_EQ(notifier.size(), 0u);
}

}  // namespace
}  // namespace bimtek::test
