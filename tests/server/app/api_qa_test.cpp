// Q&A through the API over loopback: asking, the list, votes, moderation and pinning, anonymity,
// permissions, the rate limit and the text limits.
#include <gtest/gtest.h>

#include <optional>

#include <boost/json.hpp>

#include "tests/harness/http_client.hpp"
#include "tests/harness/test_server.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;

std::string repeat(std::string const& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

class ApiQa : public ::testing::Test {
protected:
    void SetUp() override {
        coordinator_.set_token(server_.login_coordinator());
        speaker_.set_token(server_.login_speaker());
        siti_.set_token(server_.join(server_.code_of("online", 0)));
        ayu_.set_token(server_.join(server_.code_of("online", 1)));
        budi_.set_token(server_.join(server_.code_of("onsite", 0)));
        auto const& sessions = server_.demo().at("sessions").as_array();
        talk_ = sessions.at(0).as_int64();   // the demo speaker's session, live
        other_ = sessions.at(1).as_int64();  // another speaker's session
    }

    std::string questions(std::int64_t session) const {
        return "/api/v1/sessions/" + std::to_string(session) + "/questions";
    }
    static std::string question(std::int64_t id) {
        return "/api/v1/questions/" + std::to_string(id);
    }
    static std::string vote(std::int64_t id) { return question(id) + "/vote"; }

    http_response ask(http_client& c, std::string const& text, bool anonymous = false,
                      std::int64_t session = 0) {
        return c.post(questions(session ? session : talk_),
                      to_body(json::object{{"text", text}, {"anonymous", anonymous}}));
    }
    std::int64_t ask_ok(http_client& c, std::string const& text, bool anonymous = false) {
        auto r = ask(c, text, anonymous);
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? r.json().at("id").as_int64() : 0;
    }
    json::array list(http_client& c, std::int64_t session = 0) {
        auto r = c.get(questions(session ? session : talk_));
        EXPECT_EQ(r.status, 200) << r.body;
        return r.json().at("questions").as_array();
    }
    // The question "id" in "list", if it is there.
    static std::optional<json::object> find(json::array const& list, std::int64_t id) {
        for (auto const& q : list)
            if (q.at("id").as_int64() == id) return q.as_object();
        return std::nullopt;
    }
    http_response set_status(http_client& c, std::int64_t id, std::string const& status) {
        return c.patch(question(id), to_body(json::object{{"status", status}}));
    }
    std::string name_of(std::string const& mode, std::size_t index) const {
        std::string code = server_.code_of(mode, index);
        for (auto const& p : server_.demo().at("participants").as_array())
            if (p.at("code").as_string() == code) return std::string(p.at("name").as_string());
        return {};
    }

    test_server server_;
    http_client coordinator_{server_.port()};
    http_client speaker_{server_.port()};
    http_client siti_{server_.port()};
    http_client ayu_{server_.port()};
    http_client budi_{server_.port()};
    std::int64_t talk_ = 0, other_ = 0;
};

TEST_F(ApiQa, AskListVoteTwiceAndUnvote) {
    auto asked = ask(siti_, "  Bagaimana cara mengakses modal usaha?  ");
    ASSERT_EQ(asked.status, 201) << asked.body;
    auto q = asked.json().as_object();
    std::int64_t const id = q.at("id").as_int64();
    EXPECT_EQ(q.at("session_id").as_int64(), talk_);
    EXPECT_EQ(q.at("text").as_string(), "Bagaimana cara mengakses modal usaha?");
    EXPECT_EQ(q.at("status").as_string(), "approved");
    EXPECT_EQ(q.at("author").as_object(), (json::object{{"name", name_of("online", 0)}}));
    EXPECT_EQ(q.at("votes").as_int64(), 0);
    EXPECT_FALSE(q.at("voted").as_bool());

    auto r = ayu_.post(vote(id), "");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json(), json::parse(R"({"votes":1})"));
    EXPECT_EQ(ayu_.post(vote(id), "").json().at("votes").as_int64(), 1);  // twice counts once
    EXPECT_EQ(budi_.post(vote(id), "").json().at("votes").as_int64(), 2);

    auto page = ayu_.get(questions(talk_));
    ASSERT_EQ(page.status, 200);
    auto doc = page.json().as_object();
    EXPECT_EQ(doc.at("session_id").as_int64(), talk_);
    EXPECT_FALSE(doc.at("moderated").as_bool());
    auto seen = find(doc.at("questions").as_array(), id);
    ASSERT_TRUE(seen.has_value());
    EXPECT_EQ(seen->at("votes").as_int64(), 2);
    EXPECT_TRUE(seen->at("voted").as_bool());
    EXPECT_FALSE(find(list(siti_), id)->at("voted").as_bool());

    auto undone = ayu_.del(vote(id));
    ASSERT_EQ(undone.status, 200) << undone.body;
    EXPECT_EQ(undone.json().at("votes").as_int64(), 1);
    EXPECT_EQ(ayu_.del(vote(id)).json().at("votes").as_int64(), 1);
    EXPECT_FALSE(find(list(ayu_), id)->at("voted").as_bool());
    // Staff see the author's id too.
    EXPECT_TRUE(find(list(coordinator_), id)->at("author").at("id").is_int64());
}

