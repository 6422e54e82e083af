#include "server/domain/presence_service.hpp"

#include <algorithm>
#include <vector>

#include "server/domain/present_counts.hpp"
#include "server/domain/update_payloads.hpp"

namespace bimtek::domain {

presence_service::presence_service(store& s, clock const& k, presence_policy policy)
    : store_(s), clock_(k), policy_(policy) {}

result<int> presence_service::recover() {
    std::lock_guard writing(write_mutex_);
    return write_value<int>(store_, [](repositories& r) -> result<int> { return r.presence.close_all_at_last_seen(); });
}

void presence_service::connected(participant_id p, event_id event) {
    timestamp now = clock_.now();
    std::lock_guard lock(mutex_);
    auto [it, fresh] = people_.try_emplace(p);
    state& s = it->second;
    if (fresh) {
        s.event = event;
        s.joined_at = now;
    }
    ++s.connections;
    s.left_at.reset();  // back within the grace window: the same interval goes on
}

void presence_service::disconnected(participant_id p) {
    timestamp now = clock_.now();
    std::lock_guard lock(mutex_);
    auto it = people_.find(p);
    if (it == people_.end() || it->second.connections == 0) return;
    if (--it->second.connections == 0) it->second.left_at = now;
}

status presence_service::flush() {
    std::lock_guard writing(write_mutex_);
    timestamp now = clock_.now();

    struct change {
        participant_id who = 0;
        state was;
    };
    std::vector<change> arriving;  // intervals to open
    std::vector<change> leaving;   // taken out of people_: grace window over
    std::vector<presence_id> seen;
    bool heartbeat_due = false;
    {
        std::lock_guard lock(mutex_);
        for (auto it = people_.begin(); it != people_.end();) {
            state const& s = it->second;
            bool gone = s.connections == 0 && s.left_at && now - *s.left_at >= policy_.grace;
            if (s.interval == 0) arriving.push_back(change{it->first, s});
            if (gone) {
                // From here on a reconnect starts a new interval, written by a later flush.
                leaving.push_back(change{it->first, s});
                it = people_.erase(it);
            } else {
                ++it;
            }
        }
        heartbeat_due = now - last_heartbeat_ >= policy_.heartbeat;
        if (heartbeat_due)
            for (auto const& [p, s] : people_)
                if (s.connections > 0 && s.interval != 0) seen.push_back(s.interval);
    }
    if (arriving.empty() && leaving.empty() && seen.empty()) {
        if (heartbeat_due) {
            std::lock_guard lock(mutex_);
            last_heartbeat_ = now;
        }
        return {};
    }
    std::sort(arriving.begin(), arriving.end(),
              [](change const& a, change const& b) { return a.was.joined_at < b.was.joined_at; });
    std::sort(leaving.begin(), leaving.end(),
              [](change const& a, change const& b) { return *a.was.left_at < *b.was.left_at; });

    std::vector<std::pair<participant_id, presence_id>> opened;
    status st = store_.write([&](repositories& r) -> status {
        opened.clear();
        // People per event, in the order they came or went; an update lists at most max_listed.
        std::map<event_id, std::vector<participant>> joined, left;
        for (change& c : arriving) {
            auto who = r.participants.find(c.who);
            if (!who) continue;  // removed from the roster meanwhile: nothing to record
            // An interval this service does not know about was left open (recover() was not
            // run): end it where the participant was last seen.
            if (auto stale = r.presence.find_open(c.who))
                r.presence.close(stale->id, std::max(stale->last_seen_at, stale->joined_at));
            c.was.interval = r.presence.open(c.was.event, c.who, c.was.joined_at);
            opened.emplace_back(c.who, c.was.interval);
            joined[c.was.event].push_back(std::move(*who));
        }
        for (change const& c : leaving) {
            // Someone who came and went between two flushes was opened just above.
            presence_id interval = c.was.interval;
            if (interval == 0)
                for (auto const& [p, id] : opened)
                    if (p == c.who) interval = id;
            if (interval == 0) continue;
            r.presence.close(interval, *c.was.left_at);
            if (auto who = r.participants.find(c.who)) left[c.was.event].push_back(std::move(*who));
        }
        // One update per event and direction: every viewer receives it, so its cost is one
        // frame per connection however many people it reports.
        auto announce = [&](std::map<event_id, std::vector<participant>>& people, char const* kind) {
            for (auto& [event, list] : people) {
                std::size_t more = list.size() > policy_.max_listed ? list.size() - policy_.max_listed : 0;
                list.resize(list.size() - more);
                stream_update u = make_update(event, kind, now, presence_views(list, more, count_present(r, event)));
                r.updates.append(u);
            }
        };
        announce(joined, "presence.join");
        announce(left, "presence.leave");
        if (!seen.empty()) r.presence.touch(seen, now);
        return {};
    });

    std::lock_guard lock(mutex_);
    if (!st) {
        // Nothing was written: the arrivals stay pending and the departures in their grace
        // window, to be written by the next flush.
        for (change const& c : leaving) people_.emplace(c.who, c.was);
        return st;
    }
    for (auto const& [p, id] : opened) {
        auto it = people_.find(p);
        if (it != people_.end() && it->second.interval == 0) it->second.interval = id;
    }
    // Arrivals whose participant no longer exists are forgotten.
    for (change const& c : arriving) {
        auto it = people_.find(c.who);
        if (it != people_.end() && it->second.interval == 0) people_.erase(it);
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
    return static_cast<int>(
        std::count_if(people_.begin(), people_.end(), [&](auto const& entry) { return entry.second.event == event; }));
}

}  // namespace bimtek::domain
