// Shared pieces of the client's integration tests: a private home for the client (config and
// data directories), and bimtek-server as a process on a port the test chooses.
#pragma once

#include <boost/json.hpp>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "tests/client/client_process.hpp"
#include "tests/harness/http_client.hpp"
#include "tests/harness/server_process.hpp"
#include "tests/harness/temp_dir.hpp"

namespace bimtek::testing {

// XDG directories of their own, so no test touches the user's files.
struct client_home {
    temp_dir dir;
    env_vars env() const {
        return {{"HOME", dir.path().string()},
                {"XDG_CONFIG_HOME", (dir / "config").string()},
                {"XDG_DATA_HOME", (dir / "data").string()}};
    }
};

// bimtek-server as a child process on "port" with its data in "data" (the demo seeded on the
// first start); start() again after stop() is a restart on the same port and data.
class server_on_port {
public:
    server_on_port(std::uint16_t port, std::filesystem::path data)
        : port_(port), data_(std::move(data)) {}
    void start() {
        process_ = std::make_unique<server_process>(
            std::vector<std::string>{"--data", data_.string(), "--port", std::to_string(port_),
                                     "--demo", "--demo-online", "20", "--threads", "2"});
        if (process_->wait_listening() != port_)
            throw std::runtime_error("server did not start: " + process_->output());
    }
    int stop(int sig = SIGTERM) {
        int st = process_ ? process_->stop(sig) : -1;
        process_.reset();
        return st;
    }
    std::uint16_t port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    boost::json::value demo() const {
        std::ifstream in(data_ / "demo.json");
        std::stringstream ss;
        ss << in.rdbuf();
        return boost::json::parse(ss.str());
    }
    std::string login_coordinator() const {
        http_client c(port_);
        auto r = c.post("/api/v1/login", boost::json::serialize(demo().at("coordinator")));
        if (r.status != 200) throw std::runtime_error("login failed: " + r.body);
        return std::string(r.json().at("token").as_string());
    }

private:
    std::uint16_t port_;
    std::filesystem::path data_;
    std::unique_ptr<server_process> process_;
};

// The access codes of the demo's first "n" participants with "mode".
inline std::vector<std::string> demo_codes(boost::json::value const& demo, std::string const& mode,
                                           std::size_t n) {
    std::vector<std::string> out;
    for (auto const& p : demo.at("participants").as_array())
        if (p.at("mode").as_string() == mode && out.size() < n)
            out.emplace_back(p.at("code").as_string());
    return out;
}

// JSON lines of "text" (blank lines and an unfinished last line skipped).
inline std::vector<boost::json::object> json_lines(std::string const& text) {
    std::vector<boost::json::object> out;
    std::istringstream in(
        text.substr(0, text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1));
    for (std::string l; std::getline(in, l);)
        if (!l.empty()) out.push_back(boost::json::parse(l).as_object());
    return out;
}

}  // namespace bimtek::testing
