#include "client/app/live_link.hpp"

#include <ostream>

#include "client/cli/exit_codes.hpp"

namespace bimtek::client::app {

live::follower_options follower_options_for(command_context& ctx) {
    live::follower_options o;
    o.url = ctx.server().ws_url();
    o.token = ctx.token();
    o.event_id = ctx.cmd().event_id;
    return o;
}

int exit_code_of(command_context& ctx, live::follow_end end, live::stream_follower const& follower,
                 int stopped) {
    switch (end) {
        case live::follow_end::stopped:
            return stopped;
        case live::follow_end::unauthorized:
            ctx.err() << ctx.say(ui::msg::err_auth_token, {follower.last_fault().detail}) << "\n";
            return cli::exit_auth;
        case live::follow_end::unreachable:
            ctx.err() << ctx.say(ui::msg::err_unreachable,
                                 {ctx.server_text(), ui::describe(ctx.lang(), follower.last_fault())})
                      << "\n";
            return cli::exit_unreachable;
    }
    return cli::exit_failed;
}

}  // namespace bimtek::client::app
