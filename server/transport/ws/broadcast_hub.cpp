#include "server/transport/ws/broadcast_hub.hpp"

#include <algorithm>
#include <utility>

#include <boost/asio/post.hpp>

#include "server/transport/ws/frame_parser.hpp"
#include "shared/protocol/messages.hpp"
#include "shared/time/iso8601.hpp"

namespace bimtek::transport {
namespace net = boost::asio;

stream_shard::stream_shard(net::io_context& ctx) : ctx_(ctx) {}

void stream_shard::join(shard_member* m) { members_.push_back(m); }

void stream_shard::leave(shard_member* m) {
    auto it = std::find(members_.begin(), members_.end(), m);
    if (it != members_.end()) {
        *it = members_.back();
        members_.pop_back();
    }
}

void stream_shard::subscribe(domain::event_id event, shard_member* m) { subscribers_[event].push_back(m); }

void stream_shard::unsubscribe(domain::event_id event, shard_member* m) {
    auto it = subscribers_.find(event);
    if (it == subscribers_.end()) return;
    auto& list = it->second;
    auto pos = std::find(list.begin(), list.end(), m);
    if (pos != list.end()) {
        *pos = list.back();  // order among subscribers does not matter
        list.pop_back();
    }
    if (list.empty()) subscribers_.erase(it);
}

void stream_shard::enqueue(std::shared_ptr<prepared_update const> u) {
    bool post = false;
    {
        std::lock_guard lock(pending_mutex_);
        pending_.push_back(std::move(u));
        post = !std::exchange(delivery_posted_, true);
    }
    if (post) net::post(ctx_, [this] { deliver_pending(); });
}

void stream_shard::deliver_pending() {
    {
        std::lock_guard lock(pending_mutex_);
        delivering_.swap(pending_);  // both keep their capacity: no allocation once warm
        delivery_posted_ = false;
    }
    // Runs of consecutive updates of one event go out together (a connection follows one event).
    std::size_t i = 0;
    while (i < delivering_.size()) {
        run_.clear();
        domain::event_id event = delivering_[i]->event;
        for (; i < delivering_.size() && delivering_[i]->event == event; ++i) run_.push_back(delivering_[i].get());
        deliver(run_);
    }
    delivering_.clear();
}

void stream_shard::deliver(std::span<prepared_update const* const> run) {
    auto it = subscribers_.find(run.front()->event);
    if (it == subscribers_.end()) return;
    // on_live never unsubscribes synchronously (connections leave when destroyed, which
    // happens in a later handler), so the list is stable while we walk it.
    for (shard_member* m : it->second) m->on_live(run);
}

void stream_shard::start_sweeping() {
    sweep_timer_ = std::make_unique<net::steady_timer>(ctx_);
    schedule_sweep();
}

void stream_shard::stop_sweeping() { sweep_timer_.reset(); }

void stream_shard::schedule_sweep() {
    sweep_timer_->expires_after(std::chrono::seconds(1));
    sweep_timer_->async_wait([this](boost::system::error_code ec) {
        if (ec || !sweep_timer_) return;
        auto now = std::chrono::steady_clock::now();
        // Index loop: a sweep may close a connection but never destroys one synchronously.
        for (std::size_t i = 0; i < members_.size(); ++i) members_[i]->sweep(now);
        schedule_sweep();
    });
}

broadcast_hub::broadcast_hub(io_pool& pool) : pool_(pool) {
    for (std::size_t i = 0; i < pool.size(); ++i) shards_.push_back(std::make_unique<stream_shard>(pool.context(i)));
}

stream_shard& broadcast_hub::shard_for(net::execution_context const& ctx) { return *shards_[pool_.index_of(ctx)]; }

void broadcast_hub::publish(domain::stream_update const& u) {
    auto prepared = std::make_shared<prepared_update>();
    prepared->event = u.event;
    prepared->seq = u.seq;
    prepared->speaker = u.speaker;
    std::string at = format_iso8601(u.at);
    prepared->full = std::make_shared<std::string const>(
        encode_server_frame(op_text, protocol::encode_update(u.seq, u.kind, at, u.full_data)));
    prepared->public_view = u.public_data == u.full_data
                                ? prepared->full
                                : std::make_shared<std::string const>(encode_server_frame(
                                      op_text, protocol::encode_update(u.seq, u.kind, at, u.public_data)));
    for (auto& shard : shards_) shard->enqueue(prepared);
}

void broadcast_hub::start_sweeping() {
    for (auto& shard : shards_) net::post(shard->context(), [s = shard.get()] { s->start_sweeping(); });
}

void broadcast_hub::stop_sweeping() {
    for (auto& shard : shards_) net::post(shard->context(), [s = shard.get()] { s->stop_sweeping(); });
}

void broadcast_hub::drop_timers() {
    for (auto& shard : shards_) shard->stop_sweeping();
}

}  // namespace bimtek::transport
