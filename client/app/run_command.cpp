#include "client/app/run_command.hpp"

#include <iostream>

#include "client/app/commands.hpp"
#include "client/cli/exit_codes.hpp"

namespace bimtek::client::app {

int run(std::vector<std::string> const& args, store::environment const& env, network const& net) {
    auto parsed = cli::parse_command_line(args, env);
    if (auto* h = std::get_if<cli::help_request>(&parsed)) {
        (h->is_error ? std::cerr : std::cout) << h->text;
        return h->is_error ? cli::exit_usage : cli::exit_ok;
    }
    if (auto* e = std::get_if<cli::usage_error>(&parsed)) {
        auto l = cli::language_of(args, env);
        std::cerr << e->message << "\n" << ui::text(l, ui::msg::usage_hint) << "\n";
        return cli::exit_usage;
    }
    auto const& cmd = std::get<cli::command_line>(parsed);
    command_context ctx(cmd, env, net, std::cout, std::cerr);
    using cli::command;
    switch (cmd.cmd) {
        case command::login:
            return run_login(ctx);
        case command::join:
            return run_join(ctx);
        case command::logout:
            return run_logout(ctx);
        case command::watch:
            return run_watch(ctx);
        case command::checkin:
            return run_checkin(ctx);
        case command::questions:
            return run_questions(ctx);
        case command::ask:
            return run_ask(ctx);
        case command::vote:
            return run_vote(ctx);
        case command::qa:
            return run_qa(ctx);
        case command::session:
            return run_session(ctx);
        case command::attendance:
            return run_attendance(ctx);
    }
    return cli::exit_usage;
}

}  // namespace bimtek::client::app
