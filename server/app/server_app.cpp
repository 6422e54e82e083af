#include "server/app/server_app.hpp"

#include <sched.h>

#include <iostream>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include "server/app/demo_seed.hpp"
#include "server/domain/account_service.hpp"
#include "server/domain/attendance_service.hpp"
#include "server/domain/auth_service.hpp"
#include "server/domain/certificate_service.hpp"
#include "server/domain/checkin_service.hpp"
#include "server/domain/completion_service.hpp"
#include "server/domain/event_service.hpp"
#include "server/domain/material_service.hpp"
#include "server/domain/presence_service.hpp"
#include "server/domain/qa_service.hpp"
#include "server/domain/roster_service.hpp"
#include "server/domain/stream_service.hpp"
#include "server/security/hmac_link_signer.hpp"
#include "server/security/sodium_crypto.hpp"
#include "server/storage/file_store.hpp"
#include "server/storage/sqlite_store.hpp"
#include "server/transport/api/api_routes.hpp"
#include "server/transport/http/connection_registry.hpp"
#include "server/transport/http/listener.hpp"
#include "server/transport/http/static_files.hpp"
#include "server/transport/io_pool.hpp"
#include "server/transport/ws/broadcast_hub.hpp"
#include "server/transport/ws/ws_connection.hpp"

#ifndef BIMTEK_DEFAULT_WEB_DIR
#define BIMTEK_DEFAULT_WEB_DIR "web"
#endif

namespace bimtek::app {
namespace net = boost::asio;
namespace fs = std::filesystem;

int available_cpus() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof set, &set) != 0) return 1;
    int n = CPU_COUNT(&set);
    return n > 0 ? n : 1;
}

// Members are declared in the order they must be built and are destroyed in reverse: the
// io_context goes first (destroying any handler still pending, and with it the connections),
// while everything a connection uses — contexts, router, services, store, hub — is still there.
struct server_app::impl {
    server_options options;
    // The I/O threads. Reset first in ~impl (see there); declared first so it exists for all.
    std::unique_ptr<transport::io_pool> pool;
    // The heavy handlers' threads (transport::run_on::worker): two, so a login or a PDF never
    // waits long behind another, while argon2id (64 MiB each) stays bounded in memory.
    std::unique_ptr<net::thread_pool> workers = std::make_unique<net::thread_pool>(2);

    domain::system_clock clock;
    security::sodium_crypto crypto;
    std::unique_ptr<transport::broadcast_hub> hub;  // the store's notifier: outlives the store
    std::unique_ptr<storage::sqlite_store> store;

    std::unique_ptr<domain::auth_service> auth;
    std::unique_ptr<domain::account_service> accounts;
    std::unique_ptr<domain::event_service> events;
    std::unique_ptr<domain::roster_service> roster;
    std::unique_ptr<domain::checkin_service> checkins;
    std::unique_ptr<domain::attendance_service> attendance;
    std::unique_ptr<domain::qa_service> qa;
    std::unique_ptr<domain::presence_service> presence;
    std::unique_ptr<domain::stream_service> stream;
    std::unique_ptr<storage::disk_file_store> files;           // DATA/files: materials by hash
    std::unique_ptr<security::hmac_link_signer> link_signer;  // key in DATA/link.key
    std::unique_ptr<domain::material_service> materials;
    std::unique_ptr<domain::completion_service> completion;
    std::unique_ptr<domain::certificate_service> certificates;

    std::unique_ptr<transport::router> routes;
    std::unique_ptr<transport::static_files> pages;
    transport::connection_registry connections;
    transport::http_context http;
    transport::ws_context ws;

    // I/O objects of the pool's first thread, where the app's own work runs.
    std::shared_ptr<transport::listener> acceptor;
    std::unique_ptr<net::signal_set> signals;
    std::unique_ptr<net::steady_timer> presence_timer;  // drives presence_service::flush
    std::unique_ptr<net::steady_timer> shutdown_timer;
    std::chrono::steady_clock::time_point shutdown_deadline{};
    bool stopping = false;  // only touched on the pool's first thread

    explicit impl(server_options o)
        : options(std::move(o)),
          pool(std::make_unique<transport::io_pool>(static_cast<std::size_t>(options.threads))),
          hub(std::make_unique<transport::broadcast_hub>(*pool)) {
        auto& first = pool->context(0);
        signals = std::make_unique<net::signal_set>(first);
        presence_timer = std::make_unique<net::steady_timer>(first);
        shutdown_timer = std::make_unique<net::steady_timer>(first);
    }

