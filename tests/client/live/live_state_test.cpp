#include "client/live/live_state.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace bimtek::client::live {
namespace {

namespace json = boost::json;

protocol::update upd(std::int64_t seq, std::string kind, std::string data) {
    return protocol::update{seq, std::move(kind), "2026-11-26T02:10:00Z",
                            json::parse(data).as_object()};
}

TEST(LiveState, LoadsTheEventAndFollowsUpdates) {
    live_state s;
    s.load_event(json::parse(R"({"id":1,"title":"Bimtek","venue":"Aula","timezone":"Asia/Jakarta",
        "targets":{"expected_onsite":50,"expected_online":170},
        "sessions":[{"id":1,"title":"Sesi 1","speaker_name":"Rina","actual_start":"2026-11-26T02:00:00Z","actual_end":null},
                    {"id":2,"title":"Sesi 2","actual_start":null,"actual_end":null}],
        "participants":{"onsite":50,"online":170},"present":{"onsite":3,"online":7},"role":"coordinator"})")
                     .as_object());
    EXPECT_EQ(s.expected_onsite, 50);
    EXPECT_EQ(s.onsite_present, 3);
    ASSERT_TRUE(s.current_session());
    EXPECT_EQ(s.current_session()->id, 1);

    s.apply(upd(
        5, "checkin",
        R"({"participant":{"id":9,"name":"Siti"},"counts":{"onsite_present":4,"online_present":7}})"));
    EXPECT_EQ(s.onsite_present, 4);
    ASSERT_EQ(s.recent.size(), 1u);
    EXPECT_EQ(s.recent[0].name, "Siti");
    EXPECT_EQ(s.seq, 5);
    s.apply(upd(6, "presence.join",
                R"({"counts":{"onsite_present":4,"online_present":8}})"));  // public view
    EXPECT_EQ(s.online_present, 8);
    EXPECT_EQ(s.recent[0].what, activity::kind::join);
    EXPECT_TRUE(s.recent[0].name.empty());
    // Coordinators' view: one update lists everyone who came since the previous one.
    s.apply(upd(7, "presence.join",
                R"({"participants":[{"id":1,"name":"Ayu"},{"id":2,"name":"Budi"}],"counts":{"onsite_present":4,"online_present":10}})"));
    ASSERT_GE(s.recent.size(), 3u);
    EXPECT_EQ(s.recent[0].name, "Budi");
    EXPECT_EQ(s.recent[1].name, "Ayu");
    EXPECT_EQ(s.online_present, 10);

    s.apply(upd(
        8, "session.ended",
        R"({"session":{"id":1,"title":"Sesi 1","actual_start":"2026-11-26T02:00:00Z","actual_end":"2026-11-26T03:00:00Z"}})"));
    EXPECT_FALSE(s.current_session());
    s.apply(upd(
        9, "session.started",
        R"({"session":{"id":2,"title":"Sesi 2","actual_start":"2026-11-26T03:01:00Z","actual_end":null}})"));
    ASSERT_TRUE(s.current_session());
    EXPECT_EQ(s.current_session()->id, 2);
}

TEST(LiveState, QuestionsInTheOrderOfTheQueue) {
    live_state s;
    s.apply(upd(
        1, "question.created",
        R"({"question":{"id":1,"session_id":2,"text":"A","author":{"name":"Siti"},"status":"approved","votes":1,"created_at":"2026-11-26T02:00:00Z"}})"));
    s.apply(upd(
        2, "question.created",
        R"({"question":{"id":2,"session_id":2,"text":"B","author":null,"status":"approved","votes":0,"created_at":"2026-11-26T02:01:00Z"}})"));
    s.apply(upd(
        3, "question.created",
        R"({"question":{"id":3,"session_id":2,"text":"C","author":null,"status":"approved","votes":0,"created_at":"2026-11-26T02:02:00Z"}})"));
    s.apply(upd(4, "question.voted", R"({"question":{"id":2,"session_id":2,"votes":5}})"));
    s.apply(upd(
        5, "question.updated",
        R"({"question":{"id":3,"session_id":2,"text":"C","author":null,"status":"pinned","votes":0,"created_at":"2026-11-26T02:02:00Z"}})"));
    auto top = s.top_questions(2, 10);
    ASSERT_EQ(top.size(), 3u);
    EXPECT_EQ(top[0]->id, 3);  // pinned first
    EXPECT_EQ(top[1]->id, 2);  // then by votes
    EXPECT_EQ(top[1]->text, "B");
    EXPECT_EQ(top[2]->author, "Siti");
    // Hidden, as the public view says it: only id, session and status.
    s.apply(
        upd(6, "question.updated", R"({"question":{"id":2,"session_id":2,"status":"hidden"}})"));
    EXPECT_EQ(s.top_questions(2, 10).size(), 2u);
    EXPECT_TRUE(s.top_questions(99, 10).empty());
}

}  // namespace
}  // namespace bimtek::client::live
