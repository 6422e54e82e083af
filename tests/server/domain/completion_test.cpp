// The completion rules against fixed times: boundary minutes, sessions that never started or are
// still live, reconnect gaps, visits without check-out, and what is required.
#include "server/domain/completion.hpp"

#include "tests/server/domain/domain_fixture.hpp"

namespace bimtek::test {
namespace {

using namespace domain;
using namespace std::chrono_literals;

class completion_test : public ::testing::Test {
protected:
    completion_test() {
        e.id = 1;
        e.starts_at = wib(9);
        e.ends_at = wib(16);
    }

    // A session planned 10:00-11:00 (or as given) that ran from "start" to "end" (none: never
    // started / still live).
    session add(std::string title, std::optional<timestamp> start, std::optional<timestamp> end,
                bool required = true) {
        session s;
        s.id = static_cast<session_id>(sessions.size() + 1);
        s.event = e.id;
        s.title = std::move(title);
        s.planned_start = start.value_or(wib(10));
        s.planned_end = s.planned_start + 60min;
        s.actual_start = start;
        s.actual_end = end;
        s.required = required;
        sessions.push_back(s);
        return s;
    }
    void visit(timestamp in, std::optional<timestamp> out = std::nullopt) {
        checkin c;
        c.id = static_cast<checkin_id>(visits.size() + 1);
        c.participant = 7;
        c.checked_in_at = in;
        c.checked_out_at = out;
        visits.push_back(c);
    }
    void online_from(timestamp from, std::optional<timestamp> to) {
        presence_interval i;
        i.id = static_cast<presence_id>(online.size() + 1);
        i.participant = 7;
        i.joined_at = from;
        i.left_at = to;
        online.push_back(i);
    }
    participant_completion at(timestamp now) {
        return evaluate_completion(rules, e, sessions, 7, visits, online, now);
    }
    static completion_reason const* reason(participant_completion const& c,
                                           std::string const& code) {
        for (auto const& r : c.reasons)
            if (r.code == code) return &r;
        return nullptr;
    }

