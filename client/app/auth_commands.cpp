// bimtek login / join / logout.
#include <ostream>

#include <boost/json.hpp>

#include "client/app/commands.hpp"
#include "client/cli/exit_codes.hpp"
#include "client/cli/password_prompt.hpp"
#include "client/store/credentials.hpp"

namespace bimtek::client::app {
namespace json = boost::json;
using ui::msg;

namespace {

std::string field(json::value const& v, std::initializer_list<char const*> path) {
    json::value const* at = &v;
    for (auto const* key : path) {
        auto const* o = at->if_object();
        if (!o || !(at = o->if_contains(key))) return {};
    }
    return at->is_string() ? std::string(at->as_string()) : std::string();
}

int store_token(command_context& ctx, store::credentials const& c) {
    auto file = store::credentials_file(ctx.env());
    if (auto st = store::save_credentials(file, c); !st) {
        ctx.err() << ctx.say(msg::err_save_token, {st.error()}) << "\n";
        return cli::exit_failed;
    }
    ctx.out() << ctx.say(msg::token_saved_at, {file.string()}) << "\n";
    return cli::exit_ok;
}

}  // namespace

int run_login(command_context& ctx) {
    auto password = cli::read_password(std::string(ui::text(ctx.lang(), msg::password_prompt)));
    if (!password || password->empty()) {
        ctx.err() << ctx.say(msg::err_read_password) << "\n";
        return cli::exit_usage;
    }
    ctx.api().set_token({});
    auto r = ctx.api().post("/api/v1/login",
                            json::object{{"username", ctx.cmd().user}, {"password", *password}});
    if (!r.ok()) return ctx.fail(r);
    store::credentials c{ctx.server_text(), field(r.body, {"token"}),
                         field(r.body, {"user", "role"}), field(r.body, {"user", "display_name"}),
                         field(r.body, {"expires_at"})};
    if (c.token.empty()) {
        ctx.err() << ctx.say(msg::err_bad_reply) << "\n";
        return cli::exit_failed;
    }
    ctx.out() << ctx.say(msg::login_ok, {c.name.empty() ? ctx.cmd().user : c.name, c.role}) << "\n";
    return store_token(ctx, c);
}

int run_join(command_context& ctx) {
    ctx.api().set_token({});
    auto r = ctx.api().post("/api/v1/join", json::object{{"code", ctx.cmd().join_code}});
    if (!r.ok()) return ctx.fail(r);
    store::credentials c{ctx.server_text(), field(r.body, {"token"}), "participant",
                         field(r.body, {"participant", "name"}), field(r.body, {"expires_at"})};
    if (c.token.empty()) {
        ctx.err() << ctx.say(msg::err_bad_reply) << "\n";
        return cli::exit_failed;
    }
    ctx.out() << ctx.say(msg::join_ok, {c.name}) << "\n";
    return store_token(ctx, c);
}

int run_logout(command_context& ctx) {
    if (!ctx.has_token()) return ctx.no_token();
    auto r = ctx.api().post("/api/v1/logout", json::object{});
    // A token the server no longer knows is as good as logged out.
    if (!r.ok() && r.what != api::outcome::auth) return ctx.fail(r);
    auto file = store::credentials_file(ctx.env());
    if (auto stored = store::load_credentials(file); stored && stored->token == ctx.token()) {
        if (auto st = store::remove_credentials(file); !st) {
            ctx.err() << ctx.say(msg::err_local, {st.error()}) << "\n";
            return cli::exit_failed;
        }
    }
    ctx.out() << ctx.say(msg::logout_ok, {file.string()}) << "\n";
    return cli::exit_ok;
}

}  // namespace bimtek::client::app
