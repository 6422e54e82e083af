// Completion through the fakes against a fixed clock: the event's report and summary, one
// participant's view, the rules, and the completion.changed update when a session ends.
#include "server/domain/completion_service.hpp"

#include "server/domain/certificate_service.hpp"
#include "server/domain/checkin_service.hpp"
#include "server/domain/event_service.hpp"
#include "tests/server/domain/domain_fixture.hpp"

namespace bimtek::test {
namespace {

using namespace domain;
using namespace std::chrono_literals;

class completion_service_test : public domain_fixture {
protected:
    completion_service completion{store, clock};
    event_service events{store, crypto, clock};
    checkin_service door{store, clock};

    participant siti =
        seed_participant(store, event.id, "Siti Nurhaliza", attendance_mode::onsite, "AAAABBBB");
    participant ayu =
        seed_participant(store, event.id, "Ni Luh Putu Ayu", attendance_mode::online, "AAAACCCC");
    participant budi =
        seed_participant(store, event.id, "Budi Santoso", attendance_mode::onsite, "AAAADDDD");

    session opening = seed_session(store, event.id, "Pembukaan", wib(9), wib(10));
    session marketing = seed_session(store, event.id, "Pemasaran Digital", wib(10, 30), wib(12));

    void at(timestamp t) { clock.set(t); }
    void in(participant const& p, timestamp t) {
        at(t);
        ASSERT_TRUE(door.check_in(as_coordinator(), event.id, p.id).ok());
    }
    void run(session const& s, timestamp from, timestamp to) {
        at(from);
        ASSERT_TRUE(events.start_session(as_coordinator(), s.id).ok());
        at(to);
        ASSERT_TRUE(events.end_session(as_coordinator(), s.id).ok());
    }
    void online(participant const& p, timestamp from, timestamp to) {
        ASSERT_TRUE(store
                        .write([&](repositories& r) {
                            r.presence.close(r.presence.open(event.id, p.id, from), to);
                            return status{};
                        })
                        .ok());
    }
    completion_report report() {
        auto r = completion.event_completion(as_coordinator(), event.id);
        EXPECT_TRUE(r.ok()) << r.error().message;
        return r.ok() ? *r : completion_report{};
    }
    static completion_row const& row(completion_report const& rep, participant const& p) {
        for (auto const& r : rep.rows)
            if (r.who.id == p.id) return r;
        throw std::runtime_error("no row for " + p.name);
    }
};

TEST_F(completion_service_test, the_report_follows_attendance_and_the_targets) {
    ASSERT_TRUE(store
                    .write([&](repositories& r) {
                        auto e = *r.events.find(event.id);
                        e.targets = event_targets{2, 10, 0.5};
                        r.events.update(e);
                        return status{};
                    })
                    .ok());
    in(siti, wib(8, 50));
    online(ayu, wib(9), wib(9, 30));
    run(opening, wib(9), wib(10));
    run(marketing, wib(10, 30), wib(12));

    auto rep = report();
    ASSERT_EQ(rep.rows.size(), 3u);
    EXPECT_EQ(rep.rows[0].who.name, "Budi Santoso");  // by name
    EXPECT_EQ(row(rep, siti).completion.status, completion_status::completed);
    EXPECT_EQ(row(rep, siti).first_checkin, wib(8, 50));
    EXPECT_EQ(row(rep, ayu).completion.status, completion_status::not_completed);
    EXPECT_EQ(row(rep, ayu).first_online, wib(9));
    EXPECT_EQ(row(rep, budi).completion.status, completion_status::not_completed);

    auto const& s = rep.summary;
    EXPECT_EQ(s.registered.onsite, 2);
    EXPECT_EQ(s.registered.online, 1);
    EXPECT_EQ(s.present.onsite, 1);
    EXPECT_EQ(s.present.online, 0);
    EXPECT_EQ(s.attended.onsite, 1);
    EXPECT_EQ(s.attended.online, 1);
    EXPECT_EQ(s.expected.onsite, 2);
    EXPECT_EQ(s.expected.online, 10);
    EXPECT_EQ(s.completed, 1);
    EXPECT_EQ(s.not_completed, 2);
    EXPECT_EQ(s.in_progress, 0);
    EXPECT_DOUBLE_EQ(s.completion_rate, 1.0 / 3);
    EXPECT_DOUBLE_EQ(s.target_completion_rate, 0.5);
    EXPECT_EQ(rep.rules.required_sessions, (std::vector<session_id>{opening.id, marketing.id}));
}

TEST_F(completion_service_test, ending_a_session_appends_completion_changed) {
    in(siti, wib(8, 50));
    run(opening, wib(9), wib(10));
    auto updates = notifier.updates();
    ASSERT_GE(updates.size(), 2u);
    auto const& last = updates.back();
    EXPECT_EQ(last.kind, "completion.changed");
    EXPECT_EQ(updates[updates.size() - 2].kind, "session.ended");
    EXPECT_EQ(last.session, opening.id);
    EXPECT_EQ(last.full_data, last.public_data);
    auto data = parse_object(last.public_data);
    EXPECT_EQ(data.at("session_id").as_int64(), opening.id);
    EXPECT_EQ(data.at("completed").as_int64(), 0);  // marketing is still to run
    EXPECT_EQ(data.at("in_progress").as_int64(), 3);
    EXPECT_EQ(data.at("not_completed").as_int64(), 0);
    EXPECT_DOUBLE_EQ(data.at("rate").as_double(), 0.0);

    run(marketing, wib(10, 30), wib(12));
    data = parse_object(notifier.updates().back().public_data);
    EXPECT_EQ(data.at("completed").as_int64(), 1);
    EXPECT_EQ(data.at("not_completed").as_int64(), 2);
    EXPECT_NEAR(data.at("rate").as_double(), 1.0 / 3, 1e-12);
}

TEST_F(completion_service_test, starting_a_session_changes_no_completion) {
    at(wib(9));
    ASSERT_TRUE(events.start_session(as_coordinator(), opening.id).ok());
    EXPECT_EQ(notifier.updates().back().kind, "session.started");
}

TEST_F(completion_service_test, one_participant_as_itself_or_staff) {
    in(siti, wib(8, 50));
    run(opening, wib(9), wib(10));
    auto mine = completion.completion_of(principal_of(siti), siti.id);
    ASSERT_TRUE(mine.ok());
    EXPECT_EQ(mine->completion.status, completion_status::in_progress);
    EXPECT_EQ(mine->who.id, siti.id);
    EXPECT_FALSE(mine->certificate);
    ASSERT_EQ(mine->completion.sessions.size(), 2u);
    EXPECT_TRUE(mine->completion.sessions[0].ok);
    EXPECT_TRUE(completion.completion_of(as_speaker(), siti.id).ok());
    EXPECT_TRUE(completion.completion_of(as_coordinator(), siti.id).ok());
    EXPECT_ERROR(completion.completion_of(principal_of(ayu), siti.id), forbidden, "forbidden");
    auto foreign = other_event();
    EXPECT_ERROR(completion.completion_of(principal_of(foreign.user), siti.id), forbidden,
                 "forbidden");
    EXPECT_ERROR(completion.completion_of(as_coordinator(), 9999), not_found,
                 "participant_not_found");
}

TEST_F(completion_service_test, the_report_is_for_coordinators) {
    EXPECT_ERROR(completion.event_completion(as_speaker(), event.id), forbidden, "forbidden");
    EXPECT_ERROR(completion.event_completion(principal_of(siti), event.id), forbidden, "forbidden");
    EXPECT_ERROR(completion.event_completion(as_coordinator(), 9999), not_found, "event_not_found");
}

TEST_F(completion_service_test, rules_default_and_change) {
    auto defaults = completion.rules(as_speaker(), event.id);
    ASSERT_TRUE(defaults.ok());
    EXPECT_DOUBLE_EQ(defaults->rules.min_share, 0.8);
    EXPECT_TRUE(defaults->rules.open_checkin_counts_to_end);
    EXPECT_EQ(defaults->required_sessions, (std::vector<session_id>{opening.id, marketing.id}));

    completion_rules_fields f;
    f.min_share = 0.5;
    f.open_checkin_counts_to_end = false;
    f.required_sessions = std::vector<session_id>{marketing.id};
    auto changed = completion.update_rules(as_coordinator(), event.id, f);
    ASSERT_TRUE(changed.ok()) << changed.error().message;
    EXPECT_DOUBLE_EQ(changed->rules.min_share, 0.5);
    EXPECT_FALSE(changed->rules.open_checkin_counts_to_end);
    EXPECT_EQ(changed->required_sessions, std::vector<session_id>{marketing.id});
    EXPECT_FALSE(events.get_session(as_coordinator(), opening.id)->required);

    // Fields not given stay.
    completion_rules_fields only_share;
    only_share.min_share = 0.9;
    auto again = completion.update_rules(as_coordinator(), event.id, only_share);
    EXPECT_FALSE(again->rules.open_checkin_counts_to_end);
    EXPECT_EQ(again->required_sessions, std::vector<session_id>{marketing.id});

    // With the opening not required, someone who came only to marketing completes.
    online(ayu, wib(10, 30), wib(12));
    run(opening, wib(9), wib(10));
    run(marketing, wib(10, 30), wib(12));
    EXPECT_EQ(row(report(), ayu).completion.status, completion_status::completed);
}

TEST_F(completion_service_test, bad_rules_change_nothing) {
    completion_rules_fields f;
    f.min_share = 1.5;
    f.required_sessions = std::vector<session_id>{opening.id, 9999};
    auto bad = completion.update_rules(as_coordinator(), event.id, f);
    EXPECT_ERROR(bad, invalid, "invalid_field");
    ASSERT_FALSE(bad.ok());
    ASSERT_EQ(bad.error().problems.size(), 2u);
    EXPECT_EQ(bad.error().problems[0].field, "min_share");
    EXPECT_EQ(bad.error().problems[1].code, "unknown_session");
    auto other = other_event();
    auto foreign = seed_session(store, other.event.id, "Lain", wib(9), wib(10));
    completion_rules_fields g;
    g.required_sessions = std::vector<session_id>{foreign.id};
    EXPECT_ERROR(completion.update_rules(as_coordinator(), event.id, g), invalid, "invalid_field");
    EXPECT_DOUBLE_EQ(completion.rules(as_coordinator(), event.id)->rules.min_share, 0.8);
    EXPECT_TRUE(events.get_session(as_coordinator(), marketing.id)->required);
}

TEST_F(completion_service_test, who_may_see_and_change_the_rules) {
    completion_rules_fields f;
    f.min_share = 0.5;
    EXPECT_ERROR(completion.update_rules(as_speaker(), event.id, f), forbidden, "forbidden");
    EXPECT_ERROR(completion.update_rules(principal_of(siti), event.id, f), forbidden, "forbidden");
    EXPECT_ERROR(completion.rules(principal_of(siti), event.id), forbidden, "forbidden");
    EXPECT_ERROR(completion.rules(as_coordinator(), 9999), not_found, "event_not_found");
}

TEST_F(completion_service_test, the_certificate_shows_once_issued) {
    certificate_service certificates{store, crypto, clock};
    in(siti, wib(8, 50));
    run(opening, wib(9), wib(10));
    run(marketing, wib(10, 30), wib(12));
    ASSERT_TRUE(certificates.certificate_for(principal_of(siti), siti.id).ok());
    auto v = completion.completion_of(principal_of(siti), siti.id);
    ASSERT_TRUE(v->certificate);
    EXPECT_EQ(v->certificate->participant, siti.id);
    EXPECT_TRUE(row(report(), siti).certificate);
    EXPECT_FALSE(row(report(), budi).certificate);
}

}  // namespace
}  // namespace bimtek::test
