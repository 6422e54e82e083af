// An in-memory domain::store for tests: every repository of store.hpp on plain containers,
// with the behaviour the SQLite store promises.
//   - write() runs the work on a copy-on-entry snapshot: when the work returns an error or
//     throws, the whole state is restored (an exception becomes an error_kind::internal error,
//     like a failed SQLite statement). On success it publishes the updates appended during
//     this write to the notifier, in order, before the next write starts.
//   - The uniqueness and references the SQL schema enforces are enforced by throwing
//     fake_constraint_error: usernames, access codes (across events), token digests, one open
//     visit per participant, one open presence interval per participant, one pinned
//     question per session, one vote per participant and question, one certificate per
//     participant and per code, completion shares within 0..1, and rows pointing at missing
//     events/sessions/users/participants. Removing a session removes its questions and their
//     votes, and its materials (ON DELETE CASCADE).
//   - Orders are those the interfaces state (participants by name then id, ...). Ids start at
//     1 per table and are never reused.
//   - read() runs the work against the current state; any write inside a read throws, and the
//     read returns an internal error.
// Thread-safe: writes and reads are serialized by one mutex. Do not call write()/read() from
// inside a work function (as with SQLite, that would deadlock).
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "server/domain/notifier.hpp"
#include "server/domain/store.hpp"

namespace bimtek::test {

// What a violated SQL constraint would have been.
class fake_constraint_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The whole in-memory database.
struct fake_state {
    std::map<domain::event_id, domain::event> events;
    std::map<std::pair<domain::event_id, domain::user_id>, domain::event_member> members;
    std::map<domain::session_id, domain::session> sessions;
    std::map<domain::user_id, domain::staff_user> users;
    std::map<domain::participant_id, domain::participant> participants;
    std::map<domain::checkin_id, domain::checkin> checkins;
    std::map<std::string, domain::token_record> tokens;                      // by digest
    std::map<domain::event_id, std::vector<domain::stream_update>> updates;  // per event, by seq
    std::map<domain::question_id, domain::question> questions;
    // When each participant voted for each question, by (question, participant).
    std::map<std::pair<domain::question_id, domain::participant_id>, timestamp> votes;
    std::map<domain::presence_id, domain::presence_interval> presence;
    std::map<domain::material_id, domain::material> materials;
    std::map<domain::certificate_id, domain::certificate> certificates;
    std::map<domain::event_id, domain::completion_rules> completion_rules;

    // The last id handed out per table (ids are never reused, as with AUTOINCREMENT).
    std::int64_t last_event_id = 0;
    std::int64_t last_session_id = 0;
    std::int64_t last_user_id = 0;
    std::int64_t last_participant_id = 0;
    std::int64_t last_checkin_id = 0;
    std::int64_t last_question_id = 0;
    std::int64_t last_presence_id = 0;
    std::int64_t last_material_id = 0;
    std::int64_t last_certificate_id = 0;
};

class fake_store final : public domain::store {
public:
    // Committed updates go to "n", which must outlive the store.
    explicit fake_store(domain::notifier& n);

    domain::status write(work const& w) override;
    domain::status read(work const& w) override;

    // A copy of the committed state.
    fake_state state() const;
    // The committed state as deterministic text, every field of every record: compare two dumps
    // to assert that nothing changed.
    std::string dump() const;
    // Writes that committed so far.
    int commits() const;
    // The next write runs its work and then fails as a failed COMMIT would: everything rolled
    // back, nothing published, an internal error returned.
    void fail_next_write(std::string message = "disk I/O error");

private:
    mutable std::mutex mutex_;
    domain::notifier& notifier_;
    fake_state state_;                      // guarded by mutex_
    int commits_ = 0;                       // guarded by mutex_
    std::optional<std::string> fail_next_;  // guarded by mutex_
};

// The state as deterministic text (what fake_store::dump returns).
std::string dump(fake_state const& s);

}  // namespace bimtek::test
