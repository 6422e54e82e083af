// Q&A of a session: asking (participants online; staff typing in a question from the room),
// upvoting, moderation (pending → approved, answered, pinned, hidden) and the ordered list.
// Each change appends an update ("question.created", "question.voted", "question.updated",
// "session.updated") so the live views follow. Thread-safe (stateless over the store).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "server/domain/clock.hpp"
#include "server/domain/principal.hpp"
#include "server/domain/question.hpp"
#include "server/domain/result.hpp"
#include "server/domain/session.hpp"
#include "server/domain/store.hpp"

namespace bimtek::domain {

struct qa_policy {
    std::size_t max_text_code_points = 500;
    int max_questions_per_window = 5;           // per participant, then 429
    std::chrono::seconds window{60};
};

// A question as one viewer may see it.
struct question_view {
    question q;
    bool show_author = false;  // false for anonymous questions and for hidden details
    bool voted = false;        // the viewer has voted for it
};

struct question_list {
    session details;
    std::vector<question_view> questions;  // pinned first, then by votes, then oldest first
};

class qa_service {
public:
    qa_service(store& s, clock const& k, qa_policy policy = {});

    // A participant of the session's event asks (201); a coordinator or the session's speaker
    // enters a question from the room ("from_room"; "author_name" optional). Text is trimmed
    // and must hold 1..max_text_code_points code points (422 "invalid_field" on "text").
    // In a moderated session a participant's question starts "pending"; staff's are approved.
    // 429 "too_many_questions" past the rate limit, with retry_after_seconds.
    result<question> ask(principal const& by, session_id session, std::string const& text, bool anonymous,
                         std::optional<std::string> const& author_name = std::nullopt);
    // Participants of the event vote on public questions; voting twice counts once. Returns
    // the new count. 404 "question_not_found" for questions the voter cannot see.
    result<int> vote(principal const& by, question_id q);
    result<int> unvote(principal const& by, question_id q);
    // The session's speaker or a coordinator: approved, answered, hidden or pinned ("pending"
    // is not a target). Pinning unpins the session's previously pinned question.
    result<question> moderate(principal const& by, question_id q, question_status to);
    // Members of the event. Participants see public questions only, without the author of
    // anonymous ones; staff also see pending and hidden ones.
    result<question_list> list(principal const& by, session_id session);
    // The session's speaker or a coordinator turns moderation on or off.
    result<session> set_moderated(principal const& by, session_id session, bool moderated);

private:
    // vote (add) or unvote: the shared checks, the change, and its update.
    result<int> change_vote(principal const& by, question_id q, bool add);

    store& store_;
    clock const& clock_;
    qa_policy policy_;
};

}  // namespace bimtek::domain
