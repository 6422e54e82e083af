// bimtek session start|end ID.
#include <ostream>

#include <boost/json.hpp>

#include "client/app/commands.hpp"
#include "client/cli/exit_codes.hpp"

namespace bimtek::client::app {

int run_session(command_context& ctx) {
    if (!ctx.has_token()) return ctx.no_token();
    auto const& c = ctx.cmd();
    auto id = std::to_string(*c.session_id);
    auto r =
        ctx.api().post("/api/v1/sessions/" + id + "/" + c.session_action, boost::json::object{});
    if (!r.ok()) return ctx.fail(r);
    std::string title;
    if (auto const* o = r.body.if_object())
        if (auto const* t = o->if_contains("title"); t && t->is_string()) title = t->as_string();
    ctx.out() << ctx.say(c.session_action == "start" ? ui::msg::session_started
                                                     : ui::msg::session_ended,
                         {id, title})
              << "\n";
    return cli::exit_ok;
}

}  // namespace bimtek::client::app
