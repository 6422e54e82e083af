#include "client/cli/command_line.hpp"

#include <algorithm>

#include <CLI/CLI.hpp>

#include "client/cli/parse_error_text.hpp"
#include "client/net/server_url.hpp"

namespace bimtek::client::cli {

namespace {

std::optional<std::string> env_value(store::environment const& env, char const* name) {
    auto it = env.find(name);
    if (it == env.end() || it->second.empty()) return std::nullopt;
    return it->second;
}

std::optional<std::string> lang_arg(std::vector<std::string> const& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--lang" && i + 1 < args.size()) return args[i + 1];
        if (args[i].starts_with("--lang=")) return args[i].substr(7);
    }
    return std::nullopt;
}

// A parse error in the user's language (see parse_error_text.hpp).
std::string explain(CLI::App& app, CLI::ParseError const& e, ui::lang l) {
    auto kind = parse_mistake::other;
    std::vector<std::string> extras;
    if (dynamic_cast<CLI::RequiredError const*>(&e)) {
        kind = parse_mistake::required;
    } else if (dynamic_cast<CLI::ExtrasError const*>(&e)) {
        kind = parse_mistake::unexpected;
        extras = app.remaining(true);
    } else if (dynamic_cast<CLI::ExcludesError const*>(&e)) {
        kind = parse_mistake::excludes;
    } else if (dynamic_cast<CLI::RequiresError const*>(&e)) {
        kind = parse_mistake::needs;
    } else if (dynamic_cast<CLI::ConversionError const*>(&e)) {
        kind = parse_mistake::conversion;
    } else if (dynamic_cast<CLI::ValidationError const*>(&e)) {
        kind = parse_mistake::validation;
    } else if (dynamic_cast<CLI::ArgumentMismatch const*>(&e)) {
        kind = parse_mistake::argument_mismatch;
    }
    return parse_error_text(kind, e.what(), l, extras);
}

}  // namespace

ui::lang language_of(std::vector<std::string> const& args, store::environment const& env) {
    if (auto a = lang_arg(args)) return ui::parse_lang(*a).value_or(ui::lang::id);
    if (auto e = env_value(env, "BIMTEK_LANG")) return ui::parse_lang(*e).value_or(ui::lang::id);
    return ui::lang::id;
}

