#include "tests/support/seed.hpp"

#include <stdexcept>

namespace bimtek::test {
namespace {

using namespace domain;

// Runs "f" in a write and returns its value; throws when the write fails.
template <class T, class F>
T seed_write(store& s, F&& f) {
    result<T> r = write_value<T>(s, [&](repositories& repos) -> result<T> { return f(repos); });
    if (!r)
        throw std::runtime_error("seeding failed: " + r.error().code + ": " + r.error().message);
    return std::move(r.value());
}

}  // namespace

staff_user seed_user(store& s, std::string const& username, role r, std::string const& password) {
    return seed_write<staff_user>(s, [&](repositories& repos) {
        staff_user u;
        u.username = username;
        u.display_name = username;
        u.role = r;
        u.password_hash = "fake$" + password;
        u.id = repos.users.insert(u);
        return u;
    });
}

event seed_event(store& s, std::string const& title, timestamp starts_at, timestamp ends_at,
                 int onsite_capacity) {
    return seed_write<event>(s, [&](repositories& repos) {
        event e;
        e.title = title;
        e.starts_at = starts_at;
        e.ends_at = ends_at;
        e.onsite_capacity = onsite_capacity;
        e.stream_epoch = "0123456789abcdef";
        e.created_at = starts_at;
        e.id = repos.events.insert(e);
        return e;
    });
}

void seed_member(store& s, event_id event, user_id user, role r) {
    seed_write<bool>(s, [&](repositories& repos) {
        repos.events.put_member(event_member{event, user, r});
        return true;
    });
}

participant seed_participant(store& s, event_id event, std::string const& name,
                             attendance_mode mode, std::string const& access_code,
                             participant_category category, std::string const& region) {
    return seed_write<participant>(s, [&](repositories& repos) {
        participant p;
        p.event = event;
        p.name = name;
        p.category = category;
        p.region = region;
        p.mode = mode;
        p.access_code = access_code;
        p.id = repos.participants.insert(p);
        return p;
    });
}

session seed_session(store& s, event_id event, std::string const& title, timestamp planned_start,
                     timestamp planned_end, std::optional<user_id> speaker) {
    return seed_write<session>(s, [&](repositories& repos) {
        session x;
        x.event = event;
        x.title = title;
        x.planned_start = planned_start;
        x.planned_end = planned_end;
        x.speaker = speaker;
        if (speaker)
            if (auto u = repos.users.find(*speaker)) x.speaker_name = u->display_name;
        x.id = repos.sessions.insert(x);
        return x;
    });
}

principal principal_of(staff_user const& u) {
    principal p;
    p.role = u.role;
    p.subject = u.id;
    p.display_name = u.display_name;
    return p;
}

principal principal_of(participant const& x) {
    principal p;
    p.role = role::participant;
    p.subject = x.id;
    p.event = x.event;
    p.display_name = x.name;
    return p;
}

}  // namespace bimtek::test
