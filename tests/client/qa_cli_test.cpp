// Participants' and speakers' commands against the real server: ask, questions, vote, and the
// speaker's moderation (one-shot and in the live queue), sessions.
#include <signal.h>

#include <gtest/gtest.h>

#include "tests/client/client_test_support.hpp"
#include "tests/harness/test_server.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

class QaCli : public ::testing::Test {
protected:
    void SetUp() override {
        url_ = "http://127.0.0.1:" + std::to_string(server_.port());
        speaker_ = server_.login_speaker();
        session_ = server_.demo().at("speaker").at("session_id").as_int64();
    }
    client_result as(std::string const& token, std::vector<std::string> more,
                     client_home const& home) {
        std::vector<std::string> a{"--server", url_, "--token", token};
        a.insert(a.end(), more.begin(), more.end());
        return run_client(a, home.env());
    }
    std::string status_of(std::int64_t question) {
        http_client http(server_.port());
        http.set_token(speaker_);
        auto r = http.get("/api/v1/sessions/" + std::to_string(session_) + "/questions");
        auto body = r.json();
        for (auto const& q : body.at("questions").as_array())
            if (q.at("id").as_int64() == question) return std::string(q.at("status").as_string());
        return "missing";
    }
    std::int64_t ask_over_http(std::string const& token, std::string const& text) {
        http_client http(server_.port());
        http.set_token(token);
        auto r = http.post("/api/v1/sessions/" + std::to_string(session_) + "/questions",
                           json::serialize(json::object{{"text", text}}));
        EXPECT_EQ(r.status, 201) << r.body;
        return r.json().at("id").as_int64();
    }

    test_server server_;
    client_home home_;
    std::string url_;
    std::string speaker_;
    std::int64_t session_ = 0;
};

TEST_F(QaCli, ParticipantsJoinAskListAndVote) {
    // join stores the token: the next commands need no --token.
    auto joined =
        run_client({"--server", url_, "join", "--code", server_.code_of("online", 0)}, home_.env());
    ASSERT_EQ(joined.status, 0) << joined.err;
    auto ask = run_client({"ask", "Bagaimana cara mengakses modal usaha?"}, home_.env());
    ASSERT_EQ(ask.status, 0) << ask.out << ask.err;
    EXPECT_NE(ask.out.find("terkirim"), std::string::npos) << ask.out;
    auto anon =
        run_client({"ask", "Apakah ada pelatihan pemasaran daring?", "--anonymous"}, home_.env());
    ASSERT_EQ(anon.status, 0) << anon.err;

    auto list = run_client({"questions"}, home_.env());
    ASSERT_EQ(list.status, 0) << list.err;
    EXPECT_NE(list.out.find("Bagaimana cara mengakses modal usaha?"), std::string::npos)
        << list.out;
    EXPECT_NE(list.out.find("pemasaran daring? — anonim"), std::string::npos) << list.out;

    auto listed = run_client({"questions", "--json"}, home_.env());
    auto q = json::parse(listed.out).at("questions").as_array();
    ASSERT_EQ(q.size(), 2u);
    auto id = q.at(0).at("id").as_int64();

    client_home other;
    auto other_token = server_.join(server_.code_of("online", 1));
    auto vote = as(other_token, {"--lang", "en", "vote", std::to_string(id)}, other);
    EXPECT_EQ(vote.status, 0) << vote.err;
    EXPECT_NE(vote.out.find("(1 votes)"), std::string::npos) << vote.out;
    auto undo = as(other_token, {"vote", std::to_string(id), "--undo"}, other);
    EXPECT_EQ(undo.status, 0) << undo.err;
    EXPECT_NE(undo.out.find("(0 suara)"), std::string::npos) << undo.out;
    auto missing = as(other_token, {"vote", "99999"}, other);
    EXPECT_EQ(missing.status, 1) << missing.out << missing.err;
}

TEST_F(QaCli, SpeakerModeratesWithOneShotCommands) {
    http_client http(server_.port());
    http.set_token(speaker_);
    ASSERT_EQ(http.patch("/api/v1/sessions/" + std::to_string(session_) + "/moderation",
                         R"({"moderated":true})")
                  .status,
              200);
    auto participant = server_.join(server_.code_of("online", 0));
    auto a = ask_over_http(participant, "Pertanyaan pertama?");
    auto b = ask_over_http(participant, "Pertanyaan kedua?");
    EXPECT_EQ(status_of(a), "pending");

    EXPECT_EQ(as(speaker_, {"qa", "approve", std::to_string(a)}, home_).status, 0);
    EXPECT_EQ(status_of(a), "approved");
    EXPECT_EQ(as(speaker_, {"qa", "pin", std::to_string(a)}, home_).status, 0);
    EXPECT_EQ(status_of(a), "pinned");
    auto answered = as(speaker_, {"qa", "answer", std::to_string(a)}, home_);
    EXPECT_EQ(answered.status, 0);
    EXPECT_NE(answered.out.find("terjawab"), std::string::npos) << answered.out;
    EXPECT_EQ(status_of(a), "answered");
    EXPECT_EQ(as(speaker_, {"qa", "hide", std::to_string(b)}, home_).status, 0);
    EXPECT_EQ(status_of(b), "hidden");

    // A participant may not moderate.
    auto refused = as(participant, {"qa", "approve", std::to_string(b)}, home_);
    EXPECT_EQ(refused.status, 3) << refused.out << refused.err;
}

TEST_F(QaCli, SpeakerLiveQueueFollowsAndTakesCommands) {
    client_process qa({"--server", url_, "--token", speaker_, "qa"}, home_.env(), {}, true);
    ASSERT_TRUE(qa.wait_for("Antrean pertanyaan", 10s)) << qa.out() << qa.err();
    auto participant = server_.join(server_.code_of("online", 0));
    auto id = ask_over_http(participant, "Bagaimana membuat laporan keuangan sederhana?");
    ASSERT_TRUE(qa.wait_for("laporan keuangan sederhana?", 5s)) << qa.out();  // arrived live
    qa.write_stdin("pin " + std::to_string(id) + "\n");
    ASSERT_TRUE(qa.wait_for("[disematkan]", 5s)) << qa.out() << qa.err();
    EXPECT_EQ(status_of(id), "pinned");
    qa.write_stdin("frobnicate\n");
    ASSERT_TRUE(qa.wait_for("Perintah tidak dikenal", 5s, true)) << qa.err();
    qa.write_stdin("quit\n");
    EXPECT_EQ(qa.wait_exit(10s), 0);
}

TEST_F(QaCli, SessionsStartAndEnd) {
    auto second = server_.demo().at("sessions").as_array().at(1).as_int64();
    auto coordinator = server_.login_coordinator();
    auto end = as(coordinator, {"session", "end", std::to_string(session_)}, home_);
    EXPECT_EQ(end.status, 0) << end.err;
    EXPECT_NE(end.out.find("selesai"), std::string::npos);
    auto again = as(coordinator, {"session", "end", std::to_string(session_)}, home_);
    EXPECT_EQ(again.status, 1) << again.err;  // 409 already_ended
    EXPECT_NE(again.err.find("already_ended"), std::string::npos) << again.err;
    auto start =
        as(coordinator, {"--lang", "en", "session", "start", std::to_string(second)}, home_);
    EXPECT_EQ(start.status, 0) << start.err;
    EXPECT_NE(start.out.find("started"), std::string::npos) << start.out;
}

}  // namespace
}  // namespace bimtek::testing
