// bimtek: the terminal client of bimtek. Captures the environment, chooses the network
// implementations (Beast for HTTP, WebSocket++ for the stream) and runs the command.
#include <cstdlib>
#include <string>
#include <vector>

#include "client/app/run_command.hpp"

int main(int argc, char** argv) {
    using namespace bimtek::client;
    store::environment env;
    for (char const* name : {"BIMTEK_SERVER", "BIMTEK_TOKEN", "BIMTEK_LANG", "XDG_CONFIG_HOME",
                             "XDG_DATA_HOME", "HOME"})
        if (char const* v = std::getenv(name)) env[name] = v;
    app::network net{
        [](net::server_url const& u) {
            return net::make_beast_http_transport(u.host, u.port, std::chrono::seconds(10));
        },
        [] { return net::make_websocketpp_transport(); },
    };
    std::vector<std::string> args(argv + 1, argv + argc);
    return app::run(args, env, net);
}
