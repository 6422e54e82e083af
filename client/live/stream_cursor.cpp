#include "client/live/stream_cursor.hpp"

namespace bimtek::client::live {

protocol::hello stream_cursor::hello(std::string token,
                                     std::optional<std::int64_t> event_id) const {
    protocol::hello h;
    h.token = std::move(token);
    h.since = last_seq_;
    h.event_id = event_id;
    if (last_seq_) h.epoch = epoch_;
    return h;
}

bool stream_cursor::on_welcome(protocol::welcome const& w) {
    welcome_seq_ = w.seq;
    welcome_epoch_ = w.epoch;
    if (!last_seq_) {
        last_seq_ = w.seq;
        epoch_ = w.epoch;
        return true;
    }
    // With a position the replay follows, or a resync when the epoch differs; the epoch is
    // adopted only then, so a connection lost before the resync is still asked for correctly.
    if (!epoch_) epoch_ = w.epoch;
    return false;
}

stream_cursor::verdict stream_cursor::on_update(protocol::update const& u) {
    if (!last_seq_) {
        last_seq_ = u.seq;
        return verdict::apply;
    }
    if (u.seq <= *last_seq_) return verdict::duplicate;
    if (u.seq != *last_seq_ + 1) return verdict::gap;
    last_seq_ = u.seq;
    return verdict::apply;
}

bool stream_cursor::on_resync(protocol::resync const& r) {
    if (r.reason == "slow_consumer") return false;
    last_seq_ = welcome_seq_;
    epoch_ = welcome_epoch_;
    return true;
}

}  // namespace bimtek::client::live
