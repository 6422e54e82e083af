#include "server/domain/stream_service.hpp"

#include <algorithm>

#include "server/domain/access.hpp"

namespace bimtek::domain {

stream_service::stream_service(store& s, std::size_t max_replay)
    : store_(s), max_replay_(max_replay) {}

result<stream_start> stream_service::start(principal const& who, std::optional<event_id> event,
                                           std::optional<std::int64_t> since,
                                           std::optional<std::string> const& epoch) {
    return read_value<stream_start>(store_, [&](repositories& r) -> result<stream_start> {
        stream_start out;
        if (who.is_participant()) {
            if (!who.event) return forbidden("this participant belongs to no event");
            if (event && *event != *who.event)
                return forbidden("participants follow their own event only");
            out.event = *who.event;
            out.role = role::participant;
        } else if (event) {
            out.event = *event;
        } else {
            auto mine = r.events.list_for_user(who.subject);
            if (mine.empty()) return event_not_found();
            out.event = mine.front().id;
        }
        if (status st = require_member(r, who, out.event); !st) return st.error();
        auto e = r.events.find(out.event);
        if (!e) return event_not_found();
        if (who.is_staff())
            if (auto m = r.events.find_member(out.event, who.subject)) out.role = m->role;

        out.epoch = e->stream_epoch;
        out.latest_seq = r.updates.latest_seq(out.event);
        if (epoch && *epoch != out.epoch) {
            out.resync = "epoch_changed";
            return out;
        }
        if (!since) return out;
        std::int64_t const after = std::max<std::int64_t>(*since, 0);
        if (after > out.latest_seq) {
            out.resync = "ahead";
        } else if (static_cast<std::uint64_t>(out.latest_seq - after) > max_replay_) {
            out.resync = "gap_too_large";
        } else {
            out.replay = r.updates.list_after(out.event, after, max_replay_);
        }
        return out;
    });
}

update_view stream_service::view_for(principal const& who, stream_update const& u) {
    if (who.role == role::coordinator) return update_view::full;
    if (who.is_staff() && u.speaker && *u.speaker == who.subject) return update_view::full;
    return update_view::public_view;
}

}  // namespace bimtek::domain
