// What the commands that follow the live stream (watch, qa) share: the follower's options from
// the command line and the stored credentials, and how a run that the user did not stop ends.
#pragma once

#include "client/app/command_context.hpp"
#include "client/live/stream_follower.hpp"

namespace bimtek::client::app {

// The server's /ws, the token and the --event of this command.
live::follower_options follower_options_for(command_context& ctx);

// The exit code of a run that ended "end", saying why on standard error when the server
// refused the token or could not be reached; "stopped" is the code when the user stopped it.
int exit_code_of(command_context& ctx, live::follow_end end, live::stream_follower const& follower,
                 int stopped);

}  // namespace bimtek::client::app
