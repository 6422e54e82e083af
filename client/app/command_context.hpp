// What every command gets: the parsed command line, the resolved server and token, an API
// client, the ways to open network connections (injected by main.cpp), and the streams to
// print on. Also the one place that turns an API failure into a message and an exit code.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "client/api/api_client.hpp"
#include "client/cli/command_line.hpp"
#include "client/net/http_transport.hpp"
#include "client/net/server_url.hpp"
#include "client/net/ws_transport.hpp"
#include "client/store/paths.hpp"
#include "client/ui/messages.hpp"

namespace bimtek::client::app {

// How to reach the network; main.cpp supplies Beast and WebSocket++.
struct network {
    std::function<std::unique_ptr<net::http_transport>(net::server_url const&)> http;
    std::function<std::unique_ptr<net::ws_transport>()> ws;
};

class command_context {
public:
    command_context(cli::command_line const& cmd, store::environment const& env, network const& net,
                    std::ostream& out, std::ostream& err);

    cli::command_line const& cmd() const { return cmd_; }
    store::environment const& env() const { return env_; }
    network const& net() const { return net_; }
    ui::lang lang() const { return cmd_.language; }
    std::ostream& out() { return out_; }
    std::ostream& err() { return err_; }

    net::server_url const& server() const { return server_; }
    std::string const& server_text() const { return server_text_; }  // "http://HOST:PORT"
    std::string const& token() const { return token_; }
    bool has_token() const { return !token_.empty(); }
    std::string const& role() const { return role_; }  // from the stored credentials, if any
    api::api_client& api() { return *api_; }

    // Prints why "r" failed (in the chosen language) and returns the exit code for it.
    int fail(api::api_reply const& r);
    // Prints "not logged in" and returns exit_auth.
    int no_token();
    std::string say(ui::msg m, std::initializer_list<std::string_view> args = {}) const {
        return ui::format(lang(), m, args);
    }

private:
    cli::command_line const& cmd_;
    store::environment const& env_;
    network const& net_;
    std::ostream& out_;
    std::ostream& err_;
    net::server_url server_;
    std::string server_text_;
    std::string token_;
    std::string role_;
    std::unique_ptr<net::http_transport> http_;
    std::unique_ptr<api::api_client> api_;
};

}  // namespace bimtek::client::app
