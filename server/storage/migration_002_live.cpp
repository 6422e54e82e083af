// Schema version 2: what the live event needs. Q&A (questions and their votes) and online
// presence (the intervals during which a participant had a live connection). Conventions as in
// migration_001_foundation.cpp.
#include "server/storage/migration_sql.hpp"

namespace bimtek::storage {

std::string_view migration_002_live() {
    return R"sql(
-- A question of a session. author_id is the participant who asked (also for anonymous
-- questions: the rate limit and votes need it; it is never shown); entered_by is the staff
-- member who typed in a question from the room. Removing a session (only one that never
-- started) removes its questions.
CREATE TABLE questions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id    INTEGER NOT NULL REFERENCES events (id),
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    author_id   INTEGER,
    entered_by  INTEGER REFERENCES users (id),
    author_name TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    anonymous   INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
    from_room   INTEGER NOT NULL CHECK (from_room IN (0, 1)),
    status      TEXT    NOT NULL
                CHECK (status IN ('pending', 'approved', 'answered', 'hidden', 'pinned')),
    votes       INTEGER NOT NULL CHECK (votes >= 0),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    answered_at INTEGER,
    -- The author is a participant of the question's event.
    FOREIGN KEY (author_id, event_id) REFERENCES participants (id, event_id)
) STRICT;

-- A session's questions, oldest first.
CREATE INDEX questions_by_session ON questions (session_id, created_at, id);
-- The rate limit: a participant's recent questions.
CREATE INDEX questions_by_author ON questions (author_id, created_at) WHERE author_id IS NOT NULL;
-- At most one pinned question per session; also finds it.
CREATE UNIQUE INDEX questions_pinned_by_session ON questions (session_id)
    WHERE status = 'pinned';

-- One vote per participant and question.
CREATE TABLE question_votes (
    question_id    INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id),
    voted_at       INTEGER NOT NULL,
    PRIMARY KEY (question_id, participant_id)
) STRICT, WITHOUT ROWID;

-- What a participant voted for.
CREATE INDEX question_votes_by_participant ON question_votes (participant_id, question_id);

-- Online presence. left_at is NULL while the interval is open; last_seen_at is refreshed by a
-- heartbeat, so that intervals a crash left open can be closed where they really ended.
CREATE TABLE presence_intervals (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id       INTEGER NOT NULL,
    participant_id INTEGER NOT NULL,
    joined_at      INTEGER NOT NULL,
    left_at        INTEGER,
    last_seen_at   INTEGER NOT NULL,
    -- Presence is in the participant's own event.
    FOREIGN KEY (participant_id, event_id) REFERENCES participants (id, event_id)
) STRICT;

CREATE INDEX presence_by_participant ON presence_intervals (participant_id, joined_at, id);
CREATE INDEX presence_by_event ON presence_intervals (event_id, joined_at, id);
-- At most one open interval per participant; also finds it.
CREATE UNIQUE INDEX presence_open_by_participant ON presence_intervals (participant_id)
    WHERE left_at IS NULL;
-- Who is online in an event now.
CREATE INDEX presence_open_by_event ON presence_intervals (event_id, participant_id)
    WHERE left_at IS NULL;
)sql";
}

}  // namespace bimtek::storage
