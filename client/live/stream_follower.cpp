#include "client/live/stream_follower.hpp"

#include <thread>

namespace bimtek::client::live {
namespace {

class steady_clock_impl final : public follower_clock {
public:
    std::chrono::steady_clock::time_point now() override {
        return std::chrono::steady_clock::now();
    }
    void sleep(std::chrono::milliseconds d) override { std::this_thread::sleep_for(d); }
};

}  // namespace

follower_clock& steady_follower_clock() {
    static steady_clock_impl clock;  // stateless
    return clock;
}

stream_follower::stream_follower(net::ws_transport& ws, follower_clock& clock, follower_options o,
                                 stream_cursor cursor, backoff b)
    : ws_(ws), clock_(clock), options_(std::move(o)), cursor_(std::move(cursor)), backoff_(b) {}

bool stream_follower::pause(follower_sink& sink, std::chrono::milliseconds d) {
    auto until = clock_.now() + d;
    while (clock_.now() < until) {
        if (!sink.tick()) return false;
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - clock_.now());
        clock_.sleep(std::min(left, options_.tick));
    }
    return sink.tick();
}

follow_end stream_follower::run(follower_sink& sink) {
    bool first_attempt = true;
    sink.link_changed(link_state::connecting, {});
    for (;;) {
        if (auto why = ws_.open(options_.url, options_.connect_timeout)) {
            last_fault_ = why;
            if (first_attempt && options_.give_up_if_first_fails) return follow_end::unreachable;
            first_attempt = false;
            sink.link_changed(link_state::reconnecting, why);
            if (!pause(sink, backoff_.next())) return follow_end::stopped;
            continue;
        }
        first_attempt = false;
        ws_.send(protocol::encode(cursor_.hello(options_.token, options_.event_id)));

        auto last_heard = clock_.now();
        bool ping_sent = false;
        bool reconnect_now = false;  // a gap: ask again at once
        net::link_fault why;
        for (;;) {
            auto e = ws_.next(options_.tick);
            if (e.what == net::ws_event::kind::closed) {
                why = e.fault;
                break;
            }
            if (e.what == net::ws_event::kind::timeout) {
                if (!sink.tick()) {
                    ws_.close();
                    return follow_end::stopped;
                }
                auto quiet = clock_.now() - last_heard;
                if (quiet > options_.silence_limit) {
                    why = {net::fault_kind::silent, "no answer from the server"};
                    ws_.close();
                    break;
                }
                if (quiet > options_.ping_after && !ping_sent) {
                    ws_.send(protocol::encode(protocol::ping{}));
                    ping_sent = true;
                }
                continue;
            }
            last_heard = clock_.now();
            ping_sent = false;
            auto decoded = protocol::decode_server_message(e.text);
            auto* msg = std::get_if<protocol::server_message>(&decoded);
            if (!msg) continue;  // not ours to judge: ignore what we cannot read
            if (auto* w = std::get_if<protocol::welcome>(msg)) {
                backoff_.reset();
                bool reload = cursor_.on_welcome(*w);
                sink.welcomed(*w, reload);
                sink.link_changed(link_state::connected, {});
            } else if (auto* u = std::get_if<protocol::update>(msg)) {
                auto v = cursor_.on_update(*u);
                if (v == stream_cursor::verdict::apply) {
                    if (!sink.updated(*u, e.text)) {
                        ws_.close();
                        return follow_end::stopped;
                    }
                } else if (v == stream_cursor::verdict::gap) {
                    why = {net::fault_kind::stream_gap, "gap in the stream"};
                    reconnect_now = true;
                    ws_.close();
                    break;
                }
            } else if (auto* r = std::get_if<protocol::resync>(msg)) {
                if (cursor_.on_resync(*r)) sink.resynced(*r);
            } else if (auto* err = std::get_if<protocol::error>(msg)) {
                if (err->code == "unauthorized" || err->code == "forbidden") {
                    last_fault_ = {net::fault_kind::other,
                                   err->code + (err->message.empty() ? "" : ": " + err->message)};
                    ws_.close();
                    return follow_end::unauthorized;
                }
            }
            if (!sink.tick()) {
                ws_.close();
                return follow_end::stopped;
            }
        }
        last_fault_ = why;
        sink.link_changed(link_state::reconnecting, why);
        if (!reconnect_now && !pause(sink, backoff_.next())) return follow_end::stopped;
    }
}

}  // namespace bimtek::client::live
