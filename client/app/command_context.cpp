#include "client/app/command_context.hpp"

#include <ostream>

#include "client/cli/exit_codes.hpp"
#include "client/store/credentials.hpp"

namespace bimtek::client::app {

namespace {
constexpr char const* default_server = "http://127.0.0.1:8080";
}

command_context::command_context(cli::command_line const& cmd, store::environment const& env,
                                 network const& net, std::ostream& out, std::ostream& err)
    : cmd_(cmd), env_(env), net_(net), out_(out), err_(err) {
    auto stored = store::load_credentials(store::credentials_file(env));
    server_text_ = cmd.server                          ? *cmd.server
                   : stored && !stored->server.empty() ? stored->server
                                                       : default_server;
    server_ = net::parse_server_url(server_text_).value_or(net::server_url{"127.0.0.1", "8080"});
    server_text_ = server_.http_base();
    if (cmd.token) {
        token_ = *cmd.token;
    } else if (stored &&
               net::parse_server_url(stored->server).value_or(net::server_url{}).http_base() ==
                   server_text_) {
        token_ = stored->token;
        role_ = stored->role;
    }
    http_ = net.http(server_);
    api_ = std::make_unique<api::api_client>(*http_, token_);
}

int command_context::fail(api::api_reply const& r) {
    using api::outcome;
    switch (r.what) {
        case outcome::ok:
            return cli::exit_ok;
        case outcome::unreachable:
            err_ << say(ui::msg::err_unreachable, {server_text_, ui::describe(lang(), r.fault)})
                 << "\n";
            return cli::exit_unreachable;
        case outcome::auth:
            if (r.status == 403) {
                err_ << say(ui::msg::err_auth_forbidden, {r.code}) << "\n";
            } else if (r.code == "invalid_credentials") {
                err_ << say(ui::msg::err_invalid_credentials) << "\n";
            } else if (r.code == "unknown_code") {
                err_ << say(ui::msg::err_unknown_join_code) << "\n";
            } else {
                err_ << say(ui::msg::err_auth_token, {r.code}) << "\n";
            }
            return cli::exit_auth;
        case outcome::rejected:
            err_ << say(ui::msg::err_rejected, {r.message.empty() ? r.code : r.message, r.code})
                 << "\n";
            return cli::exit_failed;
        case outcome::server_error:
            if (r.status == 429) {
                err_ << say(ui::msg::err_too_many, {r.retry_after.empty() ? "?" : r.retry_after})
                     << "\n";
            } else if (r.status >= 200 && r.status < 300) {
                err_ << say(ui::msg::err_bad_reply) << "\n";
            } else {
                err_ << say(ui::msg::err_server, {r.message.empty() ? r.code : r.message, r.code})
                     << "\n";
            }
            return cli::exit_failed;
    }
    return cli::exit_failed;
}

int command_context::no_token() {
    err_ << say(ui::msg::err_no_token) << "\n";
    return cli::exit_auth;
}

}  // namespace bimtek::client::app
