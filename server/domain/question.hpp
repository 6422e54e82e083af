// Q&A: questions asked in a session (online, or from the floor and typed in by staff), their
// moderation status and upvotes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/domain/ids.hpp"
#include "shared/time/timestamp.hpp"

namespace bimtek::domain {

// pending:  waiting for approval (the session is moderated); only staff see it.
// approved: public.
// answered: public, marked answered.
// pinned:   public, shown first (at most one per session: pinning another unpins it).
// hidden:   removed from public view by a moderator.
enum class question_status { pending, approved, answered, hidden, pinned };

std::string_view to_string(question_status s);
std::optional<question_status> parse_question_status(std::string_view s);
// approved, answered and pinned questions are public.
bool is_public(question_status s);

struct question {
    question_id id = 0;
    event_id event = 0;
    session_id session = 0;
    std::optional<participant_id> author;  // the participant who asked; none when from the floor
    std::optional<user_id> entered_by;     // the staff member who typed in a question from the room
    std::string author_name;               // as shown when not anonymous
    std::string text;                      // trimmed, 1..500 code points
    bool anonymous = false;                // the author is never shown to anyone
    bool from_room = false;                // asked in the room, entered by staff
    question_status status = question_status::approved;
    int votes = 0;
    timestamp created_at{};
    timestamp updated_at{};
    std::optional<timestamp> answered_at;
};

class question_repository {
public:
    virtual ~question_repository() = default;
    virtual question_id insert(question const& q) = 0;
    // Stores status, votes, updated_at and answered_at.
    virtual void update(question const& q) = 0;
    virtual std::optional<question> find(question_id id) = 0;
    // Every question of the session, oldest first (the domain orders for display).
    virtual std::vector<question> list_by_session(session_id session) = 0;
    virtual std::optional<question> find_pinned(session_id session) = 0;
    // Questions the participant asked at or after "since" (for the rate limit).
    virtual int count_by_author_since(participant_id author, timestamp since) = 0;

    // Votes: one per participant and question. add_vote/remove_vote return whether anything
    // changed; the question's stored vote count is the domain's to update.
    virtual bool add_vote(question_id q, participant_id voter, timestamp at) = 0;
    virtual bool remove_vote(question_id q, participant_id voter) = 0;
    virtual int count_votes(question_id q) = 0;
    // The questions of "session" that "voter" has voted for.
    virtual std::vector<question_id> voted_by(participant_id voter, session_id session) = 0;
};

}  // namespace bimtek::domain
