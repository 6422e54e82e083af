#include "tests/support/fake_store.hpp"

#include <algorithm>
#include <set>
#include <sstream>

namespace bimtek::test {
namespace {

using namespace domain;

// What every repository of one transaction shares.
struct context {
    fake_state& state;
    bool writable;
    std::vector<stream_update>* appended;  // updates appended in this write; null in reads

    void require_writable(char const* what) const {
        if (!writable)
            throw std::logic_error(std::string("fake_store: ") + what + " inside read()");
    }
};

// The records of "table" for which "keep" is true, in key (id) order.
template <class Table, class Pred>
std::vector<typename Table::mapped_type> values_where(Table const& table, Pred keep) {
    std::vector<typename Table::mapped_type> out;
    for (auto const& entry : table)
        if (keep(entry.second)) out.push_back(entry.second);
    return out;
}

// The first record of "table", in key (id) order, for which "keep" is true.
template <class Table, class Pred>
std::optional<typename Table::mapped_type> first_where(Table const& table, Pred keep) {
    for (auto const& entry : table)
        if (keep(entry.second)) return entry.second;
    return std::nullopt;
}

[[noreturn]] void violated(std::string const& what) {
    throw fake_constraint_error("constraint failed: " + what);
}

class fake_events final : public event_repository {
public:
    explicit fake_events(context& c) : c_(c) {}

    event_id insert(event const& e) override {
        c_.require_writable("events.insert");
        event stored = e;
        stored.id = ++c_.state.last_event_id;
        c_.state.events[stored.id] = stored;
        return stored.id;
    }
    void update(event const& e) override {
        c_.require_writable("events.update");
        auto it = c_.state.events.find(e.id);
        if (it == c_.state.events.end()) violated("events.update of a missing event");
        it->second = e;
    }
    std::optional<event> find(event_id id) override {
        auto it = c_.state.events.find(id);
        if (it == c_.state.events.end()) return std::nullopt;
        return it->second;
    }
    std::vector<event> list_for_user(user_id user) override {
        std::vector<event> out;
        for (auto const& [key, m] : c_.state.members)
            if (m.user == user)
                if (auto e = find(m.event)) out.push_back(std::move(*e));
        std::sort(out.begin(), out.end(), [](event const& a, event const& b) {
            if (a.starts_at != b.starts_at) return a.starts_at > b.starts_at;
            return a.id > b.id;
        });
        return out;
    }
    void put_member(event_member const& m) override {
        c_.require_writable("events.put_member");
        if (!c_.state.events.contains(m.event))
            violated("event_members.event references a missing event");
        if (!c_.state.users.contains(m.user))
            violated("event_members.user references a missing user");
        if (m.role != role::coordinator && m.role != role::speaker)
            violated("event_members.role is staff only");
        c_.state.members[{m.event, m.user}] = m;
    }
    std::optional<event_member> find_member(event_id event, user_id user) override {
        auto it = c_.state.members.find({event, user});
        if (it == c_.state.members.end()) return std::nullopt;
        return it->second;
    }
    std::vector<event_member> list_members(event_id event) override {
        return values_where(c_.state.members,
                            [&](event_member const& m) { return m.event == event; });
    }

private:
    context& c_;
};

class fake_sessions final : public session_repository {
public:
    explicit fake_sessions(context& c) : c_(c) {}

