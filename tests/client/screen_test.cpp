// The full-screen view of `bimtek watch` in a real terminal: tmux at 80x24, its pane read back
// with capture-pane. Skipped when tmux is not installed.
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <thread>

#include "tests/client/client_test_support.hpp"
#include "tests/harness/test_server.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

std::string shell_quote(std::string const& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string read_file(std::filesystem::path const& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A private tmux server (its own socket), killed at the end.
class tmux_session {
public:
    tmux_session() : socket_("bimtek-test-" + std::to_string(::getpid())) {}
    ~tmux_session() { run("kill-server"); }

    std::string run(std::string const& args) {
        std::string cmd = "tmux -L " + socket_ + " " + args + " 2>&1";
        std::string out;
        if (FILE* p = ::popen(cmd.c_str(), "r")) {
            char buf[4096];
            std::size_t n;
            while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
            ::pclose(p);
        }
        return out;
    }
    std::string screen() { return run("capture-pane -p -t bimtek"); }
    // Waits until the pane shows "needle".
    bool wait_for(std::string const& needle, std::chrono::milliseconds timeout) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            if (screen().find(needle) != std::string::npos) return true;
            std::this_thread::sleep_for(100ms);
        }
        return false;
    }

private:
    std::string socket_;
};

TEST(ScreenTest, WatchDrawsTheLiveViewAt80x24AndRestoresTheTerminal) {
    if (std::system("command -v tmux >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "tmux is not installed";
    test_server server;
    client_home home;
    auto token = server.login_coordinator();
    auto url = "http://127.0.0.1:" + std::to_string(server.port());
    // The shell waits for bimtek and prints its exit status on the restored screen.
    std::string command = "env";
    for (auto const& [k, v] : home.env()) command += " " + k + "=" + shell_quote(v);
    command += " TERM=xterm-256color " + shell_quote(client_binary()) + " --server " + url +
               " --token " + token + " watch 2>" + shell_quote((home.dir / "stderr.txt").string()) +
               "; echo BIMTEK_EXIT=$?; sleep 60";

    tmux_session tmux;
    auto started = tmux.run("new-session -d -s bimtek -x 80 -y 24 " + shell_quote(command));
    ASSERT_TRUE(started.empty()) << started;
    ASSERT_TRUE(tmux.wait_for("Terhubung", 15s)) << tmux.screen();

    auto screen = tmux.screen();
    EXPECT_NE(screen.find("BIMTEK · Bimtek Kewirausahaan Sosial"), std::string::npos) << screen;
    EXPECT_NE(screen.find("Hadir sekarang"), std::string::npos) << screen;
    EXPECT_NE(screen.find("Sesi berjalan"), std::string::npos) << screen;
    EXPECT_NE(screen.find("Pertanyaan teratas"), std::string::npos) << screen;
    EXPECT_NE(screen.find("Ctrl-C: keluar"), std::string::npos) << screen;
    std::size_t lines = 0;
    for (char c : screen) lines += c == '\n';
    EXPECT_EQ(lines, 24u) << screen;

    http_client http(server.port());
    http.set_token(token);
    auto r = http.post("/api/v1/events/" + std::to_string(server.event_id()) + "/checkins",
                       json::serialize(json::object{{"code", server.code_of("onsite", 0)}}));
    ASSERT_EQ(r.status, 201);
    auto name =
        std::string(server.demo().at("participants").as_array().at(0).at("name").as_string());
    ASSERT_TRUE(tmux.wait_for(name + " hadir di lokasi", 5s)) << tmux.screen();
    EXPECT_NE(tmux.screen().find("Di lokasi     1 / 50"), std::string::npos) << tmux.screen();

    tmux.run("send-keys -t bimtek C-c");
    ASSERT_TRUE(tmux.wait_for("BIMTEK_EXIT=", 10s))
        << tmux.screen() << read_file(home.dir / "stderr.txt");
    auto after = tmux.screen();
    EXPECT_NE(after.find("BIMTEK_EXIT=0"), std::string::npos) << after;
    EXPECT_EQ(after.find("Hadir sekarang"), std::string::npos)
        << after;  // back on the normal screen
}

}  // namespace
}  // namespace bimtek::testing