    // The I/O objects go before the contexts they use, and the contexts before everything
    // else: destroying a context destroys its pending handlers, and with them the connections,
    // which still need the hub, the services and the registry on their way out.
    ~impl() {
        signals.reset();
        presence_timer.reset();
        shutdown_timer.reset();
        acceptor.reset();
        hub->drop_timers();
        // A handler still running on a worker posts its answer back to an I/O context: let it
        // finish while the contexts exist (the answer is then dropped with them).
        workers->join();
        pool.reset();
    }

    void begin_stop() {
        if (stopping) return;
        stopping = true;
        boost::system::error_code ignored;
        signals->cancel(ignored);
        presence_timer->cancel();
        acceptor->stop();
        hub->stop_sweeping();
        connections.shutdown_all();
        shutdown_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        wait_for_connections();
    }

    // Twice a second: writes who came and who left (after their grace window), in one batch,
    // on a worker: with thousands online the heartbeat's batch takes milliseconds, which the
    // connections of the first I/O thread should not wait for. The next round is armed on the
    // first thread once this one is written, so rounds never overlap.
    void flush_presence() {
        if (stopping) return;
        presence_timer->expires_after(std::chrono::milliseconds(500));
        presence_timer->async_wait([this](boost::system::error_code ec) {
            if (ec || stopping) return;
            net::post(*workers, [this] {
                if (auto st = presence->flush(); !st)
                    std::cerr << "bimtek-server: presence: " << st.error().message << "\n";
                net::post(pool->context(0), [this] { flush_presence(); });
            });
        });
    }

    // Polls until every connection has finished, or the grace period is over.
    void wait_for_connections() {
        if (connections.size() == 0) {
            // Arrivals not written yet become intervals (crash recovery closes them later).
            if (auto st = presence->flush(); !st) std::cerr << "bimtek-server: presence: " << st.error().message << "\n";
            pool->release();  // the threads end once their last handlers ran
            return;
        }
        if (std::chrono::steady_clock::now() >= shutdown_deadline) {
            std::cerr << "bimtek-server: " << connections.size() << " connections did not finish in time\n";
            pool->stop();
            return;
        }
        shutdown_timer->expires_after(std::chrono::milliseconds(50));
        shutdown_timer->async_wait([this](boost::system::error_code ec) {
            if (!ec) wait_for_connections();
        });
    }
};

server_app::server_app(std::unique_ptr<impl> p) : impl_(std::move(p)) {}

server_app::~server_app() = default;