    session_id insert(session const& s) override {
        c_.require_writable("sessions.insert");
        check_references(s);
        session stored = s;
        stored.id = ++c_.state.last_session_id;
        c_.state.sessions[stored.id] = stored;
        return stored.id;
    }
    void update(session const& s) override {
        c_.require_writable("sessions.update");
        auto it = c_.state.sessions.find(s.id);
        if (it == c_.state.sessions.end()) violated("sessions.update of a missing session");
        check_references(s);
        if (s.event != it->second.event) violated("sessions.event cannot change");
        it->second = s;
    }
    void remove(session_id id) override {
        c_.require_writable("sessions.remove");
        c_.state.sessions.erase(id);
        // ON DELETE CASCADE: the session's questions, and their votes; its materials.
        std::erase_if(c_.state.questions, [&](auto const& entry) {
            if (entry.second.session != id) return false;
            std::erase_if(c_.state.votes,
                          [&](auto const& vote) { return vote.first.first == entry.first; });
            return true;
        });
        std::erase_if(c_.state.materials,
                      [&](auto const& entry) { return entry.second.session == id; });
    }
    std::optional<session> find(session_id id) override {
        auto it = c_.state.sessions.find(id);
        if (it == c_.state.sessions.end()) return std::nullopt;
        return it->second;
    }
    std::vector<session> list_by_event(event_id event) override {
        auto out =
            values_where(c_.state.sessions, [&](session const& s) { return s.event == event; });
        std::stable_sort(
            out.begin(), out.end(),  // ids ascend already: stable keeps them
            [](session const& a, session const& b) { return a.planned_start < b.planned_start; });
        return out;
    }

private:
    void check_references(session const& s) const {
        if (!c_.state.events.contains(s.event))
            violated("sessions.event references a missing event");
        if (s.speaker && !c_.state.users.contains(*s.speaker))
            violated("sessions.speaker references a missing user");
    }

    context& c_;
};

class fake_users final : public user_repository {
public:
    explicit fake_users(context& c) : c_(c) {}

    user_id insert(staff_user const& u) override {
        c_.require_writable("users.insert");
        check_unique(u.username, 0);
        staff_user stored = u;
        stored.id = ++c_.state.last_user_id;
        c_.state.users[stored.id] = stored;
        return stored.id;
    }
    void update(staff_user const& u) override {
        c_.require_writable("users.update");
        auto it = c_.state.users.find(u.id);
        if (it == c_.state.users.end()) violated("users.update of a missing user");
        check_unique(u.username, u.id);
        it->second = u;
    }
    std::optional<staff_user> find(user_id id) override {
        auto it = c_.state.users.find(id);
        if (it == c_.state.users.end()) return std::nullopt;
        return it->second;
    }
    std::optional<staff_user> find_by_username(std::string const& username) override {
        return first_where(c_.state.users, [&](auto const& u) { return u.username == username; });
    }
    std::vector<staff_user> list() override {
        std::vector<staff_user> out;
        for (auto const& [id, u] : c_.state.users) out.push_back(u);
        std::sort(out.begin(), out.end(),
                  [](staff_user const& a, staff_user const& b) { return a.username < b.username; });
        return out;
    }

private:
    void check_unique(std::string const& username, user_id self) const {
        for (auto const& [id, u] : c_.state.users)
            if (id != self && u.username == username) violated("UNIQUE users.username");
    }

    context& c_;
};

class fake_participants final : public participant_repository {
public:
    explicit fake_participants(context& c) : c_(c) {}

    participant_id insert(participant const& p) override {
        c_.require_writable("participants.insert");
        if (!c_.state.events.contains(p.event))
            violated("participants.event references a missing event");
        check_unique(p.access_code, 0);
        participant stored = p;
        stored.id = ++c_.state.last_participant_id;
        c_.state.participants[stored.id] = stored;
        return stored.id;
    }
    void update(participant const& p) override {
        c_.require_writable("participants.update");
        auto it = c_.state.participants.find(p.id);
        if (it == c_.state.participants.end())
            violated("participants.update of a missing participant");
        if (p.event != it->second.event) violated("participants.event cannot change");
        check_unique(p.access_code, p.id);
        it->second = p;
    }
    std::optional<participant> find(participant_id id) override {
        auto it = c_.state.participants.find(id);
        if (it == c_.state.participants.end()) return std::nullopt;
        return it->second;
    }
    std::optional<participant> find_by_code(std::string const& code) override {
        return first_where(c_.state.participants,
                           [&](auto const& p) { return p.access_code == code; });
    }
    bool code_exists(std::string const& code) override { return find_by_code(code).has_value(); }
    std::vector<participant> list_by_event(event_id event) override {
        auto out = values_where(c_.state.participants,
                                [&](participant const& p) { return p.event == event; });
        std::stable_sort(
            out.begin(), out.end(),  // ids ascend already: stable keeps them
            [](participant const& a, participant const& b) { return a.name < b.name; });
        return out;
    }
    mode_counts count_by_mode(event_id event) override {
        mode_counts out;
        for (auto const& [id, p] : c_.state.participants)
            if (p.event == event) ++(p.mode == attendance_mode::onsite ? out.onsite : out.online);
        return out;
    }

private:
    void check_unique(std::string const& code, participant_id self) const {
        if (code.empty()) violated("participants.access_code is NOT NULL");
        for (auto const& [id, p] : c_.state.participants)
            if (id != self && p.access_code == code) violated("UNIQUE participants.access_code");
    }

