// bimtek checkin: the door kiosk (codes from standard input), --code X (one), --flush (send the
// queue). See kiosk.hpp for the queue's rules and docs/client.md for what the kiosk promises.
#include <unistd.h>

#include <ostream>
#include <thread>

#include "client/app/commands.hpp"
#include "client/app/interrupt.hpp"
#include "client/app/kiosk.hpp"
#include "client/app/line_reader.hpp"
#include "client/cli/exit_codes.hpp"
#include "client/live/backoff.hpp"
#include "client/store/checkin_queue.hpp"
#include "client/ui/terminal.hpp"

namespace bimtek::client::app {
using ui::msg;

namespace {

timestamp now_ms() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
}

// Plain lines: one per scan (pipes, logs, tests).
class line_display final : public kiosk_display {
public:
    line_display(std::ostream& out, ui::lang l) : out_(out), lang_(l) {}
    void show(ui::kiosk_result const& r) override {
        out_ << ui::kiosk_line(lang_, r) << std::endl;
        last_ = r.what;
    }
    ui::kiosk_result::kind last() const { return last_; }

private:
    std::ostream& out_;
    ui::lang lang_;
    ui::kiosk_result::kind last_ = ui::kiosk_result::kind::queued;
};

// The whole screen, large letters, for the person at the door.
class screen_display final : public kiosk_display {
public:
    screen_display(std::ostream& out, ui::lang l, std::string title)
        : out_(out), lang_(l), title_(std::move(title)) {}
    void show(ui::kiosk_result const& r) override {
        auto size = ui::size_of(STDOUT_FILENO);
        std::string frame = "\x1b[H\x1b[2J";
        auto lines = ui::kiosk_screen(lang_, r, title_, size.columns, size.rows - 1);
        for (auto const& l : lines) frame += l + "\r\n";
        out_ << frame << std::flush;
    }

private:
    std::ostream& out_;
    ui::lang lang_;
    std::string title_;
};

int exit_for_block(command_context& ctx, send_report const& r) {
    if (r.no_event) {
        ctx.err() << ctx.say(msg::err_no_event) << "\n";
        return cli::exit_failed;
    }
    if (!r.blocked) return cli::exit_ok;
    return ctx.fail(*r.blocked);
}

bool is_auth(send_report const& r) {
    return r.blocked && r.blocked->what == api::outcome::auth;
}
bool is_unreachable(send_report const& r) {
    return r.blocked && r.blocked->what == api::outcome::unreachable;
}

}  // namespace

