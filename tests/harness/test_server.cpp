#include "tests/harness/test_server.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <boost/json.hpp>

#include "tests/harness/http_client.hpp"

namespace bimtek::testing {
namespace json = boost::json;

test_server::test_server(test_server_options o) : options_(o) { start(o.demo); }

void test_server::restart() {
    app_->stop();
    runner_.join();
    app_.reset();
    start(false);
}

void test_server::start(bool seed) {
    app::server_options so;
    so.port = 0;
    so.data_dir = dir_.path();
    so.web_dir = std::string(BIMTEK_SOURCE_DIR) + "/web";
    so.demo = seed;
    so.demo_online = options_.demo_online;
    so.threads = options_.threads;
    so.handle_signals = false;
    so.presence_grace = options_.presence_grace;
    so.ws_max_queue = options_.ws_max_queue;
    so.ws_hello_timeout = options_.ws_hello_timeout;
    so.max_upload_bytes = options_.max_upload_bytes;
    auto created = app::server_app::create(so);
    if (!created) throw std::runtime_error("server did not start: " + created.error().message);
    app_ = std::move(*created);
    runner_ = std::thread([this] { app_->run(); });
    if (seed) {
        std::ifstream in(dir_ / "demo.json");
        std::stringstream ss;
        ss << in.rdbuf();
        demo_ = json::parse(ss.str());
    }
}

test_server::~test_server() {
    app_->stop();
    runner_.join();
}

std::int64_t test_server::event_id() const { return demo_.at("event_id").as_int64(); }

namespace {

std::string token_from(http_response const& r, char const* what) {
    if (r.status != 200) throw std::runtime_error(std::string(what) + " failed: " + std::to_string(r.status) + " " + r.body);
    return std::string(r.json().at("token").as_string());
}

}  // namespace

std::string test_server::login_coordinator() const {
    http_client c(port());
    return token_from(c.post("/api/v1/login", json::serialize(demo_.at("coordinator"))), "login");
}

std::string test_server::login_speaker() const {
    http_client c(port());
    auto const& s = demo_.at("speaker").as_object();
    json::object creds{{"username", s.at("username")}, {"password", s.at("password")}};
    return token_from(c.post("/api/v1/login", json::serialize(creds)), "login");
}

std::string test_server::join(std::string const& code) const {
    http_client c(port());
    return token_from(c.post("/api/v1/join", json::serialize(json::object{{"code", code}})), "join");
}

std::string test_server::code_of(std::string const& mode, std::size_t index) const {
    for (auto const& p : demo_.at("participants").as_array()) {
        if (p.at("mode").as_string() != mode) continue;
        if (index-- == 0) return std::string(p.at("code").as_string());
    }
    throw std::runtime_error("no such demo participant");
}

}  // namespace bimtek::testing
