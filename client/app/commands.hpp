// One function per command of bimtek; each returns the process's exit code (cli/exit_codes.hpp).
#pragma once

#include "client/app/command_context.hpp"

namespace bimtek::client::app {

int run_login(command_context& ctx);
int run_join(command_context& ctx);
int run_logout(command_context& ctx);
int run_watch(command_context& ctx);
int run_checkin(command_context& ctx);
int run_questions(command_context& ctx);
int run_ask(command_context& ctx);
int run_vote(command_context& ctx);
int run_qa(command_context& ctx);
int run_session(command_context& ctx);
int run_attendance(command_context& ctx);

}  // namespace bimtek::client::app