parse_outcome parse_command_line(std::vector<std::string> const& args,
                                 store::environment const& env) {
    using ui::msg;
    ui::lang const l = language_of(args, env);
    auto t = [l](msg m) { return std::string(ui::text(l, m)); };

    command_line c;
    c.language = l;
    std::string lang_text;
    std::string server_text;
    std::string token_text;

    CLI::App app{t(msg::app_description), "bimtek"};
    app.footer(t(msg::exit_codes_epilog));
    app.set_help_flag("-h,--help", t(msg::opt_help));
    app.fallthrough();
    app.require_subcommand(0, 1);
    app.add_option("--server", server_text, t(msg::opt_server));
    app.add_option("--token", token_text, t(msg::opt_token));
    app.add_option("--lang", lang_text, t(msg::opt_lang));

    auto sub = [&](char const* name, msg description) {
        auto* s = app.add_subcommand(name, t(description));
        s->footer(t(msg::exit_codes_epilog));
        s->set_help_flag("-h,--help", t(msg::opt_help));
        s->fallthrough();
        return s;
    };

    auto* login = sub("login", msg::cmd_login);
    login->add_option("--user,-u", c.user, t(msg::opt_user))->required();

    auto* join = sub("join", msg::cmd_join);
    join->add_option("--code,-c", c.join_code, t(msg::opt_join_code))->required();

    auto* logout = sub("logout", msg::cmd_logout);

    auto* watch = sub("watch", msg::cmd_watch);
    watch->add_flag("--json", c.json, t(msg::opt_json));
    watch->add_option("--since", c.since, t(msg::opt_since))->check(CLI::NonNegativeNumber);
    watch->add_option("--event", c.event_id, t(msg::opt_event))->check(CLI::PositiveNumber);

    auto* checkin = sub("checkin", msg::cmd_checkin);
    checkin->add_option("--queue", c.queue_file, t(msg::opt_queue));
    checkin->add_option("--drain-timeout", c.drain_timeout, t(msg::opt_drain_timeout))
        ->check(CLI::Range(0, 86400))
        ->capture_default_str();
    auto* flush = checkin->add_flag("--flush", c.flush, t(msg::opt_flush));
    checkin->add_option("--code,-c", c.checkin_code, t(msg::opt_checkin_code))->excludes(flush);
    checkin->add_option("--event", c.event_id, t(msg::opt_event))->check(CLI::PositiveNumber);

    auto* questions = sub("questions", msg::cmd_questions);
    questions->add_option("--session", c.session_id, t(msg::opt_session))
        ->check(CLI::PositiveNumber);
    questions->add_option("--event", c.event_id, t(msg::opt_event))->check(CLI::PositiveNumber);
    questions->add_flag("--json", c.json, t(msg::opt_json));
    questions->add_flag("--all", c.all, t(msg::opt_all));

    auto* ask = sub("ask", msg::cmd_ask);
    ask->add_option("text", c.text, t(msg::opt_text))->required();
    ask->add_flag("--anonymous,-a", c.anonymous, t(msg::opt_anonymous));
    ask->add_option("--session", c.session_id, t(msg::opt_session))->check(CLI::PositiveNumber);
    ask->add_option("--event", c.event_id, t(msg::opt_event))->check(CLI::PositiveNumber);

    auto* vote = sub("vote", msg::cmd_vote);
    vote->add_option("id", c.question_id, t(msg::opt_question_id))
        ->required()
        ->check(CLI::PositiveNumber);
    vote->add_flag("--undo", c.unvote, t(msg::opt_unvote));

    auto* qa = sub("qa", msg::cmd_qa);
    auto* qa_action = qa->add_option("action", c.qa_action, t(msg::opt_qa_action))
                          ->check(CLI::IsMember({"approve", "answer", "pin", "hide"}));
    qa->add_option("question", c.question_id, t(msg::opt_qa_question))
        ->check(CLI::PositiveNumber)
        ->needs(qa_action);
    qa->add_option("--session", c.session_id, t(msg::opt_session))->check(CLI::PositiveNumber);
    qa->add_option("--event", c.event_id, t(msg::opt_event))->check(CLI::PositiveNumber);

    auto* session = sub("session", msg::cmd_session);
    session->add_option("action", c.session_action, t(msg::opt_session_action))
        ->required()
        ->check(CLI::IsMember({"start", "end"}));
    session->add_option("id", c.session_id, t(msg::opt_session_id))
        ->required()
        ->check(CLI::PositiveNumber);

    auto* attendance = sub("attendance", msg::cmd_attendance);
    attendance->add_option("--format", c.format, t(msg::opt_format))
        ->check(CLI::IsMember({"csv", "json"}))
        ->capture_default_str();
    attendance->add_option("--out,-o", c.out_file, t(msg::opt_out));
    attendance->add_option("--event", c.event_id, t(msg::opt_event))->check(CLI::PositiveNumber);

    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (CLI::CallForHelp const&) {
        return help_request{app.help()};
    } catch (CLI::CallForAllHelp const&) {
        return help_request{app.help()};
    } catch (CLI::ParseError const& e) {
        return usage_error{ui::format(l, msg::usage_error, {explain(app, e, l)})};
    }

    if (!lang_text.empty() && !ui::parse_lang(lang_text))
        return usage_error{
            ui::format(l, msg::usage_error, {ui::format(l, msg::bad_lang, {lang_text})})};
    if (auto e = env_value(env, "BIMTEK_LANG"); e && lang_text.empty() && !ui::parse_lang(*e))
        return usage_error{ui::format(l, msg::usage_error, {ui::format(l, msg::bad_lang, {*e})})};

    if (!server_text.empty()) {
        c.server = server_text;
    } else {
        c.server = env_value(env, "BIMTEK_SERVER");
    }
    if (c.server && !net::parse_server_url(*c.server))
        return usage_error{
            ui::format(l, msg::usage_error, {ui::format(l, msg::bad_server_url, {*c.server})})};
    if (!token_text.empty()) {
        c.token = token_text;
    } else {
        c.token = env_value(env, "BIMTEK_TOKEN");
    }

    struct named {
        CLI::App* app;
        command cmd;
    };
    for (auto [s, cmd] :
         {named{login, command::login}, named{join, command::join}, named{logout, command::logout},
          named{watch, command::watch}, named{checkin, command::checkin},
          named{questions, command::questions}, named{ask, command::ask},
          named{vote, command::vote}, named{qa, command::qa}, named{session, command::session},
          named{attendance, command::attendance}}) {
        if (s->parsed()) {
            c.cmd = cmd;
            return c;
        }
    }
    return help_request{app.help(), true};
}

}  // namespace bimtek::client::cli
