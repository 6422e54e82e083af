// bimtek watch: the live view on a terminal, JSON lines (the protocol's update messages,
// exactly) otherwise or with --json. Both follow the stream with live::stream_follower.
#include <unistd.h>

#include <ostream>

#include <boost/json.hpp>

#include "client/app/commands.hpp"
#include "client/app/event_lookup.hpp"
#include "client/app/interrupt.hpp"
#include "client/app/live_link.hpp"
#include "client/cli/exit_codes.hpp"
#include "client/live/live_state.hpp"
#include "client/live/stream_follower.hpp"
#include "client/ui/live_view.hpp"
#include "client/ui/terminal.hpp"

namespace bimtek::client::app {
using ui::msg;

namespace {

timestamp now_ms() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
}

// --json: every update frame on its own line of stdout; everything else on stderr.
class json_sink final : public live::follower_sink {
public:
    explicit json_sink(command_context& ctx) : ctx_(ctx) {}
    void welcomed(protocol::welcome const& w, bool) override {
        ctx_.err() << ctx_.say(msg::watch_connected,
                               {std::to_string(w.event_id), std::to_string(w.seq)})
                   << std::endl;
    }
    void resynced(protocol::resync const& r) override {
        ctx_.err() << ctx_.say(msg::watch_resync, {r.reason, std::to_string(r.seq)}) << std::endl;
    }
    bool updated(protocol::update const&, std::string const& frame) override {
        ctx_.out() << frame << '\n' << std::flush;
        return static_cast<bool>(ctx_.out());
    }
    void link_changed(live::link_state s, net::link_fault const& why) override {
        if (s == live::link_state::reconnecting)
            ctx_.err() << ctx_.say(msg::watch_reconnecting, {ui::describe(ctx_.lang(), why)})
                       << std::endl;
    }
    bool tick() override { return !interrupted(); }

private:
    command_context& ctx_;
};

// The full-screen view, redrawn on each update and once a second.
class screen_sink final : public live::follower_sink {
public:
    explicit screen_sink(command_context& ctx) : ctx_(ctx) {}

    void welcomed(protocol::welcome const& w, bool reload) override {
        state_.role = w.role;
        state_.event_id = w.event_id;
        if (reload || state_.title.empty()) load(w.event_id);
        draw();
    }
    void resynced(protocol::resync const&) override {
        load(state_.event_id);
        draw();
    }
    bool updated(protocol::update const& u, std::string const&) override {
        state_.apply(u);
        if (u.kind == "session.started") load_questions();
        draw();
        return true;
    }
    void link_changed(live::link_state s, net::link_fault const& why) override {
        state_.connected = s == live::link_state::connected;
        state_.link_detail = ui::describe(ctx_.lang(), why);
        draw();
    }
    bool tick() override {
        if (interrupted()) return false;
        auto size = ui::size_of(STDOUT_FILENO);
        if (std::chrono::steady_clock::now() - last_draw_ >= std::chrono::seconds(1) ||
            size.columns != size_.columns || size.rows != size_.rows)
            draw();
        return true;
    }

private:
    void load(std::int64_t event_id) {
        auto e = load_event(ctx_, event_id);
        if (auto* o = std::get_if<boost::json::object>(&e)) {
            state_.load_event(*o);
            if (auto z = time_zone::load(state_.timezone)) tz_ = *z;
        }
        load_questions();
    }
    void load_questions() {
        auto const* cur = state_.current_session();
        if (!cur) return;
        auto r = ctx_.api().get("/api/v1/sessions/" + std::to_string(cur->id) + "/questions");
        if (r.ok() && r.body.is_object()) state_.load_questions(r.body.as_object());
    }
    void draw() {
        size_ = ui::size_of(STDOUT_FILENO);
        last_draw_ = std::chrono::steady_clock::now();
        screen_.draw(ui::render_live_view(
            state_, tz_, ui::view_options{size_.columns, size_.rows, now_ms(), ctx_.lang()}));
    }

    command_context& ctx_;
    live::live_state state_;
    time_zone tz_ = time_zone::load("Asia/Jakarta")
                        .value_or(time_zone::fixed("Asia/Jakarta", std::chrono::hours(7), "WIB"));
    ui::alternate_screen screen_;
    ui::terminal_size size_;
    std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace

int run_watch(command_context& ctx) {
    if (!ctx.has_token()) return ctx.no_token();
    install_interrupt_handlers();
    auto const& c = ctx.cmd();
    bool json = c.json || !ui::is_terminal(STDOUT_FILENO);
    auto ws = ctx.net().ws();
    live::stream_follower follower(*ws, live::steady_follower_clock(), follower_options_for(ctx),
                                   live::stream_cursor(c.since, std::nullopt));

    live::follow_end end;
    if (json) {
        json_sink sink(ctx);
        end = follower.run(sink);
    } else {
        screen_sink sink(ctx);
        end = follower.run(sink);
    }  // the screen is restored here
    return exit_code_of(ctx, end, follower, cli::exit_ok);
}

}  // namespace bimtek::client::app