    event e;
    completion_rules rules;
    std::vector<session> sessions;
    std::vector<checkin> visits;
    std::vector<presence_interval> online;
};

TEST_F(completion_test, exactly_the_required_share_completes) {
    add("Pemasaran", wib(10), wib(11));
    online_from(wib(10), wib(10, 48));  // 48 of 60 minutes = 80 %
    auto c = at(wib(12));
    EXPECT_EQ(c.status, completion_status::completed);
    ASSERT_EQ(c.sessions.size(), 1u);
    EXPECT_DOUBLE_EQ(c.sessions[0].minutes, 48.0);
    EXPECT_DOUBLE_EQ(c.sessions[0].required_minutes, 48.0);
    EXPECT_TRUE(c.sessions[0].ok);
    EXPECT_TRUE(c.reasons.empty());
    EXPECT_DOUBLE_EQ(c.total_minutes, 48.0);
}

TEST_F(completion_test, one_millisecond_short_is_not_completed) {
    add("Pemasaran", wib(10), wib(11));
    online_from(wib(10), wib(10, 48) - 1ms);
    auto c = at(wib(12));
    EXPECT_EQ(c.status, completion_status::not_completed);
    EXPECT_FALSE(c.sessions[0].ok);
    auto const* r = reason(c, "too_few_minutes");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->session, 1);
    EXPECT_NEAR(r->minutes_short, 1.0 / 60000.0, 1e-9);
}

TEST_F(completion_test, the_share_is_of_the_actual_run_not_the_plan) {
    add("Pemasaran", wib(10, 20), wib(10, 50));  // planned 60 minutes, ran 30
    online_from(wib(10, 20), wib(10, 44));       // 24 of 30 = 80 %
    auto c = at(wib(12));
    EXPECT_EQ(c.status, completion_status::completed);
    EXPECT_DOUBLE_EQ(c.sessions[0].required_minutes, 24.0);
}

TEST_F(completion_test, shares_of_zero_and_one) {
    add("Pemasaran", wib(10), wib(11));
    online_from(wib(10), wib(10, 59));
    rules.min_share = 1.0;
    EXPECT_EQ(at(wib(12)).status, completion_status::not_completed);
    rules.min_share = 0.0;
    EXPECT_EQ(at(wib(12)).status, completion_status::completed);
    online.clear();  // even nobody there meets 0 %
    EXPECT_EQ(at(wib(12)).status, completion_status::completed);
}

TEST_F(completion_test, reconnect_gaps_count_against_the_participant) {
    add("Pemasaran", wib(10), wib(11));
    online_from(wib(10), wib(10, 20));
    online_from(wib(10, 30), wib(11));  // a 10 minute gap: 50 minutes
    EXPECT_EQ(at(wib(12)).status, completion_status::completed);

    online.clear();
    online_from(wib(10), wib(10, 20));
    online_from(wib(10, 35), wib(11));  // a 15 minute gap: 45 minutes, 3 short
    auto c = at(wib(12));
    EXPECT_EQ(c.status, completion_status::not_completed);
    EXPECT_DOUBLE_EQ(c.sessions[0].minutes, 45.0);
    ASSERT_NE(reason(c, "too_few_minutes"), nullptr);
    EXPECT_DOUBLE_EQ(reason(c, "too_few_minutes")->minutes_short, 3.0);
}

TEST_F(completion_test, time_in_the_room_and_online_at_once_counts_once) {
    add("Pemasaran", wib(10), wib(11));
    visit(wib(10), wib(10, 30));
    online_from(wib(10, 10), wib(10, 40));  // overlaps the visit by 20 minutes
    auto c = at(wib(12));
    EXPECT_DOUBLE_EQ(c.sessions[0].minutes, 40.0);
    EXPECT_EQ(c.status, completion_status::not_completed);
}

TEST_F(completion_test, required_sessions_still_to_run_keep_it_in_progress) {
    add("Pembukaan", wib(9), wib(10));
    add("Pemasaran", std::nullopt, std::nullopt);
    visit(wib(8, 50), wib(10, 5));
    auto c = at(wib(10, 30));
    EXPECT_EQ(c.status, completion_status::in_progress);
    auto const* r = reason(c, "session_not_started");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->session, 2);
    EXPECT_DOUBLE_EQ(r->minutes_short, 48.0);  // 80 % of the planned hour
    EXPECT_DOUBLE_EQ(c.sessions[1].required_minutes, 0.0);
    EXPECT_FALSE(c.sessions[1].ok);
}

TEST_F(completion_test, a_short_session_while_others_are_to_run_is_still_in_progress) {
    add("Pembukaan", wib(9), wib(10));  // not attended at all
    add("Pemasaran", std::nullopt, std::nullopt);
    auto c = at(wib(10, 30));
    EXPECT_EQ(c.status, completion_status::in_progress);
    EXPECT_NE(reason(c, "too_few_minutes"), nullptr);
    EXPECT_NE(reason(c, "session_not_started"), nullptr);
}

TEST_F(completion_test, a_session_that_never_started_is_not_required_once_the_event_is_over) {
    add("Pembukaan", wib(9), wib(10));
    add("Pemasaran", std::nullopt, std::nullopt);
    visit(wib(8, 50), wib(10, 5));
    auto c = at(wib(16));  // the event's end
    EXPECT_EQ(c.status, completion_status::completed);
    auto const* r = reason(c, "session_not_held");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->session, 2);
    EXPECT_DOUBLE_EQ(r->minutes_short, 0.0);
}

TEST_F(completion_test, a_live_session_is_in_progress_with_how_far_behind) {
    add("Pemasaran", wib(10), std::nullopt);
    online_from(wib(10, 30), std::nullopt);
    auto c = at(wib(11));  // 60 minutes so far, 30 attended, 48 needed so far
    EXPECT_EQ(c.status, completion_status::in_progress);
    EXPECT_DOUBLE_EQ(c.sessions[0].minutes, 30.0);
    EXPECT_DOUBLE_EQ(c.sessions[0].required_minutes, 48.0);
    auto const* r = reason(c, "session_live");
    ASSERT_NE(r, nullptr);
    EXPECT_DOUBLE_EQ(r->minutes_short, 18.0);
}

TEST_F(completion_test, a_session_left_live_counts_as_ended_at_the_events_end) {
    add("Penutupan", wib(15), std::nullopt);
    online_from(wib(15), std::nullopt);
    auto c = at(wib(17));
    EXPECT_EQ(c.status, completion_status::completed);
    EXPECT_DOUBLE_EQ(c.sessions[0].minutes, 60.0);  // 15:00 to the event's end at 16:00
}

