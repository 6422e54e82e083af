// Schema version 1. Conventions of every table (see sql_values.hpp): times are INTEGER unix
// milliseconds (UTC), booleans INTEGER 0/1, enums their text keys, absent values NULL. Tables are
// STRICT, so a value of the wrong type is refused. Ids are AUTOINCREMENT: never reused, even
// after a delete (ids.hpp). A participant's category has no CHECK so that a new category needs no
// table rebuild; the repository refuses unknown keys when it reads.
#include "server/storage/migration_sql.hpp"

namespace bimtek::storage {

std::string_view migration_001_foundation() {
    return R"sql(
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('coordinator', 'speaker')),
    password_hash TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE events (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    title                  TEXT    NOT NULL,
    venue                  TEXT    NOT NULL,
    timezone               TEXT    NOT NULL,
    starts_at              INTEGER NOT NULL,
    ends_at                INTEGER NOT NULL,
    onsite_capacity        INTEGER NOT NULL CHECK (onsite_capacity >= 0),
    online_capacity        INTEGER NOT NULL CHECK (online_capacity >= 0),
    expected_onsite        INTEGER NOT NULL CHECK (expected_onsite >= 0),
    expected_online        INTEGER NOT NULL CHECK (expected_online >= 0),
    target_completion_rate REAL    NOT NULL CHECK (target_completion_rate BETWEEN 0 AND 1),
    stream_epoch           TEXT    NOT NULL,
    created_at             INTEGER NOT NULL
) STRICT;

CREATE TABLE event_members (
    event_id INTEGER NOT NULL REFERENCES events (id),
    user_id  INTEGER NOT NULL REFERENCES users (id),
    role     TEXT    NOT NULL CHECK (role IN ('coordinator', 'speaker')),
    PRIMARY KEY (event_id, user_id)
) STRICT, WITHOUT ROWID;

-- list_for_user: the events of a staff account.
CREATE INDEX event_members_by_user ON event_members (user_id, event_id);

CREATE TABLE sessions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id      INTEGER NOT NULL REFERENCES events (id),
    title         TEXT    NOT NULL,
    speaker_id    INTEGER REFERENCES users (id),
    speaker_name  TEXT    NOT NULL,
    planned_start INTEGER NOT NULL,
    planned_end   INTEGER NOT NULL,
    actual_start  INTEGER,
    actual_end    INTEGER,
    moderated     INTEGER NOT NULL CHECK (moderated IN (0, 1)),
    required      INTEGER NOT NULL CHECK (required IN (0, 1))
) STRICT;

-- The agenda: an event's sessions by planned start, then id.
CREATE INDEX sessions_by_event_start ON sessions (event_id, planned_start, id);

CREATE TABLE participants (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id      INTEGER NOT NULL REFERENCES events (id),
    name          TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    region        TEXT    NOT NULL,
    phone         TEXT,
    business_name TEXT,
    mode          TEXT    NOT NULL CHECK (mode IN ('onsite', 'online')),
    access_code   TEXT    NOT NULL UNIQUE,  -- across the whole installation
    created_at    INTEGER NOT NULL,
    UNIQUE (id, event_id)                   -- the parent key of checkins (participant, event)
) STRICT;

-- The roster: an event's participants by name (ASCII case folded), then id.
CREATE INDEX participants_by_event_name ON participants (event_id, name COLLATE NOCASE, id);

CREATE TABLE checkins (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id       INTEGER NOT NULL,
    participant_id INTEGER NOT NULL,
    checked_in_at  INTEGER NOT NULL,
    checked_in_by  INTEGER NOT NULL REFERENCES users (id),
    over_capacity  INTEGER NOT NULL CHECK (over_capacity IN (0, 1)),
    checked_out_at INTEGER,
    checked_out_by INTEGER REFERENCES users (id),
    -- A visit is to the participant's own event.
    FOREIGN KEY (participant_id, event_id) REFERENCES participants (id, event_id)
) STRICT;

CREATE INDEX checkins_by_participant ON checkins (participant_id, checked_in_at, id);
CREATE INDEX checkins_by_event ON checkins (event_id, checked_in_at, id);
-- At most one open visit per participant; also finds it.
CREATE UNIQUE INDEX checkins_open_by_participant ON checkins (participant_id)
    WHERE checked_out_at IS NULL;

-- Bearer tokens, by digest. "subject" is a users.id or a participants.id depending on the
-- role, so it has no foreign key.
CREATE TABLE tokens (
    digest     TEXT    PRIMARY KEY,
    role       TEXT    NOT NULL CHECK (role IN ('coordinator', 'speaker', 'participant')),
    subject    INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX tokens_by_expiry ON tokens (expires_at);

-- The update stream: gap-free seq per event. session_id and speaker_id record what was true
-- when the update was made and have no foreign key: the log outlives a removed session.
CREATE TABLE updates (
    event_id    INTEGER NOT NULL REFERENCES events (id),
    seq         INTEGER NOT NULL CHECK (seq > 0),
    kind        TEXT    NOT NULL,
    at          INTEGER NOT NULL,
    session_id  INTEGER,
    speaker_id  INTEGER,
    full_data   TEXT    NOT NULL,
    public_data TEXT    NOT NULL,
    PRIMARY KEY (event_id, seq)
) STRICT;
)sql";
}

}  // namespace bimtek::storage