int run_checkin(command_context& ctx) {
    if (!ctx.has_token()) return ctx.no_token();
    auto const& c = ctx.cmd();
    auto file =
        c.queue_file ? std::filesystem::path(*c.queue_file) : store::default_queue_file(ctx.env());
    auto queue = store::checkin_queue::open(file);
    if (!queue) {
        ctx.err() << ctx.say(msg::err_queue, {queue.error()}) << "\n";
        return cli::exit_failed;
    }
    bool screen = !c.flush && !c.checkin_code && ui::is_terminal(STDOUT_FILENO) &&
                  ui::is_terminal(STDIN_FILENO);
    line_display lines(ctx.out(), ctx.lang());
    screen_display big(ctx.out(), ctx.lang(), ctx.say(msg::kiosk_title, {ctx.server_text()}));
    kiosk_display& display = screen ? static_cast<kiosk_display&>(big) : lines;
    kiosk k(**queue, ctx.api(), display, kiosk_options{c.event_id, ctx.lang()}, now_ms);

    auto queue_failed = [&](std::string const& why) {
        ctx.err() << ctx.say(msg::err_queue, {why}) << "\n";
        return cli::exit_failed;
    };

    if (c.checkin_code) {
        auto r = k.scan(*c.checkin_code);
        if (!r) return queue_failed(r.error());
        if (r->blocked || r->no_event) {
            int code = exit_for_block(ctx, *r);
            return code == cli::exit_ok ? cli::exit_failed : code;
        }
        auto last = lines.last();
        return last == ui::kiosk_result::kind::checked_in || last == ui::kiosk_result::kind::already
                   ? cli::exit_ok
                   : cli::exit_failed;
    }

    if (c.flush) {
        auto r = k.send_pending();
        if (!r) return queue_failed(r.error());
        auto left = k.waiting();
        if (!left) return queue_failed(left.error());
        if (*left == 0) {
            ctx.out() << ctx.say(msg::kiosk_queue_empty) << "\n";
            return cli::exit_ok;
        }
        int code = exit_for_block(ctx, *r);
        ctx.out() << ctx.say(msg::kiosk_flush_not_empty, {std::to_string(*left)}) << "\n";
        return code == cli::exit_ok ? cli::exit_failed : code;
    }

    // The kiosk: scans from standard input until it ends.
    install_interrupt_handlers();
    if (screen) {
        ctx.out() << "\x1b[H\x1b[2J " << ctx.say(msg::kiosk_title, {ctx.server_text()})
                  << "\r\n\r\n  " << ctx.say(msg::kiosk_ready) << "\r\n"
                  << std::flush;
    } else {
        ctx.out() << ctx.say(msg::kiosk_ready) << std::endl;
    }
    {
        auto start = k.waiting();
        if (start && *start > 0) {
            ctx.out() << ctx.say(msg::kiosk_sending_queue, {std::to_string(*start)}) << std::endl;
            auto r = k.send_pending();
            if (!r) return queue_failed(r.error());
            if (is_auth(*r)) return exit_for_block(ctx, *r);
        }
    }
    line_reader reader(STDIN_FILENO);
    live::backoff retry;
    auto next_retry = std::chrono::steady_clock::now() + retry.next();
    std::string line;
    while (!interrupted()) {
        auto st = reader.next(line, std::chrono::milliseconds(200));
        if (st == line_reader::status::eof) break;
        if (st == line_reader::status::line) {
            auto r = k.scan(line);
            if (!r) return queue_failed(r.error());
            if (is_auth(*r) || r->no_event) return exit_for_block(ctx, *r);
            if (!r->blocked) retry.reset();
            next_retry = std::chrono::steady_clock::now() + retry.next();
            continue;
        }
        // Nothing typed: retry the queue when it is time.
        auto waiting = k.waiting();
        if (!waiting) return queue_failed(waiting.error());
        if (*waiting == 0 || std::chrono::steady_clock::now() < next_retry) continue;
        auto r = k.send_pending();
        if (!r) return queue_failed(r.error());
        if (is_auth(*r) || r->no_event) return exit_for_block(ctx, *r);
        if (!r->blocked) {
            retry.reset();
        }
        next_retry = std::chrono::steady_clock::now() + retry.next();
    }

    // End of input: try to send what is left for up to --drain-timeout seconds.
    auto waiting = k.waiting();
    if (!waiting) return queue_failed(waiting.error());
    if (*waiting > 0) {
        ctx.out() << ctx.say(msg::kiosk_draining, {std::to_string(c.drain_timeout)}) << std::endl;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(c.drain_timeout);
        live::backoff drain_retry;
        for (;;) {
            auto r = k.send_pending();
            if (!r) return queue_failed(r.error());
            if (is_auth(*r) || r->no_event) return exit_for_block(ctx, *r);
            if (!r->blocked) break;
            auto pause = drain_retry.next();
            if (std::chrono::steady_clock::now() + pause >= deadline || interrupted()) {
                if (!is_unreachable(*r)) ctx.fail(*r->blocked);
                break;
            }
            std::this_thread::sleep_for(pause);
        }
        waiting = k.waiting();
        if (!waiting) return queue_failed(waiting.error());
    }
    if (*waiting == 0) {
        ctx.out() << ctx.say(msg::kiosk_queue_empty) << std::endl;
    } else {
        ctx.out() << ctx.say(msg::kiosk_still_queued, {std::to_string(*waiting), file.string()})
                  << std::endl;
    }
    return cli::exit_ok;
}

}  // namespace bimtek::client::app
