#include "server/domain/presence_service.hpp"

#include <algorithm>
#include <vector>

#include "server/domain/present_counts.hpp"
#include "server/domain/update_payloads.hpp"

namespace bimtek::domain {
namespace {

error participant_not_found() {
    return make_error(error_kind::not_found, "participant_not_found", "no such participant");
}

}  // namespace

presence_service::presence_service(store& s, clock const& k, presence_policy policy)
    : store_(s), clock_(k), policy_(policy) {}

result<int> presence_service::recover() {
    std::lock_guard writing(write_mutex_);
    return write_value<int>(
        store_, [](repositories& r) -> result<int> { return r.presence.close_all_at_last_seen(); });
}

bool presence_service::add_connection(participant_id p) {
    auto it = people_.find(p);
    if (it == people_.end()) return false;
    ++it->second.connections;
    it->second.left_at.reset();  // back within the grace window: the same interval goes on
    return true;
}

status presence_service::connected(participant_id p) {
    {
        std::lock_guard lock(mutex_);
        if (add_connection(p)) return {};
    }
    std::lock_guard writing(write_mutex_);
    {
        // Another connection of "p" may have opened the interval while this one waited.
        std::lock_guard lock(mutex_);
        if (add_connection(p)) return {};
    }
    timestamp now = clock_.now();
    state opened;
    status st = store_.write([&](repositories& r) -> status {
        auto who = r.participants.find(p);
        if (!who) return participant_not_found();
        // An interval this service does not know about was left open (recover() was not run):
        // end it where the participant was last seen.
        if (auto stale = r.presence.find_open(p))
            r.presence.close(stale->id, std::max(stale->last_seen_at, stale->joined_at));
        opened.event = who->event;
        opened.interval = r.presence.open(who->event, p, now);
        opened.connections = 1;
        stream_update u = make_update(who->event, "presence.join", now,
                                      presence_views(*who, count_present(r, who->event)));
        r.updates.append(u);
        return {};
    });
    if (!st) return st;
    std::lock_guard lock(mutex_);
    people_[p] = opened;
    return {};
}

void presence_service::disconnected(participant_id p) {
    timestamp now = clock_.now();
    std::lock_guard lock(mutex_);
    auto it = people_.find(p);
    if (it == people_.end() || it->second.connections == 0) return;
    if (--it->second.connections == 0) it->second.left_at = now;
}

status presence_service::tick() {
    std::lock_guard writing(write_mutex_);
    timestamp now = clock_.now();

    struct leaving {
        participant_id who = 0;
        state was;
    };
    std::vector<leaving> expired;
    std::vector<presence_id> seen;
    bool heartbeat_due = false;
    {
        std::lock_guard lock(mutex_);
        // Taken out of people_ now: a reconnect from here on opens a new interval, after this
        // write (it waits for write_mutex_).
        for (auto it = people_.begin(); it != people_.end();) {
            state const& s = it->second;
            if (s.connections == 0 && s.left_at && now - *s.left_at >= policy_.grace) {
                expired.push_back(leaving{it->first, s});
                it = people_.erase(it);
            } else {
                ++it;
            }
        }
        heartbeat_due = now - last_heartbeat_ >= policy_.heartbeat;
        if (heartbeat_due)
            for (auto const& [p, s] : people_)
                if (s.connections > 0) seen.push_back(s.interval);
    }
    std::sort(expired.begin(), expired.end(),
              [](leaving const& a, leaving const& b) { return *a.was.left_at < *b.was.left_at; });

    status st;
    if (!expired.empty() || !seen.empty()) {
        st = store_.write([&](repositories& r) -> status {
            for (leaving const& l : expired) {
                r.presence.close(l.was.interval, *l.was.left_at);
                auto who = r.participants.find(l.who);
                if (!who) return participant_not_found();
                stream_update u = make_update(l.was.event, "presence.leave", now,
                                              presence_views(*who, count_present(r, l.was.event)));
                r.updates.append(u);
            }
            if (!seen.empty()) r.presence.touch(seen, now);
            return {};
        });
    }

    std::lock_guard lock(mutex_);
    if (!st) {
        // Nothing was written: they are still in their grace window, to be closed next time.
        for (leaving const& l : expired) people_.emplace(l.who, l.was);
        return st;
    }
    if (heartbeat_due) last_heartbeat_ = now;
    return {};
}

bool presence_service::present(participant_id p) const {
    std::lock_guard lock(mutex_);
    return people_.contains(p);
}

int presence_service::online_now(event_id event) const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(std::count_if(people_.begin(), people_.end(), [&](auto const& entry) {
        return entry.second.event == event;
    }));
}

}  // namespace bimtek::domain
