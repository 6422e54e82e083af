// Schema version 3: what comes after the live event. Materials of the sessions (the files
// themselves live in the data directory's file store, named by SHA-256), the per-event
// completion rules, and the certificates issued for completion. Conventions as in
// migration_001_foundation.cpp.
#include "server/storage/migration_sql.hpp"

namespace bimtek::storage {

std::string_view migration_003_materials() {
    return R"sql(
-- A file shared in a session. filename is the uploader's name for it, metadata only (never a
-- path); sha256 names the stored file, which several materials may share. Removing a session
-- (only one that never started) removes its materials.
CREATE TABLE materials (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id     INTEGER NOT NULL REFERENCES events (id),
    session_id   INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    filename     TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL CHECK (size >= 0),
    sha256       TEXT    NOT NULL CHECK (length(sha256) = 64),
    published    INTEGER NOT NULL CHECK (published IN (0, 1)),
    uploaded_by  INTEGER REFERENCES users (id),
    uploaded_at  INTEGER NOT NULL
) STRICT;

-- A session's materials, oldest first.
CREATE INDEX materials_by_session ON materials (session_id, uploaded_at, id);
-- Whether a stored file is still used.
CREATE INDEX materials_by_sha256 ON materials (sha256);

-- Completion rules an event's coordinators changed; events without a row use the defaults
-- (80 %, an open on-site visit counts to the event's end).
CREATE TABLE completion_rules (
    event_id                   INTEGER PRIMARY KEY REFERENCES events (id),
    min_share                  REAL    NOT NULL CHECK (min_share BETWEEN 0 AND 1),
    open_checkin_counts_to_end INTEGER NOT NULL CHECK (open_checkin_counts_to_end IN (0, 1))
) STRICT, WITHOUT ROWID;

-- A certificate of completion: at most one per participant; the code is what the QR code and
-- the public verification page carry.
CREATE TABLE certificates (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    code           TEXT    NOT NULL UNIQUE,
    event_id       INTEGER NOT NULL,
    participant_id INTEGER NOT NULL UNIQUE,
    issued_at      INTEGER NOT NULL,
    revoked_at     INTEGER,
    revoked_by     INTEGER REFERENCES users (id),
    revoke_reason  TEXT    NOT NULL,
    -- Issued for a participant of its own event.
    FOREIGN KEY (participant_id, event_id) REFERENCES participants (id, event_id)
) STRICT;

CREATE INDEX certificates_by_event ON certificates (event_id, id);
)sql";
}

}  // namespace bimtek::storage
