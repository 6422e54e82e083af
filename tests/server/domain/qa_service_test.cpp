#include "server/domain/qa_service.hpp"

#include <set>

#include "tests/server/domain/domain_fixture.hpp"

namespace bimtek::test {
namespace {

using namespace domain;
using namespace std::chrono_literals;

std::string repeat(std::string const& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

class qa_service_test : public domain_fixture {
protected:
    qa_service qa{store, clock};

    // A second speaker, on the event's staff, running another session.
    staff_user other_speaker = seed_user(store, "narasumber2", role::speaker);
    session talk = seed_session(store, event.id, "Pemasaran Digital", wib(10), wib(11), speaker.id);
    session other_talk = [this] {
        seed_member(store, event.id, other_speaker.id, role::speaker);
        return seed_session(store, event.id, "Pembukuan", wib(13), wib(14), other_speaker.id);
    }();

    participant siti =
        seed_participant(store, event.id, "Siti Nurhaliza", attendance_mode::onsite, "AAAABBBB");
    participant ayu =
        seed_participant(store, event.id, "Ni Luh Putu Ayu", attendance_mode::online, "AAAACCCC");
    participant budi =
        seed_participant(store, event.id, "Budi Santoso", attendance_mode::online, "AAAADDDD");

    question ask(participant const& p, std::string text = "Bagaimana cara mengakses modal usaha?",
                 bool anonymous = false, session const* in = nullptr) {
        auto r = qa.ask(principal_of(p), (in ? *in : talk).id, text, anonymous);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? *r : question{};
    }
    // By the session's speaker (moderate) or by "by" (moderate_as); must succeed.
    question moderate(question const& q, question_status to) {
        return moderate_as(as_speaker(), q, to);
    }
    question moderate_as(principal const& by, question const& q, question_status to) {
        auto r = qa.moderate(by, q.id, to);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? *r : question{};
    }
    std::vector<question_view> list(principal const& by, session const* in = nullptr) {
        auto r = qa.list(by, (in ? *in : talk).id);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->questions : std::vector<question_view>{};
    }
    static std::vector<question_id> ids(std::vector<question_view> const& views) {
        std::vector<question_id> out;
        for (auto const& v : views) out.push_back(v.q.id);
        return out;
    }
    std::vector<stream_update> updates_of(std::string const& kind) {
        std::vector<stream_update> out;
        for (auto& u : notifier.updates())
            if (u.kind == kind) out.push_back(u);
        return out;
    }
    static std::string problem_code(error const& e) {
        return e.problems.empty() ? std::string() : e.problems.front().code;
    }
};

TEST_F(qa_service_test, a_participant_asks_and_the_stream_hears_of_it) {
    clock.set(wib(10, 5));
    question q = ask(siti);
    EXPECT_GT(q.id, 0);
    EXPECT_EQ(q.event, event.id);
    EXPECT_EQ(q.session, talk.id);
    EXPECT_EQ(q.author, siti.id);
    EXPECT_EQ(q.author_name, "Siti Nurhaliza");
    EXPECT_EQ(q.status, question_status::approved);
    EXPECT_FALSE(q.from_room);
    EXPECT_EQ(q.votes, 0);
    EXPECT_EQ(q.created_at, wib(10, 5));
    EXPECT_EQ(store.state().questions.size(), 1u);

    auto created = updates_of("question.created");
    ASSERT_EQ(created.size(), 1u);
    EXPECT_EQ(created[0].session, talk.id);
    EXPECT_EQ(created[0].speaker, speaker.id);
    auto full = parse_object(created[0].full_data).at("question").as_object();
    EXPECT_EQ(full.at("id").as_int64(), q.id);
    EXPECT_EQ(full.at("session_id").as_int64(), talk.id);
    EXPECT_EQ(full.at("text").as_string(), "Bagaimana cara mengakses modal usaha?");
    EXPECT_FALSE(full.at("anonymous").as_bool());
    EXPECT_FALSE(full.at("from_room").as_bool());
    EXPECT_EQ(full.at("author").at("id").as_int64(), siti.id);
    EXPECT_EQ(full.at("author").at("name").as_string(), "Siti Nurhaliza");
    EXPECT_EQ(full.at("status").as_string(), "approved");
    EXPECT_EQ(full.at("votes").as_int64(), 0);
    EXPECT_EQ(full.at("created_at").as_string(), "2026-11-26T03:05:00Z");
    EXPECT_TRUE(full.at("answered_at").is_null());
    EXPECT_EQ(full.size(), 10u);

    auto pub = parse_object(created[0].public_data).at("question").as_object();
    EXPECT_EQ(pub.at("author").as_object(), (boost::json::object{{"name", "Siti Nurhaliza"}}));
    pub.erase("author");
    full.erase("author");
    EXPECT_EQ(pub, full);  // the same without the author's id
}

TEST_F(qa_service_test, text_is_trimmed_and_limited_in_code_points) {
    EXPECT_EQ(ask(siti, " \t Apakah ada pelatihan lanjutan?\n ").text,
              "Apakah ada pelatihan lanjutan?");
    // Inner line breaks stay.
    EXPECT_EQ(ask(ayu, "Baris satu\nbaris dua").text, "Baris satu\nbaris dua");

    // 500 emoji are 2000 bytes and fit; 501 do not. Surrounding spaces do not count.
    std::string const emoji = "\xF0\x9F\x99\x8F";  // U+1F64F
    EXPECT_EQ(ask(budi, "  " + repeat(emoji, 500) + "  ").text, repeat(emoji, 500));
    auto too_long = qa.ask(principal_of(budi), talk.id, repeat(emoji, 501), false);
    EXPECT_ERROR(too_long, invalid, "invalid_field");
    EXPECT_EQ(problem_code(too_long.error()), "too_long");
    EXPECT_EQ(too_long.error().problems.front().field, "text");
    EXPECT_TRUE(qa.ask(principal_of(budi), talk.id, repeat("a", 499) + "é", false).ok());

    auto blank = qa.ask(principal_of(siti), talk.id, " \n\t\xC2\xA0 ", false);  // with U+00A0
    EXPECT_ERROR(blank, invalid, "invalid_field");
    EXPECT_EQ(problem_code(blank.error()), "required");
    auto broken = qa.ask(principal_of(siti), talk.id, "halo \xFF", false);
    EXPECT_ERROR(broken, invalid, "invalid_field");
    EXPECT_EQ(problem_code(broken.error()), "invalid_utf8");
    EXPECT_EQ(store.state().questions.size(), 4u);
}

TEST_F(qa_service_test, five_questions_a_minute_then_429_until_the_oldest_ages_out) {
    timestamp const t0 = wib(10);
    for (int i = 0; i < 5; ++i) {
        clock.set(t0 + std::chrono::seconds{i});
        ask(siti, "Pertanyaan " + std::to_string(i));
    }
    clock.set(t0 + 30s);
    auto limited = qa.ask(principal_of(siti), talk.id, "Satu lagi", false);
    EXPECT_ERROR(limited, rate_limited, "too_many_questions");
    EXPECT_EQ(limited.error().retry_after_seconds, 30);
    // Another session of the same event shares the limit; other participants have their own.
    EXPECT_ERROR(qa.ask(principal_of(siti), other_talk.id, "Di sesi lain", false), rate_limited,
                 "too_many_questions");
    ask(ayu, "Saya boleh");
    // Staff typing questions from the room are not limited.
    for (int i = 0; i < 6; ++i)
        EXPECT_TRUE(qa.ask(as_speaker(), talk.id, "Dari ruangan " + std::to_string(i), false).ok());

    clock.set(t0 + 59s + 500ms);
    EXPECT_EQ(qa.ask(principal_of(siti), talk.id, "Hampir", false).error().retry_after_seconds, 1);
    clock.set(t0 + 60s);  // the first question is a minute old: it no longer counts
    ask(siti, "Sekarang boleh");
    auto again = qa.ask(principal_of(siti), talk.id, "Lagi", false);
    EXPECT_ERROR(again, rate_limited, "too_many_questions");
    EXPECT_EQ(again.error().retry_after_seconds, 1);  // the second ages out at t0 + 61 s
    // Refused questions are not stored.
    int from_siti = 0;
    for (auto const& [id, q] : store.state().questions) from_siti += q.author == siti.id;
    EXPECT_EQ(from_siti, 6);
}

TEST_F(qa_service_test, in_a_moderated_session_questions_wait_for_approval) {
    auto moderated = qa.set_moderated(as_speaker(), talk.id, true);
    ASSERT_TRUE(moderated.ok());
    EXPECT_TRUE(moderated->moderated);
    auto changed = updates_of("session.updated");
    ASSERT_EQ(changed.size(), 1u);
    EXPECT_EQ(changed[0].session, talk.id);
    EXPECT_EQ(changed[0].speaker, speaker.id);
    auto data = parse_object(changed[0].full_data).at("session").as_object();
    EXPECT_TRUE(data.at("moderated").as_bool());
    EXPECT_EQ(data.at("id").as_int64(), talk.id);
    EXPECT_EQ(data.at("title").as_string(), "Pemasaran Digital");
    EXPECT_EQ(changed[0].full_data, changed[0].public_data);
    // Setting it again changes nothing.
    ASSERT_TRUE(qa.set_moderated(as_coordinator(), talk.id, true).ok());
    EXPECT_EQ(updates_of("session.updated").size(), 1u);

    question q = ask(siti, "Menunggu persetujuan");
    EXPECT_EQ(q.status, question_status::pending);
    auto created = updates_of("question.created").back();
    EXPECT_EQ(parse_object(created.public_data),
              parse_object(R"({"question":{"id":)" + std::to_string(q.id) + R"(,"session_id":)" +
                           std::to_string(talk.id) + R"(,"status":"pending"}})"));
    EXPECT_EQ(parse_object(created.full_data).at("question").at("text").as_string(),
              "Menunggu persetujuan");

    EXPECT_TRUE(list(principal_of(ayu)).empty());
    EXPECT_EQ(ids(list(as_speaker())), std::vector<question_id>{q.id});
    EXPECT_EQ(ids(list(as_coordinator())), std::vector<question_id>{q.id});
    // Not public: no votes yet.
    EXPECT_ERROR(qa.vote(principal_of(ayu), q.id), not_found, "question_not_found");

    question approved = moderate(q, question_status::approved);
    EXPECT_EQ(approved.status, question_status::approved);
    auto updated = updates_of("question.updated");
    ASSERT_EQ(updated.size(), 1u);
    EXPECT_EQ(updated[0].speaker, speaker.id);
    auto pub = parse_object(updated[0].public_data).at("question").as_object();
    EXPECT_EQ(pub.at("status").as_string(), "approved");
    EXPECT_EQ(pub.at("text").as_string(), "Menunggu persetujuan");
    EXPECT_EQ(ids(list(principal_of(ayu))), std::vector<question_id>{q.id});

    // Staff questions skip the queue.
    auto from_room = qa.ask(as_coordinator(), talk.id, "Dari ruangan", false);
    ASSERT_TRUE(from_room.ok());
    EXPECT_EQ(from_room->status, question_status::approved);
    ASSERT_TRUE(qa.set_moderated(as_speaker(), talk.id, false).ok());
    EXPECT_EQ(ask(budi).status, question_status::approved);
}

TEST_F(qa_service_test, staff_type_in_questions_from_the_room) {
    auto named = qa.ask(as_coordinator(), talk.id, "Bagaimana izin usaha?", false,
                        std::string("  Bapak Lurah  "));
    ASSERT_TRUE(named.ok()) << named.error().message;
    EXPECT_TRUE(named->from_room);
    EXPECT_EQ(named->entered_by, coordinator.id);
    EXPECT_EQ(named->author, std::nullopt);
    EXPECT_EQ(named->author_name, "Bapak Lurah");
    auto full = parse_object(notifier.updates().back().full_data).at("question").as_object();
    EXPECT_TRUE(full.at("from_room").as_bool());
    EXPECT_TRUE(full.at("author").at("id").is_null());
    EXPECT_EQ(full.at("author").at("name").as_string(), "Bapak Lurah");
    auto pub = parse_object(notifier.updates().back().public_data).at("question").as_object();
    EXPECT_EQ(pub.at("author").as_object(), (boost::json::object{{"name", "Bapak Lurah"}}));

    auto nameless = qa.ask(as_speaker(), talk.id, "Tanpa nama", false);
    ASSERT_TRUE(nameless.ok());
    EXPECT_TRUE(
        parse_object(notifier.updates().back().full_data).at("question").at("author").is_null());

    // Only the session's own speaker or a coordinator.
    EXPECT_ERROR(qa.ask(principal_of(other_speaker), talk.id, "Bukan sesi saya", false), forbidden,
                 "forbidden");
    auto outsider_staff = other_event();
    EXPECT_ERROR(qa.ask(principal_of(outsider_staff.user), talk.id, "Orang luar", false), forbidden,
                 "forbidden");
}

TEST_F(qa_service_test, anonymous_questions_never_show_their_author) {
    question q = ask(siti, "Pertanyaan rahasia", true);
    EXPECT_TRUE(q.anonymous);
    EXPECT_EQ(q.author, siti.id);  // kept for the rate limit and votes
    EXPECT_EQ(q.author_name, "");
    auto u = notifier.updates().back();
    for (auto const* data : {&u.full_data, &u.public_data}) {
        auto obj = parse_object(*data).at("question").as_object();
        EXPECT_TRUE(obj.at("author").is_null());
        EXPECT_TRUE(obj.at("anonymous").as_bool());
        EXPECT_EQ(data->find("Siti"), std::string::npos);
    }
    for (auto const& who : {as_coordinator(), as_speaker(), principal_of(ayu)}) {
        auto views = list(who);
        ASSERT_EQ(views.size(), 1u);
        EXPECT_FALSE(views[0].show_author);
        EXPECT_EQ(views[0].q.author_name, "");
    }
    // Even a moderator's change keeps it anonymous.
    moderate(q, question_status::answered);
    EXPECT_TRUE(
        parse_object(notifier.updates().back().full_data).at("question").at("author").is_null());
}

TEST_F(qa_service_test, voting_twice_counts_once_and_unvote_takes_it_back) {
    question q = ask(siti);
    auto first = qa.vote(principal_of(ayu), q.id);
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_EQ(*first, 1);
    EXPECT_EQ(*qa.vote(principal_of(ayu), q.id), 1);
    EXPECT_EQ(*qa.vote(principal_of(budi), q.id), 2);
    EXPECT_EQ(*qa.vote(principal_of(siti), q.id), 3);  // one's own question too
    EXPECT_EQ(store.state().questions.at(q.id).votes, 3);

    auto voted = updates_of("question.voted");
    ASSERT_EQ(voted.size(), 3u);  // the repeated vote appended nothing
    EXPECT_EQ(voted[0].session, talk.id);
    EXPECT_EQ(voted[0].full_data, voted[0].public_data);
    EXPECT_EQ(parse_object(voted[2].public_data),
              parse_object(R"({"question":{"id":)" + std::to_string(q.id) + R"(,"session_id":)" +
                           std::to_string(talk.id) + R"(,"votes":3}})"));

    auto seen_by_ayu = list(principal_of(ayu));
    ASSERT_EQ(seen_by_ayu.size(), 1u);
    EXPECT_TRUE(seen_by_ayu[0].voted);
    EXPECT_EQ(seen_by_ayu[0].q.votes, 3);

    EXPECT_EQ(*qa.unvote(principal_of(ayu), q.id), 2);
    EXPECT_EQ(*qa.unvote(principal_of(ayu), q.id), 2);
    EXPECT_EQ(updates_of("question.voted").size(), 4u);
    EXPECT_EQ(store.state().questions.at(q.id).votes, 2);
    EXPECT_FALSE(list(principal_of(ayu))[0].voted);
    EXPECT_TRUE(list(principal_of(budi))[0].voted);
}

TEST_F(qa_service_test, only_participants_of_the_event_vote_on_public_questions) {
    question q = ask(siti);
    std::string before = store.dump();
    EXPECT_ERROR(qa.vote(as_coordinator(), q.id), forbidden, "forbidden");
    EXPECT_ERROR(qa.vote(as_speaker(), q.id), forbidden, "forbidden");
    EXPECT_ERROR(qa.unvote(as_speaker(), q.id), forbidden, "forbidden");
    EXPECT_ERROR(qa.vote(principal_of(ayu), 999), not_found, "question_not_found");

    auto other = other_event();
    auto outsider =
        seed_participant(store, other.event.id, "Orang Lain", attendance_mode::online, "EEEEFFFF");
    before = store.dump();
    EXPECT_ERROR(qa.vote(principal_of(outsider), q.id), forbidden, "forbidden");
    EXPECT_ERROR(qa.ask(principal_of(outsider), talk.id, "Boleh?", false), forbidden, "forbidden");
    EXPECT_ERROR(qa.list(principal_of(outsider), talk.id), forbidden, "forbidden");
    EXPECT_EQ(store.dump(), before);

    moderate(q, question_status::hidden);
    EXPECT_ERROR(qa.vote(principal_of(ayu), q.id), not_found, "question_not_found");
    EXPECT_ERROR(qa.ask(principal_of(ayu), 999, "Sesi?", false), not_found, "session_not_found");
    EXPECT_ERROR(qa.list(principal_of(ayu), 999), not_found, "session_not_found");
}

TEST_F(qa_service_test, pinning_unpins_the_previous_question_first) {
    question a = ask(siti, "Pertama");
    question b = ask(ayu, "Kedua");
    question c = ask(budi, "Ketiga", false, &other_talk);
    EXPECT_EQ(moderate(a, question_status::pinned).status, question_status::pinned);
    moderate_as(as_coordinator(), c, question_status::pinned);
    notifier.clear();

    question pinned = moderate(b, question_status::pinned);
    EXPECT_EQ(pinned.status, question_status::pinned);
    auto published = notifier.updates();
    ASSERT_EQ(published.size(), 2u);
    EXPECT_EQ(published[0].kind, "question.updated");
    auto old = parse_object(published[0].full_data).at("question").as_object();
    EXPECT_EQ(old.at("id").as_int64(), a.id);
    EXPECT_EQ(old.at("status").as_string(), "approved");
    auto now = parse_object(published[1].full_data).at("question").as_object();
    EXPECT_EQ(now.at("id").as_int64(), b.id);
    EXPECT_EQ(now.at("status").as_string(), "pinned");
    EXPECT_EQ(published[0].seq + 1, published[1].seq);

    auto state = store.state();
    EXPECT_EQ(state.questions.at(a.id).status, question_status::approved);
    EXPECT_EQ(state.questions.at(c.id).status, question_status::pinned);  // another session
    // Pinning the pinned one again changes nothing.
    moderate(b, question_status::pinned);
    EXPECT_EQ(notifier.size(), 2u);
}

TEST_F(qa_service_test, answered_questions_record_when) {
    question q = ask(siti);
    clock.set(wib(10, 30));
    question answered = moderate(q, question_status::answered);
    EXPECT_EQ(answered.answered_at, wib(10, 30));
    EXPECT_EQ(answered.updated_at, wib(10, 30));
    EXPECT_EQ(parse_object(notifier.updates().back().public_data)
                  .at("question")
                  .at("answered_at")
                  .as_string(),
              "2026-11-26T03:30:00Z");
    EXPECT_EQ(moderate(q, question_status::approved).answered_at, std::nullopt);
}

TEST_F(qa_service_test, moderation_is_for_the_sessions_speaker_and_coordinators) {
    question q = ask(siti);
    auto outsider_staff = other_event();
    std::string before = store.dump();
    EXPECT_ERROR(qa.moderate(principal_of(ayu), q.id, question_status::hidden), forbidden,
                 "forbidden");
    EXPECT_ERROR(qa.moderate(principal_of(other_speaker), q.id, question_status::hidden), forbidden,
                 "forbidden");
    EXPECT_ERROR(qa.moderate(principal_of(outsider_staff.user), q.id, question_status::hidden),
                 forbidden, "forbidden");
    EXPECT_ERROR(qa.set_moderated(principal_of(ayu), talk.id, true), forbidden, "forbidden");
    EXPECT_ERROR(qa.set_moderated(principal_of(other_speaker), talk.id, true), forbidden,
                 "forbidden");
    EXPECT_ERROR(qa.moderate(as_speaker(), q.id, question_status::pending), invalid,
                 "invalid_field");
    EXPECT_ERROR(qa.moderate(as_speaker(), 999, question_status::hidden), not_found,
                 "question_not_found");
    EXPECT_EQ(store.dump(), before);

    EXPECT_EQ(moderate_as(as_coordinator(), q, question_status::hidden).status,
              question_status::hidden);
    auto hidden = notifier.updates().back();
    EXPECT_EQ(parse_object(hidden.public_data),
              parse_object(R"({"question":{"id":)" + std::to_string(q.id) + R"(,"session_id":)" +
                           std::to_string(talk.id) + R"(,"status":"hidden"}})"));
    EXPECT_TRUE(list(principal_of(ayu)).empty());
    ASSERT_EQ(list(as_speaker()).size(), 1u);
    // The other speaker runs their own session.
    question mine = ask(ayu, "Untuk sesi dua", false, &other_talk);
    EXPECT_EQ(moderate_as(principal_of(other_speaker), mine, question_status::answered).status,
              question_status::answered);
    EXPECT_EQ(notifier.updates().back().speaker, other_speaker.id);
}

TEST_F(qa_service_test, the_list_shows_the_pinned_one_then_by_votes_then_oldest) {
    clock.set(wib(10, 1));
    question a = ask(siti, "A");
    clock.set(wib(10, 2));
    question b = ask(ayu, "B");
    clock.set(wib(10, 3));
    question c = ask(budi, "C");
    clock.set(wib(10, 4));
    question d = ask(siti, "D");
    ASSERT_TRUE(qa.vote(principal_of(siti), c.id).ok());
    ASSERT_TRUE(qa.vote(principal_of(ayu), c.id).ok());
    ASSERT_TRUE(qa.vote(principal_of(budi), b.id).ok());
    moderate(d, question_status::pinned);
    question hidden = ask(ayu, "E");
    moderate(hidden, question_status::hidden);

    EXPECT_EQ(ids(list(principal_of(siti))), (std::vector<question_id>{d.id, c.id, b.id, a.id}));
    EXPECT_EQ(ids(list(as_coordinator())),
              (std::vector<question_id>{d.id, c.id, b.id, a.id, hidden.id}));
    auto r = qa.list(principal_of(siti), talk.id);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->details.id, talk.id);
    std::set<question_id> voted;
    for (auto const& v : r->questions)
        if (v.voted) voted.insert(v.q.id);
    EXPECT_EQ(voted, std::set<question_id>{c.id});
    EXPECT_TRUE(r->questions.back().show_author);
    EXPECT_TRUE(list(as_coordinator(), &other_talk).empty());
}

}  // namespace
}  // namespace bimtek::test