    context& c_;
};

class fake_checkins final : public checkin_repository {
public:
    explicit fake_checkins(context& c) : c_(c) {}

    checkin_id insert(checkin const& v) override {
        c_.require_writable("checkins.insert");
        auto p = c_.state.participants.find(v.participant);
        if (p == c_.state.participants.end())
            violated("checkins.participant references a missing participant");
        if (p->second.event != v.event)
            violated("checkins.event differs from the participant's event");
        if (v.open() && find_open(v.participant)) violated("UNIQUE one open visit per participant");
        checkin stored = v;
        stored.id = ++c_.state.last_checkin_id;
        c_.state.checkins[stored.id] = stored;
        return stored.id;
    }
    void close(checkin_id id, timestamp at, user_id by) override {
        c_.require_writable("checkins.close");
        auto it = c_.state.checkins.find(id);
        if (it == c_.state.checkins.end()) violated("checkins.close of a missing visit");
        if (!it->second.open()) violated("checkins.close of a closed visit");
        it->second.checked_out_at = at;
        it->second.checked_out_by = by;
    }
    std::optional<checkin> find_open(participant_id participant) override {
        return first_where(c_.state.checkins,
                           [&](auto const& v) { return v.participant == participant && v.open(); });
    }
    std::vector<checkin> list_for_participant(participant_id participant) override {
        return select([&](checkin const& v) { return v.participant == participant; });
    }
    std::vector<checkin> list_by_event(event_id event) override {
        return select([&](checkin const& v) { return v.event == event; });
    }
    int count_open(event_id event) override {
        std::set<participant_id> in;
        for (auto const& [id, v] : c_.state.checkins)
            if (v.event == event && v.open()) in.insert(v.participant);
        return static_cast<int>(in.size());
    }

private:
    // Oldest first: by check-in time, then id.
    template <class Pred>
    std::vector<checkin> select(Pred pred) const {
        auto out = values_where(c_.state.checkins, pred);
        std::stable_sort(out.begin(), out.end(), [](checkin const& a, checkin const& b) {
            return a.checked_in_at < b.checked_in_at;
        });
        return out;
    }

    context& c_;
};

class fake_tokens final : public token_repository {
public:
    explicit fake_tokens(context& c) : c_(c) {}

    void insert(token_record const& t) override {
        c_.require_writable("tokens.insert");
        if (c_.state.tokens.contains(t.digest)) violated("UNIQUE tokens.digest");
        c_.state.tokens[t.digest] = t;
    }
    std::optional<token_record> find(std::string const& digest) override {
        auto it = c_.state.tokens.find(digest);
        if (it == c_.state.tokens.end()) return std::nullopt;
        return it->second;
    }
    void remove(std::string const& digest) override {
        c_.require_writable("tokens.remove");
        c_.state.tokens.erase(digest);
    }
    int remove_expired(timestamp now) override {
        c_.require_writable("tokens.remove_expired");
        return static_cast<int>(std::erase_if(
            c_.state.tokens, [&](auto const& entry) { return entry.second.expires_at <= now; }));
    }

private:
    context& c_;
};

class fake_updates final : public update_repository {
public:
    explicit fake_updates(context& c) : c_(c) {}

