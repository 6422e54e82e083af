// bimtek-server: the HTTP/WebSocket server of bimtek. See --help.
#include <sys/resource.h>

#include <iostream>

#include <CLI/CLI.hpp>

#include "server/app/add_user.hpp"
#include "server/app/server_app.hpp"

namespace {

// Thousands of online participants each hold a socket: allow as many as the system lets us.
void raise_file_limit() {
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &rl);
    }
}

}  // namespace

int main(int argc, char** argv) {
    using bimtek::app::server_options;
    server_options o;
    std::string sync = "full";

    CLI::App cli{"bimtek-server: hybrid training events (bimtek) — HTTP API, WebSocket stream and web pages"};
    cli.option_defaults()->always_capture_default();
    cli.add_option("--bind", o.bind, "address to listen on");
    cli.add_option("--port", o.port, "port to listen on; 0 picks a free one")->check(CLI::Range(0, 65535));
    cli.add_option("--data", o.data_dir, "data directory: bimtek.db and stored files");
    cli.add_flag("--demo", o.demo, "seed the demo event when the database is empty (writes DIR/demo.json)");
    cli.add_option("--demo-online", o.demo_online, "online participants in the demo event")->check(CLI::Range(0, 50000));
    cli.add_option("--threads", o.threads, "I/O threads; 0 = one per available CPU")->check(CLI::Range(0, 256));
    cli.add_option("--web", o.web_dir, "directory of the web pages (default: the repository's web/)");
    cli.add_option("--sync", sync, "SQLite commit durability: full (survives power loss) or normal (survives a crash of the process)")
        ->check(CLI::IsMember({"full", "normal"}));
    cli.add_option("--allow-origin", o.allowed_origins, "extra Origin allowed to open /ws (repeatable), e.g. https://bimtek.example.org");
    std::uint64_t max_upload_mb = o.max_upload_bytes / (1024 * 1024);
    cli.add_option("--max-upload-mb", max_upload_mb, "largest material upload, in MiB (larger ones get 413)")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1024 * 1024}));

    bimtek::app::add_user_options user;
    auto* add_user = cli.add_subcommand("add-user", "create a staff account (password from a prompt, or stdin when not a terminal)");
    add_user->add_option("--role", user.role, "coordinator or speaker")->required()->check(CLI::IsMember({"coordinator", "speaker"}));
    add_user->add_option("--username", user.username, "login name (a-z 0-9 . _ -)")->required();
    add_user->add_option("--display-name", user.display_name, "name shown to others");

    CLI11_PARSE(cli, argc, argv);
    o.sync_full = sync == "full";
    o.max_upload_bytes = max_upload_mb * 1024 * 1024;

    if (*add_user) {
        user.data_dir = o.data_dir;
        return bimtek::app::run_add_user(user);
    }

    raise_file_limit();
    auto app = bimtek::app::server_app::create(o);
    if (!app) {
        std::cerr << "bimtek-server: " << app.error().message << "\n";
        return 1;
    }
    std::cout << "listening on " << (*app)->base_url() << std::endl;
    if (o.demo) std::cout << "demo: credentials and access codes in " << (o.data_dir / "demo.json").string() << std::endl;
    (*app)->run();
    std::cout << "bimtek-server: stopped" << std::endl;
    return 0;
}
