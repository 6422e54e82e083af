#include "server/domain/qa_service.hpp"

#include <algorithm>
#include <set>

#include "server/domain/access.hpp"
#include "server/domain/update_payloads.hpp"
#include "server/domain/validation.hpp"
#include "shared/text/utf8.hpp"

namespace bimtek::domain {
namespace {

constexpr std::size_t max_author_name = 120;

error question_not_found() {
    return make_error(error_kind::not_found, "question_not_found", "no such question");
}

error session_not_found() {
    return make_error(error_kind::not_found, "session_not_found", "no such session");
}

// The question's text: valid UTF-8, trimmed, 1..max code points (inner line breaks are kept).
std::optional<std::string> clean_text(std::string_view text, std::size_t max, field_problems& out) {
    if (!text::valid_utf8(text)) {
        out.add("text", "invalid_utf8", "text is not valid UTF-8 text");
        return std::nullopt;
    }
    std::string_view trimmed = text::trim(text);
    std::size_t n = text::code_points(trimmed);
    if (n == 0) {
        out.add("text", "required", "text is required");
        return std::nullopt;
    }
    if (n > max) {
        out.add("text", "too_long", "text is longer than " + std::to_string(max) + " characters");
        return std::nullopt;
    }
    return std::string(trimmed);
}

// Appends an update about session "s" (its speaker sees the full view).
void append(repositories& r, session const& s, std::string kind, timestamp at, update_views views) {
    stream_update u = make_update(s.event, std::move(kind), at, std::move(views));
    u.session = s.id;
    u.speaker = s.speaker;
    r.updates.append(u);
}

// Whole seconds (rounded up, at least 1) until "d" has passed.
int seconds_until(std::chrono::milliseconds d) {
    auto s = std::chrono::ceil<std::chrono::seconds>(d).count();
    return static_cast<int>(std::max<std::int64_t>(s, 1));
}

// Display order: the pinned question first, then the most votes, then the oldest.
bool shown_before(question_view const& a, question_view const& b) {
    bool a_pinned = a.q.status == question_status::pinned;
    bool b_pinned = b.q.status == question_status::pinned;
    if (a_pinned != b_pinned) return a_pinned;
    if (a.q.votes != b.q.votes) return a.q.votes > b.q.votes;
    if (a.q.created_at != b.q.created_at) return a.q.created_at < b.q.created_at;
    return a.q.id < b.q.id;
}

}  // namespace

qa_service::qa_service(store& s, clock const& k, qa_policy policy)
    : store_(s), clock_(k), policy_(policy) {}

result<question> qa_service::ask(principal const& by, session_id sid, std::string const& text,
                                 bool anonymous, std::optional<std::string> const& author_name) {
    timestamp now = clock_.now();
    return write_value<question>(store_, [&](repositories& r) -> result<question> {
        auto s = r.sessions.find(sid);
        if (!s) return session_not_found();
        question q;
        q.event = s->event;
        q.session = s->id;
        q.anonymous = anonymous;
        q.created_at = now;
        q.updated_at = now;

        std::optional<participant> asker;
        if (by.is_participant()) {
            if (status st = require_member(r, by, s->event); !st) return st.error();
            asker = r.participants.find(by.subject);
            if (!asker || asker->event != s->event)
                return forbidden("you are not a participant of this event");
        } else if (status st = require_session_runner(r, by, *s); !st) {
            return st.error();
        }

        field_problems problems;
        if (auto t = clean_text(text, policy_.max_text_code_points, problems))
            q.text = std::move(*t);
        if (!asker && author_name && !anonymous)
            if (auto n = clean_line("author_name", *author_name, 0, max_author_name, problems))
                q.author_name = std::move(*n);
        if (!problems.empty()) return problems.to_status().error();

        if (asker) {
            // A question counts toward the limit for "window" after it was asked.
            timestamp since = now - policy_.window + std::chrono::milliseconds{1};
            int recent = r.questions.count_by_author_since(asker->id, since);
            if (recent >= policy_.max_questions_per_window) {
                // The limit lifts when enough of the recent questions have aged out: the
                // (recent - max + 1)th oldest of them is the last that must.
                std::vector<timestamp> times;
                for (session const& x : r.sessions.list_by_event(s->event))
                    for (question const& old : r.questions.list_by_session(x.id))
                        if (old.author == asker->id && old.created_at >= since)
                            times.push_back(old.created_at);
                std::sort(times.begin(), times.end());
                auto k = static_cast<std::size_t>(recent - policy_.max_questions_per_window);
                std::chrono::milliseconds wait = policy_.window;
                if (k < times.size()) wait = times[k] + policy_.window - now;
                error e =
                    make_error(error_kind::rate_limited, "too_many_questions",
                               "at most " + std::to_string(policy_.max_questions_per_window) +
                                   " questions per " + std::to_string(policy_.window.count()) +
                                   " seconds; try again later");
                e.retry_after_seconds = seconds_until(wait);
                return e;
            }
            q.author = asker->id;
            if (!anonymous) q.author_name = asker->name;
            q.status = s->moderated ? question_status::pending : question_status::approved;
        } else {
            q.from_room = true;
            q.entered_by = by.subject;
            q.status = question_status::approved;
        }

        q.id = r.questions.insert(q);
        append(r, *s, "question.created", now, question_views(q));
        return q;
    });
}

result<int> qa_service::vote(principal const& by, question_id q) {
    return change_vote(by, q, true);
}

result<int> qa_service::unvote(principal const& by, question_id q) {
    return change_vote(by, q, false);
}

result<int> qa_service::change_vote(principal const& by, question_id id, bool add) {
    if (!by.is_participant()) return forbidden("only participants vote on questions");
    timestamp now = clock_.now();
    return write_value<int>(store_, [&](repositories& r) -> result<int> {
        auto q = r.questions.find(id);
        if (!q) return question_not_found();
        if (status st = require_member(r, by, q->event); !st) return st.error();
        if (!is_public(q->status)) return question_not_found();
        bool changed = add ? r.questions.add_vote(q->id, by.subject, now)
                           : r.questions.remove_vote(q->id, by.subject);
        if (!changed) return q->votes;
        q->votes = r.questions.count_votes(q->id);
        q->updated_at = now;
        r.questions.update(*q);
        auto s = r.sessions.find(q->session);
        if (!s) return session_not_found();
        append(r, *s, "question.voted", now, question_vote_views(*q));
        return q->votes;
    });
}

result<question> qa_service::moderate(principal const& by, question_id id, question_status to) {
    timestamp now = clock_.now();
    return write_value<question>(store_, [&](repositories& r) -> result<question> {
        auto q = r.questions.find(id);
        if (!q) return question_not_found();
        auto s = r.sessions.find(q->session);
        if (!s) return session_not_found();
        if (status st = require_session_runner(r, by, *s); !st) return st.error();
        if (to == question_status::pending)
            return invalid_field("status", "invalid_status",
                                 "status must be approved, answered, hidden or pinned");
        if (q->status == to) return std::move(*q);

        if (to == question_status::pinned) {
            if (auto old = r.questions.find_pinned(s->id); old && old->id != q->id) {
                old->status = question_status::approved;
                old->answered_at.reset();
                old->updated_at = now;
                r.questions.update(*old);
                append(r, *s, "question.updated", now, question_views(*old));
            }
        }
        q->status = to;
        if (to == question_status::answered)
            q->answered_at = now;
        else
            q->answered_at.reset();
        q->updated_at = now;
        r.questions.update(*q);
        append(r, *s, "question.updated", now, question_views(*q));
        return std::move(*q);
    });
}

result<question_list> qa_service::list(principal const& by, session_id sid) {
    return read_value<question_list>(store_, [&](repositories& r) -> result<question_list> {
        auto s = r.sessions.find(sid);
        if (!s) return session_not_found();
        if (status st = require_member(r, by, s->event); !st) return st.error();
        question_list out;
        out.details = std::move(*s);
        std::set<question_id> voted;
        if (by.is_participant())
            for (question_id id : r.questions.voted_by(by.subject, sid)) voted.insert(id);
        for (question& q : r.questions.list_by_session(sid)) {
            if (by.is_participant() && !is_public(q.status)) continue;
            question_view v;
            v.show_author = !q.anonymous && !q.author_name.empty();
            v.voted = voted.contains(q.id);
            v.q = std::move(q);
            out.questions.push_back(std::move(v));
        }
        std::stable_sort(out.questions.begin(), out.questions.end(), shown_before);
        return out;
    });
}

result<session> qa_service::set_moderated(principal const& by, session_id sid, bool moderated) {
    timestamp now = clock_.now();
    return write_value<session>(store_, [&](repositories& r) -> result<session> {
        auto s = r.sessions.find(sid);
        if (!s) return session_not_found();
        if (status st = require_session_runner(r, by, *s); !st) return st.error();
        if (s->moderated == moderated) return std::move(*s);
        s->moderated = moderated;
        r.sessions.update(*s);
        append(r, *s, "session.updated", now, session_updated_views(*s));
        return std::move(*s);
    });
}

}  // namespace bimtek::domain