    std::int64_t append(stream_update& u) override {
        c_.require_writable("updates.append");
        if (!c_.state.events.contains(u.event))
            violated("updates.event references a missing event");
        u.seq = latest_seq(u.event) + 1;
        c_.state.updates[u.event].push_back(u);
        if (c_.appended) c_.appended->push_back(u);
        return u.seq;
    }
    std::int64_t latest_seq(event_id event) override {
        auto it = c_.state.updates.find(event);
        if (it == c_.state.updates.end() || it->second.empty()) return 0;
        return it->second.back().seq;
    }
    std::vector<stream_update> list_after(event_id event, std::int64_t after,
                                          std::size_t limit) override {
        std::vector<stream_update> out;
        auto it = c_.state.updates.find(event);
        if (it == c_.state.updates.end()) return out;
        for (stream_update const& u : it->second) {
            if (out.size() >= limit) break;
            if (u.seq > after) out.push_back(u);
        }
        return out;
    }

private:
    context& c_;
};

class fake_questions final : public question_repository {
public:
    explicit fake_questions(context& c) : c_(c) {}

    question_id insert(question const& q) override {
        c_.require_writable("questions.insert");
        check(q, 0);
        question stored = q;
        stored.id = ++c_.state.last_question_id;
        c_.state.questions[stored.id] = stored;
        return stored.id;
    }
    void update(question const& q) override {
        c_.require_writable("questions.update");
        auto it = c_.state.questions.find(q.id);
        if (it == c_.state.questions.end()) return;  // UPDATE of no row changes nothing
        question changed = it->second;
        changed.status = q.status;
        changed.votes = q.votes;
        changed.updated_at = q.updated_at;
        changed.answered_at = q.answered_at;
        check(changed, q.id);
        it->second = changed;
    }
    std::optional<question> find(question_id id) override {
        auto it = c_.state.questions.find(id);
        if (it == c_.state.questions.end()) return std::nullopt;
        return it->second;
    }
    std::vector<question> list_by_session(session_id session) override {
        auto out = values_where(c_.state.questions,
                                [&](question const& q) { return q.session == session; });
        std::stable_sort(
            out.begin(), out.end(),  // ids ascend already: stable keeps them
            [](question const& a, question const& b) { return a.created_at < b.created_at; });
        return out;
    }
    std::optional<question> find_pinned(session_id session) override {
        return first_where(c_.state.questions, [&](auto const& q) {
            return q.session == session && q.status == question_status::pinned;
        });
    }
    int count_by_author_since(participant_id author, timestamp since) override {
        return static_cast<int>(
            std::count_if(c_.state.questions.begin(), c_.state.questions.end(), [&](auto const& e) {
                return e.second.author == author && e.second.created_at >= since;
            }));
    }
    bool add_vote(question_id q, participant_id voter, timestamp at) override {
        c_.require_writable("question_votes.insert");
        if (!c_.state.questions.contains(q))
            violated("question_votes.question references a missing question");
        if (!c_.state.participants.contains(voter))
            violated("question_votes.participant references a missing participant");
        return c_.state.votes.emplace(std::pair{q, voter}, at).second;
    }
    bool remove_vote(question_id q, participant_id voter) override {
        c_.require_writable("question_votes.remove");
        return c_.state.votes.erase({q, voter}) > 0;
    }
    int count_votes(question_id q) override {
        return static_cast<int>(std::count_if(c_.state.votes.begin(), c_.state.votes.end(),
                                              [&](auto const& v) { return v.first.first == q; }));
    }
    std::vector<question_id> voted_by(participant_id voter, session_id session) override {
        std::vector<question_id> out;  // the map's order: ascending question ids
        for (auto const& [key, at] : c_.state.votes) {
            if (key.second != voter) continue;
            auto q = c_.state.questions.find(key.first);
            if (q != c_.state.questions.end() && q->second.session == session)
                out.push_back(key.first);
        }
        return out;
    }

private:
    // The references and the one-pinned-per-session rule of the questions table; "self" is
    // the question being updated (0 on insert).
    void check(question const& q, question_id self) const {
        if (!c_.state.events.contains(q.event))
            violated("questions.event references a missing event");
        if (!c_.state.sessions.contains(q.session))
            violated("questions.session references a missing session");
        if (q.author) {
            auto p = c_.state.participants.find(*q.author);
            if (p == c_.state.participants.end() || p->second.event != q.event)
                violated("questions.author references no participant of the event");
        }
        if (q.entered_by && !c_.state.users.contains(*q.entered_by))
            violated("questions.entered_by references a missing user");
        if (q.votes < 0) violated("CHECK questions.votes >= 0");
        if (q.status == question_status::pinned)
            for (auto const& [id, other] : c_.state.questions)
                if (id != self && other.session == q.session &&
                    other.status == question_status::pinned)
                    violated("UNIQUE one pinned question per session");
    }

