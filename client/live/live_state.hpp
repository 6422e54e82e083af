// What the live view shows, built from the HTTP state (GET /events/{id}, the current session's
// questions) and kept current by applying the stream's updates. A plain value; no I/O.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "shared/protocol/messages.hpp"
#include "shared/time/timestamp.hpp"

namespace bimtek::client::live {

struct live_session {
    std::int64_t id = 0;
    std::string title;
    std::string speaker_name;
    std::optional<timestamp> actual_start;
    std::optional<timestamp> actual_end;
    bool moderated = false;

    bool running() const { return actual_start && !actual_end; }
};

struct live_question {
    std::int64_t id = 0;
    std::int64_t session_id = 0;
    std::string text;    // empty when the viewer may not see it (pending/hidden, public view)
    std::string author;  // empty: anonymous or unnamed
    std::string status;  // pending, approved, answered, pinned, hidden
    int votes = 0;
    timestamp created_at{};
};

// One line of "latest check-ins, joins and leaves".
struct activity {
    enum class kind { checkin, checkout, join, leave };
    kind what = kind::checkin;
    timestamp at{};
    std::string name;  // empty in the public view
};

struct live_state {
    std::int64_t event_id = 0;
    std::string title;
    std::string venue;
    std::string timezone = "Asia/Jakarta";
    std::string role;
    int expected_onsite = 0;
    int expected_online = 0;
    int registered_onsite = 0;
    int registered_online = 0;
    int onsite_present = 0;
    int online_present = 0;
    std::vector<live_session> sessions;  // agenda order
    std::map<std::int64_t, live_question> questions;
    std::deque<activity> recent;  // newest first
    std::int64_t seq = 0;         // the last update applied
    bool connected = false;
    std::string link_detail;  // why not connected

    static constexpr std::size_t max_recent = 50;

    // GET /api/v1/events/{id}.
    void load_event(boost::json::object const& event);
    // GET /api/v1/sessions/{id}/questions (replaces that session's questions).
    void load_questions(boost::json::object const& list);
    // One update of the stream (unknown kinds are ignored).
    void apply(protocol::update const& u);

    // The running session (the last started one when several are), else none.
    live_session const* current_session() const;
    // Visible questions of "session" (all sessions when 0): pinned first, then by votes, then
    // oldest first; hidden ones never.
    std::vector<live_question const*> top_questions(std::int64_t session, std::size_t n) const;
};

}  // namespace bimtek::client::live