TEST_F(ApiQa, ModerationQueuesQuestionsUntilApproved) {
    auto on = speaker_.patch("/api/v1/sessions/" + std::to_string(talk_) + "/moderation",
                             R"({"moderated":true})");
    ASSERT_EQ(on.status, 200) << on.body;
    EXPECT_TRUE(on.json().at("moderated").as_bool());
    EXPECT_EQ(on.json().at("id").as_int64(), talk_);

    auto asked = ask(siti_, "Menunggu persetujuan");
    ASSERT_EQ(asked.status, 201) << asked.body;
    std::int64_t const id = asked.json().at("id").as_int64();
    EXPECT_EQ(asked.json().at("status").as_string(), "pending");
    EXPECT_FALSE(asked.json().as_object().contains("text"));  // participants see no pending text

    EXPECT_FALSE(find(list(ayu_), id).has_value());
    auto queued = find(list(speaker_), id);
    ASSERT_TRUE(queued.has_value());
    EXPECT_EQ(queued->at("text").as_string(), "Menunggu persetujuan");
    EXPECT_EQ(ayu_.post(vote(id), "").status, 404);

    auto approved = set_status(speaker_, id, "approved");
    ASSERT_EQ(approved.status, 200) << approved.body;
    EXPECT_EQ(approved.json().at("status").as_string(), "approved");
    EXPECT_TRUE(find(list(ayu_), id).has_value());
    EXPECT_TRUE(ayu_.get(questions(talk_)).json().at("moderated").as_bool());
}

TEST_F(ApiQa, PinningUnpinsThePreviousAndComesFirst) {
    std::int64_t const a = ask_ok(siti_, "Pertama");
    std::int64_t const b = ask_ok(ayu_, "Kedua");
    std::int64_t const c = ask_ok(budi_, "Ketiga");
    ASSERT_EQ(siti_.post(vote(c), "").status, 200);
    ASSERT_EQ(set_status(speaker_, a, "pinned").status, 200);
    auto pinned = set_status(coordinator_, b, "pinned");
    ASSERT_EQ(pinned.status, 200) << pinned.body;
    EXPECT_EQ(pinned.json().at("status").as_string(), "pinned");

    auto shown = list(budi_);
    ASSERT_GE(shown.size(), 3u);
    EXPECT_EQ(shown[0].at("id").as_int64(), b);
    EXPECT_EQ(shown[1].at("id").as_int64(), c);  // most votes
    EXPECT_EQ(shown[2].at("id").as_int64(), a);
    EXPECT_EQ(shown[2].at("status").as_string(), "approved");

    auto answered = set_status(speaker_, c, "answered");
    ASSERT_EQ(answered.status, 200);
    EXPECT_TRUE(answered.json().at("answered_at").is_string());
    ASSERT_EQ(set_status(speaker_, a, "hidden").status, 200);
    EXPECT_FALSE(find(list(budi_), a).has_value());
    EXPECT_TRUE(find(list(coordinator_), a).has_value());
}

TEST_F(ApiQa, AnonymousQuestionsHideTheirAuthorFromEveryone) {
    std::string const name = name_of("online", 0);
    std::int64_t const id = ask_ok(siti_, "Pertanyaan rahasia", true);
    for (http_client* c : {&ayu_, &speaker_, &coordinator_, &siti_}) {
        auto r = c->get(questions(talk_));
        ASSERT_EQ(r.status, 200);
        EXPECT_EQ(r.body.find(name), std::string::npos) << r.body;
        auto q = find(r.json().at("questions").as_array(), id);
        ASSERT_TRUE(q.has_value());
        EXPECT_TRUE(q->at("author").is_null());
        EXPECT_TRUE(q->at("anonymous").as_bool());
    }
}

