#include "server/transport/ws/broadcast_hub.hpp"

#include <algorithm>

#include "server/domain/stream_service.hpp"
#include "shared/protocol/messages.hpp"
#include "shared/time/iso8601.hpp"

namespace bimtek::transport {

void broadcast_hub::subscribe(domain::event_id event, std::weak_ptr<stream_subscriber> s, viewer v) {
    std::lock_guard lock(mutex_);
    auto* key = s.lock().get();
    channels_[event].push_back(entry{std::move(s), key, v});
}

void broadcast_hub::unsubscribe(domain::event_id event, stream_subscriber const* s) {
    std::lock_guard lock(mutex_);
    auto it = channels_.find(event);
    if (it == channels_.end()) return;
    auto& subs = it->second;
    auto pos = std::find_if(subs.begin(), subs.end(), [s](entry const& e) { return e.key == s; });
    if (pos != subs.end()) {
        *pos = std::move(subs.back());  // order among subscribers does not matter
        subs.pop_back();
    }
    if (subs.empty()) channels_.erase(it);
}

std::size_t broadcast_hub::subscribers(domain::event_id event) const {
    std::lock_guard lock(mutex_);
    auto it = channels_.find(event);
    return it == channels_.end() ? 0 : it->second.size();
}

void broadcast_hub::publish(domain::stream_update const& u) {
    // The subscribers, copied so that no lock is held while frames are handed out; the vector
    // keeps its capacity from one update to the next.
    thread_local std::vector<entry> scratch;
    {
        std::lock_guard lock(mutex_);
        auto it = channels_.find(u.event);
        if (it == channels_.end()) return;
        scratch.assign(it->second.begin(), it->second.end());
    }
    std::string at = format_iso8601(u.at);
    frame_ptr full, public_view;
    auto frame_for = [&](domain::update_view view) -> frame_ptr const& {
        bool same = u.full_data == u.public_data;
        if (view == domain::update_view::full || same) {
            if (!full) full = std::make_shared<std::string const>(protocol::encode_update(u.seq, u.kind, at, u.full_data));
            return full;
        }
        if (!public_view)
            public_view = std::make_shared<std::string const>(protocol::encode_update(u.seq, u.kind, at, u.public_data));
        return public_view;
    };
    for (auto const& e : scratch) {
        auto target = e.target.lock();
        if (!target) continue;
        domain::principal who{e.who.role, e.who.subject, std::nullopt, {}};
        target->deliver(u.seq, frame_for(domain::stream_service::view_for(who, u)));
    }
    scratch.clear();
}

}  // namespace bimtek::transport