    context& c_;
};

class fake_presence final : public presence_repository {
public:
    explicit fake_presence(context& c) : c_(c) {}

    presence_id open(event_id event, participant_id participant, timestamp at) override {
        c_.require_writable("presence.open");
        auto p = c_.state.participants.find(participant);
        if (p == c_.state.participants.end() || p->second.event != event)
            violated("presence_intervals references no participant of the event");
        if (find_open(participant)) violated("UNIQUE one open interval per participant");
        presence_interval i;
        i.id = ++c_.state.last_presence_id;
        i.event = event;
        i.participant = participant;
        i.joined_at = at;
        i.last_seen_at = at;
        c_.state.presence[i.id] = i;
        return i.id;
    }
    void close(presence_id id, timestamp at) override {
        c_.require_writable("presence.close");
        auto it = c_.state.presence.find(id);
        if (it != c_.state.presence.end() && it->second.open()) it->second.left_at = at;
    }
    void touch(std::vector<presence_id> const& ids, timestamp at) override {
        c_.require_writable("presence.touch");
        for (presence_id id : ids) {
            auto it = c_.state.presence.find(id);
            if (it != c_.state.presence.end() && it->second.open()) it->second.last_seen_at = at;
        }
    }
    int close_all_at_last_seen() override {
        c_.require_writable("presence.close_all_at_last_seen");
        int closed = 0;
        for (auto& [id, i] : c_.state.presence)
            if (i.open()) {
                i.left_at = i.last_seen_at;
                ++closed;
            }
        return closed;
    }
    std::optional<presence_interval> find_open(participant_id participant) override {
        return first_where(c_.state.presence,
                           [&](auto const& i) { return i.participant == participant && i.open(); });
    }
    std::vector<presence_interval> list_for_participant(participant_id participant) override {
        return select([&](presence_interval const& i) { return i.participant == participant; });
    }
    std::vector<presence_interval> list_by_event(event_id event) override {
        return select([&](presence_interval const& i) { return i.event == event; });
    }
    int count_online_present(event_id event) override {
        std::set<participant_id> online;
        for (auto const& [id, i] : c_.state.presence)
            if (i.event == event && i.open()) online.insert(i.participant);
        for (auto const& [id, v] : c_.state.checkins)
            if (v.open()) online.erase(v.participant);
        return static_cast<int>(online.size());
    }

private:
    // Matching intervals, oldest first (by join time, then id).
    template <class Pred>
    std::vector<presence_interval> select(Pred pred) const {
        auto out = values_where(c_.state.presence, pred);
        std::stable_sort(out.begin(), out.end(),
                         [](presence_interval const& a, presence_interval const& b) {
                             return a.joined_at < b.joined_at;
                         });
        return out;
    }

    context& c_;
};

class fake_materials final : public material_repository {
public:
    explicit fake_materials(context& c) : c_(c) {}