TEST_F(completion_test, an_open_visit_counts_to_the_end_of_the_event_when_the_rule_says_so) {
    add("Pembukaan", wib(9), wib(10));
    add("Pembukuan", wib(13), wib(15));
    visit(wib(8, 55));  // never checked out
    rules.open_checkin_counts_to_end = true;
    EXPECT_EQ(at(wib(15, 30)).status, completion_status::completed);
    auto after = at(wib(18));
    EXPECT_EQ(after.status, completion_status::completed);
    EXPECT_DOUBLE_EQ(after.total_minutes, 60.0 + 120.0);
}

TEST_F(completion_test, an_open_visit_counts_nothing_after_the_event_when_the_rule_says_not) {
    add("Pembukaan", wib(9), wib(10));
    add("Pembukuan", wib(13), wib(15));
    visit(wib(8, 55));
    rules.open_checkin_counts_to_end = false;
    // While the event runs, up to now.
    EXPECT_EQ(at(wib(15, 30)).status, completion_status::completed);
    // Once it has ended, nothing beyond the check-in.
    auto after = at(wib(16));
    EXPECT_EQ(after.status, completion_status::not_completed);
    EXPECT_DOUBLE_EQ(after.total_minutes, 0.0);
    // A closed visit is not affected.
    visits.clear();
    visit(wib(8, 55), wib(15, 5));
    EXPECT_EQ(at(wib(16)).status, completion_status::completed);
}

TEST_F(completion_test, presence_after_the_events_end_does_not_count) {
    add("Penutupan", wib(15), wib(17));  // ran over the event's end
    online_from(wib(15), wib(17));
    auto c = at(wib(18));
    EXPECT_DOUBLE_EQ(c.sessions[0].minutes, 60.0);
    EXPECT_EQ(c.status, completion_status::not_completed);
}

TEST_F(completion_test, sessions_that_are_not_required_do_not_matter_but_their_minutes_count) {
    add("Pembukaan", wib(9), wib(10));
    add("Hiburan", wib(12), wib(13), false);
    online_from(wib(9), wib(10));
    auto c = at(wib(14));
    EXPECT_EQ(c.status, completion_status::completed);
    EXPECT_FALSE(c.sessions[1].required);
    EXPECT_FALSE(c.sessions[1].ok);
    EXPECT_DOUBLE_EQ(c.total_minutes, 60.0);
    online_from(wib(12), wib(13));
    EXPECT_DOUBLE_EQ(at(wib(14)).total_minutes, 120.0);
}

TEST_F(completion_test, without_any_required_session_nobody_completes) {
    add("Hiburan", wib(12), wib(13), false);
    online_from(wib(12), wib(13));
    auto running = at(wib(14));
    EXPECT_EQ(running.status, completion_status::in_progress);
    EXPECT_NE(reason(running, "no_required_sessions"), nullptr);
    EXPECT_EQ(at(wib(16)).status, completion_status::not_completed);
}

TEST_F(completion_test, someone_who_never_came_is_short_by_the_whole_requirement) {
    add("Pemasaran", wib(10), wib(11));
    auto c = at(wib(12));
    EXPECT_EQ(c.status, completion_status::not_completed);
    EXPECT_DOUBLE_EQ(reason(c, "too_few_minutes")->minutes_short, 48.0);
}

TEST_F(completion_test, valid_shares) {
    EXPECT_TRUE(valid_share(0.0));
    EXPECT_TRUE(valid_share(0.8));
    EXPECT_TRUE(valid_share(1.0));
    EXPECT_FALSE(valid_share(-0.01));
    EXPECT_FALSE(valid_share(1.01));
    EXPECT_FALSE(valid_share(std::nan("")));
}

TEST(completion_status_names, are_the_api_keys) {
    EXPECT_EQ(to_string(completion_status::completed), "completed");
    EXPECT_EQ(to_string(completion_status::in_progress), "in_progress");
    EXPECT_EQ(to_string(completion_status::not_completed), "not_completed");
}

}  // namespace
}  // namespace bimtek::test