TEST_F(ApiQa, PermissionsOfModerationAndVoting) {
    std::int64_t const id = ask_ok(siti_, "Boleh dihapus?");
    auto by_participant = set_status(ayu_, id, "hidden");
    EXPECT_EQ(by_participant.status, 403) << by_participant.body;
    EXPECT_EQ(by_participant.json().at("error").at("code").as_string(), "forbidden");
    EXPECT_EQ(ayu_.patch("/api/v1/sessions/" + std::to_string(talk_) + "/moderation",
                         R"({"moderated":true})")
                  .status,
              403);
    // The demo speaker does not run the second session.
    std::int64_t const elsewhere = [&] {
        auto r = ask(ayu_, "Di sesi kedua", false, other_);
        EXPECT_EQ(r.status, 201) << r.body;
        return r.json().at("id").as_int64();
    }();
    EXPECT_EQ(set_status(speaker_, elsewhere, "hidden").status, 403);
    EXPECT_EQ(set_status(coordinator_, elsewhere, "hidden").status, 200);

    EXPECT_EQ(coordinator_.post(vote(id), "").status, 403);  // staff do not vote
    EXPECT_EQ(ayu_.post(vote(999999), "").status, 404);
    EXPECT_EQ(ayu_.post("/api/v1/questions/abc/vote", "").status, 404);
    auto bad = set_status(speaker_, id, "pending");
    EXPECT_EQ(bad.status, 422) << bad.body;
    EXPECT_EQ(set_status(speaker_, id, "selesai").status, 422);
    EXPECT_EQ(speaker_.patch(question(id), "{}").status, 422);
    EXPECT_EQ(ask(siti_, "Sesi?", false, 999999).status, 404);
}

TEST_F(ApiQa, StaffEnterQuestionsFromTheRoom) {
    auto r = coordinator_.post(
        questions(talk_),
        to_body(json::object{{"text", "Dari ruangan"}, {"author_name", "Bapak Lurah"}}));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_TRUE(r.json().at("from_room").as_bool());
    EXPECT_EQ(r.json().at("author").at("name").as_string(), "Bapak Lurah");
    EXPECT_EQ(r.json().at("status").as_string(), "approved");
}

TEST_F(ApiQa, SixthQuestionWithinAMinuteIs429WithRetryAfter) {
    for (int i = 0; i < 5; ++i) ask_ok(siti_, "Pertanyaan " + std::to_string(i));
    auto limited = ask(siti_, "Satu lagi");
    ASSERT_EQ(limited.status, 429) << limited.body;
    EXPECT_EQ(limited.json().at("error").at("code").as_string(), "too_many_questions");
    int const retry = std::stoi(limited.header("retry-after"));
    EXPECT_GE(retry, 1);
    EXPECT_LE(retry, 60);
    EXPECT_EQ(limited.json().at("error").at("retry_after").as_int64(), retry);
    ask_ok(ayu_, "Orang lain masih boleh");
}

TEST_F(ApiQa, TextIsMeasuredInCodePoints) {
    std::string const emoji = "\xF0\x9F\x98\x80";  // U+1F600
    auto fits = ask(siti_, repeat(emoji, 500));
    ASSERT_EQ(fits.status, 201) << fits.body;
    EXPECT_EQ(fits.json().at("text").as_string(), repeat(emoji, 500));

    auto too_long = ask(ayu_, repeat("a", 501));
    ASSERT_EQ(too_long.status, 422) << too_long.body;
    json::value const doc = too_long.json();
    auto const& error = doc.at("error");
    EXPECT_EQ(error.at("code").as_string(), "invalid_field");
    EXPECT_EQ(error.at("details").at(0).at("field").as_string(), "text");
    EXPECT_EQ(error.at("details").at(0).at("code").as_string(), "too_long");
    EXPECT_EQ(ask(ayu_, repeat(emoji, 501)).status, 422);
    EXPECT_EQ(ask(ayu_, "   ").status, 422);
    EXPECT_EQ(ayu_.post(questions(talk_), "{}").status, 422);
    EXPECT_EQ(ayu_.post(questions(talk_), R"({"text":42})").status, 422);
    EXPECT_EQ(ayu_.post(questions(talk_), "[1]").status, 400);
    // The body limit is 16 KiB.
    EXPECT_EQ(
        ayu_.post(questions(talk_), to_body(json::object{{"text", repeat("a", 17000)}})).status,
        413);
}

}  // namespace
}  // namespace bimtek::testing