domain::result<std::unique_ptr<server_app>> server_app::create(server_options options) {
    if (options.threads <= 0) options.threads = available_cpus();
    if (options.web_dir.empty()) options.web_dir = BIMTEK_DEFAULT_WEB_DIR;
    std::error_code ec;
    fs::create_directories(options.data_dir / "tmp", ec);
    if (ec)
        return domain::make_error(domain::error_kind::internal, "data_dir_unusable",
                                  "cannot create the data directory " + options.data_dir.string() + ": " + ec.message());

    auto p = std::make_unique<impl>(std::move(options));
    auto& o = p->options;
    storage::database_options db_options;
    db_options.synchronous_full = o.sync_full;
    auto store = storage::sqlite_store::open((o.data_dir / "bimtek.db").string(), *p->hub, db_options);
    if (!store) return store.error();
    p->store = std::move(*store);

    p->auth = std::make_unique<domain::auth_service>(*p->store, p->crypto, p->clock);
    p->accounts = std::make_unique<domain::account_service>(*p->store, p->crypto, p->clock);
    p->events = std::make_unique<domain::event_service>(*p->store, p->crypto, p->clock);
    p->roster = std::make_unique<domain::roster_service>(*p->store, p->crypto, p->clock);
    p->checkins = std::make_unique<domain::checkin_service>(*p->store, p->clock);
    p->attendance = std::make_unique<domain::attendance_service>(*p->store, p->clock);
    p->qa = std::make_unique<domain::qa_service>(*p->store, p->clock);
    domain::presence_policy presence_policy;
    presence_policy.grace = o.presence_grace;
    p->presence = std::make_unique<domain::presence_service>(*p->store, p->clock, presence_policy);
    p->stream = std::make_unique<domain::stream_service>(*p->store);
    auto link_key = security::load_link_key(o.data_dir / "link.key");
    if (!link_key) return link_key.error();
    p->files = std::make_unique<storage::disk_file_store>(o.data_dir / "files");
    p->link_signer = std::make_unique<security::hmac_link_signer>(*link_key);
    p->materials = std::make_unique<domain::material_service>(
        *p->store, *p->files, *p->link_signer, p->clock, domain::material_policy{o.max_upload_bytes});
    p->completion = std::make_unique<domain::completion_service>(*p->store, p->clock);
    p->certificates = std::make_unique<domain::certificate_service>(*p->store, p->crypto, p->clock);
    // Presence intervals a crash left open end when their participants were last seen.
    if (auto recovered = p->presence->recover(); !recovered) return recovered.error();

    if (o.demo) {
        demo_services services{*p->accounts, *p->events, *p->roster, *p->store, p->crypto};
        auto seeded = seed_demo_if_empty(services, o.data_dir / "demo.json", o.demo_online, p->clock);
        if (!seeded) return seeded.error();
    }

    auto* auth = p->auth.get();
    p->routes = std::make_unique<transport::router>(
        [auth](std::string_view token) { return auth->authenticate(token); });
    transport::api_services api{*p->auth,     *p->accounts,   *p->events, *p->roster,
                                *p->checkins, *p->attendance, *p->qa,
                                *p->materials, *p->completion, *p->certificates, o.data_dir / "tmp"};
    transport::add_api_routes(*p->routes, api);
    p->pages = std::make_unique<transport::static_files>(o.web_dir);
    auto* pages = p->pages.get();
    p->routes->set_fallback([pages](transport::api_request& req) { return pages->serve(req); });

    p->http.routes = p->routes.get();
    p->http.connections = &p->connections;
    p->http.upload_dir = o.data_dir / "tmp";
    p->http.workers = p->workers.get();
    p->ws.auth = p->auth.get();
    p->ws.stream = p->stream.get();
    p->ws.presence = p->presence.get();
    p->ws.hub = p->hub.get();
    p->ws.connections = &p->connections;
    p->ws.allowed_origins = o.allowed_origins;
    p->ws.max_queue = o.ws_max_queue;
    p->ws.hello_timeout = o.ws_hello_timeout;
    p->http.ws_upgrade = [ws = &p->ws](net::ip::tcp::socket&& socket, transport::upgrade_request&& req, std::string) {
        transport::accept_ws_upgrade(*ws, std::move(socket), std::move(req));
    };

    boost::system::error_code addr_ec;
    auto address = net::ip::make_address(o.bind, addr_ec);
    if (addr_ec)
        return domain::make_error(domain::error_kind::invalid, "bad_bind_address", "not an IP address: " + o.bind);
    try {
        p->acceptor = std::make_shared<transport::listener>(*p->pool, net::ip::tcp::endpoint{address, o.port}, p->http);
    } catch (boost::system::system_error const& e) {
        return domain::make_error(domain::error_kind::internal, "listen_failed",
                                  "cannot listen on " + o.bind + ":" + std::to_string(o.port) + ": " + e.code().message());
    }
    // From here on SIGINT/SIGTERM are ours (queued until run() waits for them), so a signal
    // that arrives as soon as "listening" is printed still stops the server gracefully.
    if (o.handle_signals) {
        p->signals->add(SIGINT);
        p->signals->add(SIGTERM);
    }
    return std::unique_ptr<server_app>(new server_app(std::move(p)));
}

std::uint16_t server_app::port() const { return impl_->acceptor->local_endpoint().port(); }

std::string server_app::base_url() const {
    auto ep = impl_->acceptor->local_endpoint();
    auto host = ep.address().is_v6() ? "[" + ep.address().to_string() + "]" : ep.address().to_string();
    return "http://" + host + ":" + std::to_string(ep.port());
}

void server_app::run() {
    auto& p = *impl_;
    if (p.options.handle_signals) {
        p.signals->async_wait([&p](boost::system::error_code ec, int) {
            if (!ec) p.begin_stop();
        });
    }
    p.acceptor->run();
    p.hub->start_sweeping();
    net::post(p.pool->context(0), [&p] { p.flush_presence(); });
    p.pool->run();
}

void server_app::stop() {
    net::post(impl_->pool->context(0), [p = impl_.get()] { p->begin_stop(); });
}

}  // namespace bimtek::app