    material_id insert(material const& m) override {
        c_.require_writable("materials.insert");
        if (!c_.state.events.contains(m.event)) violated("materials.event references a missing event");
        if (!c_.state.sessions.contains(m.session))
            violated("materials.session references a missing session");
        if (m.uploaded_by && !c_.state.users.contains(*m.uploaded_by))
            violated("materials.uploaded_by references a missing user");
        if (m.sha256.size() != 64) violated("materials.sha256 must be 64 characters");
        material stored = m;
        stored.id = ++c_.state.last_material_id;
        c_.state.materials[stored.id] = stored;
        return stored.id;
    }
    void update(material const& m) override {
        c_.require_writable("materials.update");
        auto it = c_.state.materials.find(m.id);
        if (it != c_.state.materials.end()) it->second.published = m.published;
    }
    void remove(material_id id) override {
        c_.require_writable("materials.remove");
        c_.state.materials.erase(id);
    }
    std::optional<material> find(material_id id) override {
        auto it = c_.state.materials.find(id);
        if (it == c_.state.materials.end()) return std::nullopt;
        return it->second;
    }
    std::vector<material> list_by_session(session_id session) override {
        auto out = values_where(c_.state.materials,
                                [&](material const& m) { return m.session == session; });
        std::stable_sort(out.begin(), out.end(), [](material const& a, material const& b) {
            return a.uploaded_at < b.uploaded_at;
        });
        return out;
    }
    int count_by_sha256(std::string const& sha256) override {
        return static_cast<int>(std::count_if(c_.state.materials.begin(), c_.state.materials.end(),
                                              [&](auto const& e) { return e.second.sha256 == sha256; }));
    }

private:
    context& c_;
};

class fake_certificates final : public certificate_repository {
public:
    explicit fake_certificates(context& c) : c_(c) {}

    certificate_id insert(certificate const& x) override {
        c_.require_writable("certificates.insert");
        auto p = c_.state.participants.find(x.participant);
        if (p == c_.state.participants.end() || p->second.event != x.event)
            violated("certificates references no participant of the event");
        if (x.revoked_by && !c_.state.users.contains(*x.revoked_by))
            violated("certificates.revoked_by references a missing user");
        for (auto const& [id, other] : c_.state.certificates) {
            if (other.code == x.code) violated("certificates.code is not unique");
            if (other.participant == x.participant) violated("certificates.participant_id is not unique");
        }
        certificate stored = x;
        stored.id = ++c_.state.last_certificate_id;
        c_.state.certificates[stored.id] = stored;
        return stored.id;
    }
    void update(certificate const& x) override {
        c_.require_writable("certificates.update");
        auto it = c_.state.certificates.find(x.id);
        if (it == c_.state.certificates.end()) return;
        if (x.revoked_by && !c_.state.users.contains(*x.revoked_by))
            violated("certificates.revoked_by references a missing user");
        it->second.revoked_at = x.revoked_at;
        it->second.revoked_by = x.revoked_by;
        it->second.revoke_reason = x.revoke_reason;
    }
    std::optional<certificate> find_by_code(std::string const& code) override {
        return first_where(c_.state.certificates, [&](auto const& x) { return x.code == code; });
    }
    std::optional<certificate> find_by_participant(participant_id participant) override {
        return first_where(c_.state.certificates,
                           [&](auto const& x) { return x.participant == participant; });
    }
    std::vector<certificate> list_by_event(event_id event) override {
        return values_where(c_.state.certificates,
                            [&](certificate const& x) { return x.event == event; });
    }

private:
    context& c_;
};

class fake_completion_rules final : public completion_rule_repository {
public:
    explicit fake_completion_rules(context& c) : c_(c) {}

