// The domain's view of storage: a set of repositories reached only through a transaction.
// The SQLite implementation is storage::sqlite_store; domain tests use an in-memory fake.
#pragma once

#include <functional>
#include <optional>
#include <utility>

#include "server/domain/certificate.hpp"
#include "server/domain/checkin.hpp"
#include "server/domain/completion.hpp"
#include "server/domain/event.hpp"
#include "server/domain/material.hpp"
#include "server/domain/participant.hpp"
#include "server/domain/presence.hpp"
#include "server/domain/question.hpp"
#include "server/domain/result.hpp"
#include "server/domain/session.hpp"
#include "server/domain/staff_user.hpp"
#include "server/domain/stream_update.hpp"
#include "server/domain/token.hpp"

namespace bimtek::domain {

// The repositories of one transaction. References are valid only inside the work function.
struct repositories {
    event_repository& events;
    session_repository& sessions;
    user_repository& users;
    participant_repository& participants;
    checkin_repository& checkins;
    token_repository& tokens;
    update_repository& updates;
    question_repository& questions;
    presence_repository& presence;
    material_repository& materials;
    certificate_repository& certificates;
    completion_rule_repository& completion_rules;
};

class store {
public:
    using work = std::function<status(repositories&)>;
    virtual ~store() = default;

    // Runs "w" in one write transaction on the calling thread; writes are serialized. Commits
    // when "w" returns ok and rolls back otherwise (returning w's error). When the commit
    // succeeded, publishes the updates "w" appended to the notifier, in order, before the next
    // write starts; only then returns ok. A storage failure rolls back and returns an
    // error_kind::internal error: nothing of "w" is kept.
    virtual status write(work const& w) = 0;

    // Runs "w" against a consistent snapshot. "w" must not write.
    virtual status read(work const& w) = 0;
};

// write()/read() for work that produces a value: "f" returns result<T>.
template <class T, class F>
result<T> write_value(store& s, F&& f) {
    std::optional<T> out;
    status st = s.write([&](repositories& r) -> status {
        result<T> res = f(r);
        if (!res) return res.error();
        out.emplace(std::move(res.value()));
        return {};
    });
    if (!st) return st.error();
    return std::move(*out);
}

template <class T, class F>
result<T> read_value(store& s, F&& f) {
    std::optional<T> out;
    status st = s.read([&](repositories& r) -> status {
        result<T> res = f(r);
        if (!res) return res.error();
        out.emplace(std::move(res.value()));
        return {};
    });
    if (!st) return st.error();
    return std::move(*out);
}

}  // namespace bimtek::domain