    std::optional<completion_rules> find(event_id event) override {
        auto it = c_.state.completion_rules.find(event);
        if (it == c_.state.completion_rules.end()) return std::nullopt;
        return it->second;
    }
    void put(event_id event, completion_rules const& rules) override {
        c_.require_writable("completion_rules.put");
        if (!c_.state.events.contains(event)) violated("completion_rules.event references a missing event");
        if (!(rules.min_share >= 0.0 && rules.min_share <= 1.0))
            violated("completion_rules.min_share must be between 0 and 1");
        c_.state.completion_rules[event] = rules;
    }

private:
    context& c_;
};

// Runs "w" against "c" with a full set of fake repositories.
status run(context& c, store::work const& w) {
    fake_events events(c);
    fake_sessions sessions(c);
    fake_users users(c);
    fake_participants participants(c);
    fake_checkins checkins(c);
    fake_tokens tokens(c);
    fake_updates updates(c);
    fake_questions questions(c);
    fake_presence presence(c);
    fake_materials materials(c);
    fake_certificates certificates(c);
    fake_completion_rules completion_rules(c);
    repositories r{events,  sessions,  users,    participants, checkins,     tokens,
                   updates, questions, presence, materials,    certificates, completion_rules};
    return w(r);
}

error storage_failure(std::string const& what) {
    return make_error(error_kind::internal, "storage_failure", "storage failed: " + what);
}

// --- dump ---

std::string ms(timestamp t) {
    return std::to_string(to_unix_ms(t));
}

template <class T, class F>
std::string opt(std::optional<T> const& v, F f) {
    return v ? f(*v) : std::string("null");
}

std::string num(std::int64_t v) {
    return std::to_string(v);
}
std::string str(std::string const& s) {
    return "\"" + s + "\"";
}

}  // namespace

fake_store::fake_store(domain::notifier& n) : notifier_(n) {}

status fake_store::write(work const& w) {
    std::lock_guard lock(mutex_);
    fake_state before = state_;
    std::vector<stream_update> appended;
    context c{state_, true, &appended};
    status result;
    try {
        result = run(c, w);
    } catch (std::exception const& e) {
        result = storage_failure(e.what());
    } catch (...) {
        result = storage_failure("unknown exception");
    }
    if (result && fail_next_) {
        result = storage_failure(*fail_next_);
        fail_next_.reset();
    }
    if (!result) {
        state_ = std::move(before);
        return result;
    }
    ++commits_;
    for (stream_update const& u : appended) notifier_.publish(u);
    return result;
}

status fake_store::read(work const& w) {
    std::lock_guard lock(mutex_);
    context c{state_, false, nullptr};
    try {
        return run(c, w);
    } catch (std::exception const& e) {
        return storage_failure(e.what());
    } catch (...) {
        return storage_failure("unknown exception");
    }
}

fake_state fake_store::state() const {
    std::lock_guard lock(mutex_);
    return state_;
}

std::string fake_store::dump() const {
    return test::dump(state());
}

int fake_store::commits() const {
    std::lock_guard lock(mutex_);
    return commits_;
}

void fake_store::fail_next_write(std::string message) {
    std::lock_guard lock(mutex_);
    fail_next_ = std::move(message);
}

std::string dump(fake_state const& s) {
    std::ostringstream out;
    out << "last_ids " << s.last_event_id << ' ' << s.last_session_id << ' ' << s.last_user_id
        << ' ' << s.last_participant_id << ' ' << s.last_checkin_id << ' ' << s.last_question_id
        << ' ' << s.last_presence_id << ' ' << s.last_material_id << ' '
        << s.last_certificate_id << '\n';
    for (auto const& [id, e] : s.events)
        out << "event " << id << ' ' << str(e.title) << ' ' << str(e.venue) << ' ' << e.timezone
            << ' ' << ms(e.starts_at) << ' ' << ms(e.ends_at) << ' ' << e.onsite_capacity << ' '
            << e.online_capacity << ' ' << e.targets.expected_onsite << ' '
            << e.targets.expected_online << ' ' << e.targets.completion_rate << ' '
            << e.stream_epoch << ' ' << ms(e.created_at) << '\n';
    for (auto const& [key, m] : s.members)
        out << "member " << m.event << ' ' << m.user << ' ' << to_string(m.role) << '\n';
    for (auto const& [id, x] : s.sessions)
        out << "session " << id << ' ' << x.event << ' ' << str(x.title) << ' '
            << opt(x.speaker, num) << ' ' << str(x.speaker_name) << ' ' << ms(x.planned_start)
            << ' ' << ms(x.planned_end) << ' ' << opt(x.actual_start, ms) << ' '
            << opt(x.actual_end, ms) << ' ' << x.moderated << ' ' << x.required << '\n';
    for (auto const& [id, u] : s.users)
        out << "user " << id << ' ' << u.username << ' ' << str(u.display_name) << ' '
            << to_string(u.role) << ' ' << u.password_hash << ' ' << ms(u.created_at) << '\n';
    for (auto const& [id, p] : s.participants)
        out << "participant " << id << ' ' << p.event << ' ' << str(p.name) << ' '
            << to_string(p.category) << ' ' << str(p.region) << ' ' << opt(p.phone, str) << ' '
            << opt(p.business_name, str) << ' ' << to_string(p.mode) << ' ' << p.access_code << ' '
            << ms(p.created_at) << '\n';
    for (auto const& [id, v] : s.checkins)
        out << "checkin " << id << ' ' << v.event << ' ' << v.participant << ' '
            << ms(v.checked_in_at) << ' ' << v.checked_in_by << ' ' << v.over_capacity << ' '
            << opt(v.checked_out_at, ms) << ' ' << opt(v.checked_out_by, num) << '\n';
    for (auto const& [digest, t] : s.tokens)
        out << "token " << digest << ' ' << to_string(t.role) << ' ' << t.subject << ' '
            << ms(t.created_at) << ' ' << ms(t.expires_at) << '\n';
    for (auto const& [event, list] : s.updates)
        for (stream_update const& u : list)
            out << "update " << u.event << ' ' << u.seq << ' ' << u.kind << ' ' << ms(u.at) << ' '
                << opt(u.session, num) << ' ' << opt(u.speaker, num) << ' ' << u.full_data << ' '
                << u.public_data << '\n';
    for (auto const& [id, q] : s.questions)
        out << "question " << id << ' ' << q.event << ' ' << q.session << ' ' << opt(q.author, num)
            << ' ' << opt(q.entered_by, num) << ' ' << str(q.author_name) << ' ' << str(q.text)
            << ' ' << q.anonymous << ' ' << q.from_room << ' ' << to_string(q.status) << ' '
            << q.votes << ' ' << ms(q.created_at) << ' ' << ms(q.updated_at) << ' '
            << opt(q.answered_at, ms) << '\n';
    for (auto const& [key, at] : s.votes)
        out << "vote " << key.first << ' ' << key.second << ' ' << ms(at) << '\n';
    for (auto const& [id, i] : s.presence)
        out << "presence " << id << ' ' << i.event << ' ' << i.participant << ' ' << ms(i.joined_at)
            << ' ' << opt(i.left_at, ms) << ' ' << ms(i.last_seen_at) << '\n';
    for (auto const& [id, m] : s.materials)
        out << "material " << id << ' ' << m.event << ' ' << m.session << ' ' << str(m.filename)
            << ' ' << m.content_type << ' ' << m.size << ' ' << m.sha256 << ' ' << m.published
            << ' ' << opt(m.uploaded_by, num) << ' ' << ms(m.uploaded_at) << '\n';
    for (auto const& [id, x] : s.certificates)
        out << "certificate " << id << ' ' << x.code << ' ' << x.event << ' ' << x.participant
            << ' ' << ms(x.issued_at) << ' ' << opt(x.revoked_at, ms) << ' '
            << opt(x.revoked_by, num) << ' ' << str(x.revoke_reason) << '\n';
    for (auto const& [event, r] : s.completion_rules)
        out << "completion_rules " << event << ' ' << r.min_share << ' '
            << r.open_checkin_counts_to_end << '\n';
    return out.str();
}

}  // namespace bimtek::test
